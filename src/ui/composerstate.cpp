#include "ui/composerstate.h"

#include "report/redactor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace corscope {

namespace {
constexpr int formatVersion = 1;
} // namespace

QByteArray ComposerState::toJson(Secrets secrets) const
{
    const Redactor redactor;
    const bool mask = secrets == Secrets::Masked;
    QJsonArray rows;
    for (const HeaderEditModel::Entry &entry : headers) {
        const QString value = mask ? redactor.redactHeaderValue(entry.name, entry.value) : entry.value;
        QJsonObject row{{QStringLiteral("name"), entry.name}, {QStringLiteral("value"), value}};
        if (!entry.enabled)
            row.insert(QStringLiteral("enabled"), false);
        rows.append(row);
    }
    const QString body = QString::fromUtf8(input.body);
    const QJsonObject object{
        {QStringLiteral("version"), formatVersion},
        {QStringLiteral("method"), input.method},
        {QStringLiteral("url"), mask ? redactor.redactUrl(input.url) : input.url},
        {QStringLiteral("origin"), input.origin},
        {QStringLiteral("credentials"), input.credentials},
        {QStringLiteral("redirect"), input.redirect},
        {QStringLiteral("browser"), input.browser},
        {QStringLiteral("headers"), rows},
        {QStringLiteral("body"), mask ? redactor.redactBody(body) : body},
    };
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

std::optional<ComposerState> ComposerState::fromJson(const QByteArray &json)
{
    const QJsonDocument document = QJsonDocument::fromJson(json);
    const QJsonObject object = document.object();
    if (!document.isObject() || object.value(QStringLiteral("version")).toInt() != formatVersion)
        return std::nullopt;
    ComposerState state;
    RequestInput &input = state.input;
    auto text = [&object](const QString &key, const QString &fallback) {
        return object.value(key).toString(fallback);
    };
    input.method = text(QStringLiteral("method"), input.method);
    input.url = text(QStringLiteral("url"), QString());
    input.origin = text(QStringLiteral("origin"), QString());
    input.credentials = text(QStringLiteral("credentials"), input.credentials);
    input.redirect = text(QStringLiteral("redirect"), input.redirect);
    input.browser = text(QStringLiteral("browser"), input.browser);
    input.body = text(QStringLiteral("body"), QString()).toUtf8();
    for (const QJsonValue &value : object.value(QStringLiteral("headers")).toArray()) {
        const QJsonObject row = value.toObject();
        HeaderEditModel::Entry entry;
        entry.name = row.value(QStringLiteral("name")).toString();
        entry.value = row.value(QStringLiteral("value")).toString();
        entry.enabled = row.value(QStringLiteral("enabled")).toBool(true);
        state.headers.append(entry);
    }
    return state;
}

} // namespace corscope
