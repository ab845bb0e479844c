#pragma once

#include <QHash>
#include <QHostAddress>
#include <QString>
#include <QUrl>
#include <optional>

namespace corscope {

// curl's --resolve: "host:port:address" makes connections to host:port go to address while the URL,
// the Host header and the TLS name stay as written. Host names compare case-insensitively.
class ResolveMap
{
public:
    struct Entry
    {
        QString host; // lowercase, no brackets
        int port = 0;
        QHostAddress address;
    };
    struct ParseResult
    {
        std::optional<Entry> entry;
        QString error; // a sentence for people when entry is empty
    };

    // "api.test:8000:127.0.0.1", "api.test:443:[::1]", "[::1]:8000:127.0.0.1".
    static ParseResult parse(const QString &text);

    // Parses and inserts; returns the error sentence, empty on success.
    QString add(const QString &text);
    void insert(const Entry &entry);
    void clear() { m_entries.clear(); }
    bool isEmpty() const { return m_entries.isEmpty(); }
    int size() const { return int(m_entries.size()); }

    // The address for this host and port, if mapped.
    std::optional<QHostAddress> lookup(const QString &host, int port) const;
    // The address for the URL's host and effective port (default port when absent), if mapped.
    std::optional<QHostAddress> lookup(const QUrl &url) const;
    // The URL to connect to: the logical URL with its host replaced by the mapped address, or the
    // URL unchanged when nothing maps.
    QUrl connectUrl(const QUrl &url) const;

private:
    static QString key(const QString &host, int port);
    QHash<QString, Entry> m_entries;
};

} // namespace corscope
