#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QRegularExpression>
#include <QSet>
#include <QString>
#include <QStringList>

namespace corscope {

class KnownSecrets;

// Masks secrets in the data of a report before anything is rendered: credentials and secret headers,
// tokens in query strings (request URLs, Location, Referer), secret fields of JSON and form bodies,
// bearer tokens and JWTs anywhere, and user patterns. The mask keeps the shape of what was sent
// ("Bearer ••••••", "session=••••••") so a reader still sees which secret travelled where.
//
// redact() works in three walks over the document: the structured walk masks values by where they are
// (header name, query parameter, body field), the text walk applies the free-text rules and the user
// patterns to every string, and the last walk masks every value masked so far wherever else it appears
// (a response body echoing a token, a console message quoting a URL, the name of a run entry).
class Redactor
{
public:
    Redactor() = default;

    // User patterns: every match is masked; when the pattern has capturing groups, only the groups are.
    void addPattern(const QRegularExpression &pattern);
    QList<QRegularExpression> patterns() const { return m_patterns; }

    // An exchange object (exchangeToJson), a `corscope run` array of them, or any JSON value.
    QJsonValue redact(const QJsonValue &value) const;
    QJsonObject redactExchange(const QJsonObject &exchange) const { return redact(exchange).toObject(); }

    // The building blocks, public so that each rule has its own data-driven test.
    static QString mask(); // "••••••"
    static bool isSecretHeader(QStringView name);
    static bool isSecretParameter(QStringView name); // query strings and form fields
    static bool isSecretField(QStringView name);     // JSON keys and "name: value" in free text
    QString redactHeaderValue(QStringView name, const QString &value) const;
    QString redactUrl(const QString &url) const;
    QString redactBody(const QString &body) const;
    QString redactText(const QString &text) const; // the free-text rules and the user patterns

private:
    // The values masked so far, for the last walk.
    struct Found
    {
        QStringList values;
        QSet<QString> seen;
        void add(const QString &value);
    };

    QString headerValue(QStringView name, const QString &value, Found &found) const;
    QString url(const QString &text, Found &found) const;
    QString parameters(const QString &query, Found &found) const;
    QString body(const QString &text, Found &found) const;
    QString text(const QString &text, Found &found) const;
    QJsonValue structuredWalk(const QJsonValue &value, QStringView key, Found &found) const;
    QJsonValue textWalk(const QJsonValue &value, Found &found) const;
    QJsonValue knownValuesWalk(const QJsonValue &value, const KnownSecrets &known) const;

    QList<QRegularExpression> m_patterns;
};

} // namespace corscope
