#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <optional>

namespace corscope {

// A web origin: a (scheme, host, port) tuple or an opaque origin that serializes to "null".
class Origin
{
public:
    Origin() = default; // opaque
    static Origin opaque() { return {}; }
    // The origin of an http(s) URL; any other URL yields an opaque origin.
    static Origin fromUrl(const QUrl &url);
    // Strict parsing of user input such as "http://app.test:3000" or "null". A path other than "/",
    // a query, a fragment or userinfo is an error; *error explains it.
    static std::optional<Origin> parse(const QString &text, QString *error = nullptr);

    bool isOpaque() const { return m_scheme.isEmpty(); }
    QString scheme() const { return m_scheme; }
    QString host() const { return m_host; }
    int port() const { return m_port; } // the effective port, default ports included

    // Scheme "://" host [":" port], lowercase, default port dropped; "null" when opaque.
    QByteArray serialize() const;
    // Two opaque origins are never the same origin (each is unique).
    bool isSameOrigin(const Origin &other) const;

private:
    QString m_scheme;
    QString m_host;
    int m_port = -1;
};

} // namespace corscope
