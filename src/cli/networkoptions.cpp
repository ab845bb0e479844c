#include "cli/networkoptions.h"

namespace corscope {

void NetworkOptions::addTo(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("resolve"),
                      QStringLiteral("Connect to ADDRESS for HOST:PORT, keeping the URL, Host and Origin as written "
                                     "(like curl). Repeatable."),
                      QStringLiteral("host:port:address")});
    parser.addOption({QStringLiteral("timeout"), QStringLiteral("Give up on a silent server after SECONDS (default 15)."),
                      QStringLiteral("seconds")});
    parser.addOption({QStringLiteral("max-body"),
                      QStringLiteral("Keep at most BYTES of each response body in memory (default 4194304)."),
                      QStringLiteral("bytes")});
    QCommandLineOption transport(QStringLiteral("transport"),
                                 QStringLiteral("Network implementation: auto (default: raw HTTP/1.1 for http://, Qt for "
                                                "https://), raw or qnam."),
                                 QStringLiteral("auto|raw|qnam"));
    transport.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(transport);
}

TransportSetup NetworkOptions::fromParser(const QCommandLineParser &parser, QStringList *errors)
{
    TransportSetup setup;
    for (const QString &text : parser.values(QStringLiteral("resolve"))) {
        const QString error = setup.resolve.add(text);
        if (!error.isEmpty())
            errors->append(error);
    }
    if (parser.isSet(QStringLiteral("timeout"))) {
        bool ok = false;
        const double seconds = parser.value(QStringLiteral("timeout")).toDouble(&ok);
        if (!ok || seconds <= 0 || seconds > 3600)
            errors->append(u"--timeout must be a number of seconds between 0 and 3600, not '"
                           + parser.value(QStringLiteral("timeout")) + u"'.");
        else
            setup.timeoutMs = int(seconds * 1000);
    }
    if (parser.isSet(QStringLiteral("max-body"))) {
        bool ok = false;
        const qint64 bytes = parser.value(QStringLiteral("max-body")).toLongLong(&ok);
        if (!ok || bytes < 0)
            errors->append(u"--max-body must be a number of bytes, not '" + parser.value(QStringLiteral("max-body"))
                           + u"'.");
        else
            setup.bodyCapBytes = bytes;
    }
    if (parser.isSet(QStringLiteral("transport"))) {
        const QString name = parser.value(QStringLiteral("transport"));
        if (const auto mode = CompositeTransport::modeFromName(name))
            setup.mode = *mode;
        else
            errors->append(u"--transport must be auto, raw or qnam, not '" + name + u"'.");
    }
    return setup;
}

} // namespace corscope
