#include "cli/requestoptions.h"

#include <QFile>

namespace corscope {

namespace {
constexpr qint64 maxDataFileBytes = 64 * 1024 * 1024;
} // namespace

void RequestOptions::addTo(QCommandLineParser &parser)
{
    parser.addPositionalArgument(QStringLiteral("url"), QStringLiteral("The URL the page fetches."));
    parser.addOption({QStringLiteral("origin"), QStringLiteral("The origin of the page making the request."),
        QStringLiteral("origin")});
    parser.addOption({{QStringLiteral("X"), QStringLiteral("method")},
        QStringLiteral("The method (default GET)."), QStringLiteral("method")});
    parser.addOption({{QStringLiteral("H"), QStringLiteral("header")},
        QStringLiteral("A request header the script sets, 'Name: value'. Repeatable."),
        QStringLiteral("header")});
    parser.addOption({QStringLiteral("credentials"),
        QStringLiteral("fetch() credentials mode: omit, same-origin (default) or include."),
        QStringLiteral("mode")});
    parser.addOption({{QStringLiteral("d"), QStringLiteral("data")}, QStringLiteral("The request body."),
        QStringLiteral("body")});
    parser.addOption({QStringLiteral("data-file"), QStringLiteral("Read the request body from FILE."),
        QStringLiteral("file")});
    parser.addOption({QStringLiteral("redirect"),
        QStringLiteral("fetch() redirect mode: follow (default), error or manual."), QStringLiteral("mode")});
    parser.addOption({QStringLiteral("browser"),
        QStringLiteral("Browser profile: chromium (default), firefox or safari."), QStringLiteral("name")});
}

RequestInput RequestOptions::fromParser(const QCommandLineParser &parser, QStringList *errors)
{
    RequestInput input;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        errors->append(QStringLiteral("Give exactly one URL."));
    else
        input.url = positional.first();
    input.origin = parser.value(QStringLiteral("origin"));
    if (parser.isSet(QStringLiteral("method")))
        input.method = parser.value(QStringLiteral("method"));
    input.headerLines = parser.values(QStringLiteral("header"));
    if (parser.isSet(QStringLiteral("credentials")))
        input.credentials = parser.value(QStringLiteral("credentials"));
    if (parser.isSet(QStringLiteral("redirect")))
        input.redirect = parser.value(QStringLiteral("redirect"));
    if (parser.isSet(QStringLiteral("browser")))
        input.browser = parser.value(QStringLiteral("browser"));
    if (parser.isSet(QStringLiteral("data")) && parser.isSet(QStringLiteral("data-file")))
        errors->append(QStringLiteral("Use either --data or --data-file, not both."));
    if (parser.isSet(QStringLiteral("data"))) {
        input.body = parser.value(QStringLiteral("data")).toUtf8();
    } else if (parser.isSet(QStringLiteral("data-file"))) {
        QFile file(parser.value(QStringLiteral("data-file")));
        if (!file.open(QIODevice::ReadOnly))
            errors->append(u"Cannot read --data-file " + file.fileName() + u": " + file.errorString() + u'.');
        else if (file.size() > maxDataFileBytes)
            errors->append(u"--data-file " + file.fileName() + u" is larger than 64 MiB.");
        else
            input.body = file.readAll();
    }
    return input;
}

} // namespace corscope
