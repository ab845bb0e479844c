#include "store/curlimport.h"

#include <QUrl>

#include <algorithm>

namespace corscope {

namespace {
// ------------------------------------------------------------------ POSIX shell words

bool isHex(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c.toLower() >= u'a' && c.toLower() <= u'f');
}

// $'...' starting after the opening quote; returns the index after the closing quote, -1 if unterminated.
qsizetype readAnsiC(const QString &text, qsizetype i, QString *word)
{
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c == u'\'')
            return i + 1;
        if (c != u'\\') {
            *word += c;
            ++i;
            continue;
        }
        if (i + 1 >= text.size())
            return -1;
        const QChar e = text.at(i + 1);
        i += 2;
        auto readDigits = [&](int max, auto accept) {
            QString digits;
            while (digits.size() < max && i < text.size() && accept(text.at(i)))
                digits += text.at(i++);
            return digits;
        };
        switch (e.unicode()) {
        case 'n': *word += u'\n'; break;
        case 'r': *word += u'\r'; break;
        case 't': *word += u'\t'; break;
        case 'a': *word += QChar(7); break;
        case 'b': *word += QChar(8); break;
        case 'e': case 'E': *word += QChar(27); break;
        case 'f': *word += QChar(12); break;
        case 'v': *word += QChar(11); break;
        case '\\': *word += u'\\'; break;
        case '\'': *word += u'\''; break;
        case '"': *word += u'"'; break;
        case '?': *word += u'?'; break;
        case 'x': { // browsers write code points below 256 as \xHH
            const QString digits = readDigits(2, isHex);
            if (digits.isEmpty())
                *word += QStringLiteral("\\x");
            else
                *word += QChar(char16_t(digits.toUInt(nullptr, 16)));
            break;
        }
        case 'u':
        case 'U': {
            const QString digits = readDigits(e == u'u' ? 4 : 8, isHex);
            const char32_t code = digits.toUInt(nullptr, 16);
            if (digits.isEmpty())
                *word += QString(u'\\') + e;
            else
                *word += QString::fromUcs4(&code, 1);
            break;
        }
        default:
            if (e >= u'0' && e <= u'7') {
                --i;
                const QString digits = readDigits(3, [](QChar d) { return d >= u'0' && d <= u'7'; });
                *word += QChar(char16_t(digits.toUInt(nullptr, 8) & 0xff));
            } else {
                *word += u'\\';
                *word += e;
            }
        }
    }
    return -1;
}

std::optional<QList<QStringList>> splitPosix(const QString &text, QString *error)
{
    QList<QStringList> commands;
    QStringList words;
    QString word;
    bool inWord = false;
    auto endWord = [&] {
        if (inWord)
            words.append(word);
        word.clear();
        inWord = false;
    };
    auto endCommand = [&] {
        endWord();
        if (!words.isEmpty())
            commands.append(words);
        words.clear();
    };
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c == u'\\') {
            if (i + 1 < text.size() && text.at(i + 1) == u'\n') { // line continuation
                i += 2;
                continue;
            }
            if (i + 2 < text.size() && text.at(i + 1) == u'\r' && text.at(i + 2) == u'\n') {
                i += 3;
                continue;
            }
            if (i + 1 < text.size()) {
                word += text.at(i + 1);
                inWord = true;
            }
            i += 2;
        } else if (c == u'\'') {
            const qsizetype close = text.indexOf(u'\'', i + 1);
            if (close < 0) {
                *error = QStringLiteral("a single-quoted string is not closed (the command looks truncated)");
                return std::nullopt;
            }
            word += QStringView(text).mid(i + 1, close - i - 1);
            inWord = true;
            i = close + 1;
        } else if (c == u'$' && i + 1 < text.size() && text.at(i + 1) == u'\'') {
            const qsizetype next = readAnsiC(text, i + 2, &word);
            if (next < 0) {
                *error = QStringLiteral("a $'...' string is not closed (the command looks truncated)");
                return std::nullopt;
            }
            inWord = true;
            i = next;
        } else if (c == u'"') {
            ++i;
            bool closed = false;
            while (i < text.size()) {
                const QChar d = text.at(i);
                if (d == u'"') {
                    closed = true;
                    ++i;
                    break;
                }
                if (d == u'\\' && i + 1 < text.size()) {
                    const QChar e = text.at(i + 1);
                    if (e == u'"' || e == u'\\' || e == u'$' || e == u'`') {
                        word += e;
                        i += 2;
                        continue;
                    }
                    if (e == u'\n') {
                        i += 2;
                        continue;
                    }
                }
                word += d;
                ++i;
            }
            if (!closed) {
                *error = QStringLiteral("a double-quoted string is not closed (the command looks truncated)");
                return std::nullopt;
            }
            inWord = true;
        } else if (c == u'\n' || c == u';' || (c == u'&' && i + 1 < text.size() && text.at(i + 1) == u'&')) {
            endCommand();
            i += c == u'&' ? 2 : 1;
        } else if (c == u' ' || c == u'\t' || c == u'\r') {
            endWord();
            ++i;
        } else if (c == u'#' && !inWord) {
            while (i < text.size() && text.at(i) != u'\n')
                ++i;
        } else {
            word += c;
            inWord = true;
            ++i;
        }
    }
    endCommand();
    return commands;
}

// ------------------------------------------------------------------ cmd.exe + MS C runtime

// cmd.exe: ^ escapes the next character (^ + newline continues the line and takes the following
// character literally: "^\n\n" is a newline); a plain " switches cmd's quote mode, in which ^ is
// literal. Returns the lines cmd hands to the program, one per command.
std::optional<QStringList> cmdLines(const QString &text, QString *error)
{
    QStringList lines;
    QString line;
    bool quoted = false;
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c == u'\r') {
            ++i;
            continue;
        }
        if (!quoted && c == u'^') {
            if (i + 1 >= text.size()) {
                ++i;
                continue;
            }
            qsizetype next = i + 1;
            if (text.at(next) == u'\r')
                ++next;
            if (text.at(next) == u'\n') {
                // continuation: the newline goes, the next character is literal
                ++next;
                if (next < text.size() && text.at(next) == u'\r')
                    ++next;
                if (next < text.size()) {
                    line += text.at(next);
                    ++next;
                }
                i = next;
                continue;
            }
            // ^" is a quote for the program that does not switch cmd's quote mode
            line += text.at(next);
            i = next + 1;
            continue;
        }
        if (c == u'"') {
            quoted = !quoted;
            line += c;
            ++i;
            continue;
        }
        if (!quoted && c == u'\n') {
            lines.append(line);
            line.clear();
            ++i;
            continue;
        }
        if (!quoted && c == u'&') {
            lines.append(line);
            line.clear();
            i += (i + 1 < text.size() && text.at(i + 1) == u'&') ? 2 : 1;
            continue;
        }
        line += c;
        ++i;
    }
    if (quoted) {
        *error = QStringLiteral("a quoted string is not closed (the command looks truncated)");
        return std::nullopt;
    }
    lines.append(line);
    return lines;
}

// The MS C runtime's argv rules: 2n backslashes + " give n backslashes and toggle quoting,
// 2n+1 backslashes + " give n backslashes and a literal quote; other backslashes are literal.
QStringList crtWords(const QString &line, bool *unterminated)
{
    QStringList words;
    QString word;
    bool inWord = false;
    bool quoted = false;
    qsizetype i = 0;
    while (i < line.size()) {
        const QChar c = line.at(i);
        if (c == u'\\') {
            qsizetype count = 0;
            while (i < line.size() && line.at(i) == u'\\') {
                ++count;
                ++i;
            }
            if (i < line.size() && line.at(i) == u'"') {
                word += QString(count / 2, u'\\');
                if (count % 2) {
                    word += u'"';
                    ++i;
                }
            } else {
                word += QString(count, u'\\');
            }
            inWord = true;
            continue;
        }
        if (c == u'"') {
            quoted = !quoted;
            inWord = true;
            ++i;
            continue;
        }
        if (!quoted && (c == u' ' || c == u'\t')) {
            if (inWord)
                words.append(word);
            word.clear();
            inWord = false;
            ++i;
            continue;
        }
        word += c;
        inWord = true;
        ++i;
    }
    if (inWord)
        words.append(word);
    *unterminated = quoted;
    return words;
}

// ------------------------------------------------------------------ curl options

bool takesArgument(const QString &option)
{
    static const QStringList withArgument{
        QStringLiteral("-o"), QStringLiteral("--output"), QStringLiteral("-m"), QStringLiteral("--max-time"),
        QStringLiteral("--connect-timeout"), QStringLiteral("-x"), QStringLiteral("--proxy"),
        QStringLiteral("--resolve"), QStringLiteral("-w"), QStringLiteral("--write-out"),
        QStringLiteral("--cacert"), QStringLiteral("-E"), QStringLiteral("--cert"), QStringLiteral("--key"),
        QStringLiteral("-T"), QStringLiteral("--upload-file"), QStringLiteral("-r"), QStringLiteral("--range"),
        QStringLiteral("--retry"), QStringLiteral("--limit-rate"), QStringLiteral("-K"), QStringLiteral("--config"),
        QStringLiteral("-c"), QStringLiteral("--cookie-jar"), QStringLiteral("-D"), QStringLiteral("--dump-header"),
        QStringLiteral("--max-redirs"), QStringLiteral("--interface"), QStringLiteral("--connect-to"),
        QStringLiteral("-U"), QStringLiteral("--proxy-user"), QStringLiteral("--retry-delay"),
        QStringLiteral("--retry-max-time"), QStringLiteral("-Y"), QStringLiteral("-y"), QStringLiteral("-z"),
        QStringLiteral("--time-cond"), QStringLiteral("--unix-socket"), QStringLiteral("--abstract-unix-socket")};
    return withArgument.contains(option);
}

struct CurlRequest
{
    SavedRequest request;
    QString explicitMethod;
    QString origin;
    bool head = false;
    bool getWithData = false;
    QStringList data;
};

// *preflightFor: for an OPTIONS command with Access-Control-Request-Method, that method (the command
// is then a preflight, as `corscope` and DevTools copy it before the request); else empty.
std::optional<CollectionItem> curlToItem(
    const QStringList &words, int number, QStringList *warnings, QString *error, QString *preflightFor)
{
    CurlRequest parsed;
    QString url;
    QList<QPair<QString, QString>> headers;
    QString cookie;
    QString referer;
    const QString where = u"curl command " + QString::number(number);
    for (qsizetype i = 1; i < words.size(); ++i) {
        QString option = words.at(i);
        QString value;
        bool hasInlineValue = false;
        if (option.startsWith(u"--") && option.contains(u'=')) {
            value = option.section(u'=', 1);
            option = option.section(u'=', 0, 0);
            hasInlineValue = true;
        }
        auto argument = [&]() -> std::optional<QString> {
            if (hasInlineValue)
                return value;
            if (i + 1 >= words.size()) {
                *error = where + u": option " + option + u" needs a value (the command looks truncated)";
                return std::nullopt;
            }
            return words.at(++i);
        };
        if (!option.startsWith(u'-') || option == u"-") {
            if (url.isEmpty())
                url = option;
            else
                warnings->append(where + u": extra argument '" + option + u"' ignored.");
            continue;
        }
        if (option == u"--url") {
            auto v = argument();
            if (!v)
                return std::nullopt;
            url = *v;
        } else if (option == u"-X" || option == u"--request") {
            auto v = argument();
            if (!v)
                return std::nullopt;
            parsed.explicitMethod = *v;
        } else if (option == u"-H" || option == u"--header") {
            auto v = argument();
            if (!v)
                return std::nullopt;
            const qsizetype colon = v->indexOf(u':');
            const qsizetype semicolon = v->indexOf(u';');
            if (colon > 0) {
                headers.append({v->left(colon).trimmed(), v->mid(colon + 1).trimmed()});
            } else if (semicolon > 0 && semicolon == v->size() - 1) { // "Name;" sends an empty header
                headers.append({v->left(semicolon).trimmed(), QString()});
            } else {
                *error = where + u": '" + *v + u"' is not a header (write -H 'Name: value')";
                return std::nullopt;
            }
        } else if (option == u"-b" || option == u"--cookie") {
            auto v = argument();
            if (!v)
                return std::nullopt;
            cookie = *v;
        } else if (option == u"-e" || option == u"--referer") {
            auto v = argument();
            if (!v)
                return std::nullopt;
            referer = *v;
        } else if (option == u"-A" || option == u"--user-agent") {
            if (!argument())
                return std::nullopt;
        } else if (option == u"-u" || option == u"--user") {
            auto v = argument();
            if (!v)
                return std::nullopt;
            headers.append({QStringLiteral("Authorization"),
                            u"Basic " + QString::fromLatin1(v->toUtf8().toBase64())});
        } else if (option == u"-d" || option == u"--data" || option == u"--data-raw" || option == u"--data-binary"
                   || option == u"--data-ascii" || option == u"--data-urlencode" || option == u"--json") {
            auto v = argument();
            if (!v)
                return std::nullopt;
            if (option != u"--data-raw" && v->startsWith(u'@')) {
                warnings->append(where + u": the body is read from a file (" + *v + u"); it was left empty.");
                continue;
            }
            QString piece = *v;
            if (option == u"--data-urlencode") {
                const qsizetype equals = piece.indexOf(u'=');
                piece = equals < 0 ? QString::fromLatin1(QUrl::toPercentEncoding(piece))
                                   : piece.left(equals + 1)
                                         + QString::fromLatin1(QUrl::toPercentEncoding(piece.mid(equals + 1)));
            } else if (option != u"--data-binary" && option != u"--data-raw" && option != u"--json") {
                piece.remove(u'\n'); // curl -d strips newlines and carriage returns
                piece.remove(u'\r');
            }
            if (option == u"--json") {
                headers.append({QStringLiteral("Content-Type"), QStringLiteral("application/json")});
                headers.append({QStringLiteral("Accept"), QStringLiteral("application/json")});
            }
            parsed.data.append(piece);
        } else if (option == u"-F" || option == u"--form" || option == u"--form-string") {
            if (!argument())
                return std::nullopt;
            warnings->append(where + u": multipart form fields (-F) are not imported.");
        } else if (option == u"-I" || option == u"--head") {
            parsed.head = true;
        } else if (option == u"-G" || option == u"--get") {
            parsed.getWithData = true;
        } else if (takesArgument(option)) {
            if (!argument())
                return std::nullopt;
        }
        // Anything else (--compressed, -s, -L, -k, -i, -v, --insecure, --http2 ...) changes nothing for CORS.
    }
    if (url.isEmpty()) {
        *error = where + u": no URL";
        return std::nullopt;
    }
    SavedRequest &request = parsed.request;
    request.url = url;
    if (!cookie.isEmpty())
        headers.append({QStringLiteral("Cookie"), cookie});
    if (!referer.isEmpty())
        headers.append({QStringLiteral("Referer"), referer});
    preflightFor->clear();
    for (const auto &[name, value] : std::as_const(headers)) {
        if (name.compare(u"access-control-request-method", Qt::CaseInsensitive) == 0)
            *preflightFor = value.trimmed();
    }
    if (parsed.explicitMethod.compare(u"OPTIONS", Qt::CaseInsensitive) != 0)
        preflightFor->clear();
    const QString origin = adoptRecordedHeaders(headers, &request);
    const bool hadCookie = std::any_of(headers.cbegin(), headers.cend(), [](const auto &header) {
        return header.first.compare(u"cookie", Qt::CaseInsensitive) == 0;
    });
    if (hadCookie)
        warnings->append(where + u": the Cookie header was not imported (cookies are secrets); "
                                 u"credentials set to \"include\".");
    if (!origin.isEmpty())
        request.origins = {origin};
    if (!parsed.data.isEmpty()) {
        const QString body = parsed.data.join(u'&');
        if (parsed.getWithData) {
            request.url += (url.contains(u'?') ? u'&' : u'?') + body;
        } else {
            request.body = body;
            request.method = QStringLiteral("POST");
            bool hasType = false;
            for (const auto &header : std::as_const(request.headers))
                hasType = hasType || header.first.compare(u"content-type", Qt::CaseInsensitive) == 0;
            if (!hasType) // curl -d sends this type; fetch() would send text/plain
                request.headers.append({QStringLiteral("Content-Type"),
                                        QStringLiteral("application/x-www-form-urlencoded")});
        }
    }
    if (parsed.head)
        request.method = QStringLiteral("HEAD");
    if (!parsed.explicitMethod.isEmpty())
        request.method = parsed.explicitMethod;
    CollectionItem item;
    const QUrl parsedUrl(url);
    item.name = request.method + u' ' + (parsedUrl.isValid() ? parsedUrl.path(QUrl::FullyDecoded) : url);
    if (parsedUrl.isValid() && parsedUrl.path().isEmpty())
        item.name = request.method + u' ' + parsedUrl.host();
    item.request = request;
    return item;
}
} // namespace

ShellDialect detectShellDialect(const QString &text)
{
    if (text.contains(u"^\"") || text.contains(QStringLiteral(" ^\n")) || text.contains(QStringLiteral(" ^\r\n")))
        return ShellDialect::Cmd;
    return ShellDialect::Posix;
}

std::optional<QList<QStringList>> splitShellCommands(const QString &text, ShellDialect dialect, QString *error)
{
    if (dialect == ShellDialect::Posix)
        return splitPosix(text, error);
    const auto lines = cmdLines(text, error);
    if (!lines)
        return std::nullopt;
    QList<QStringList> commands;
    for (const QString &line : *lines) {
        bool unterminated = false;
        const QStringList words = crtWords(line, &unterminated);
        if (unterminated) {
            *error = QStringLiteral("a quoted string is not closed (the command looks truncated)");
            return std::nullopt;
        }
        if (!words.isEmpty())
            commands.append(words);
    }
    return commands;
}

bool looksLikeCurl(const QString &text)
{
    for (const QStringView line : QStringView(text).split(u'\n')) {
        const QStringView trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(u'#'))
            continue;
        return trimmed.startsWith(u"curl ") || trimmed.startsWith(u"curl.exe ") || trimmed.startsWith(u"curl\t");
    }
    return false;
}

std::optional<ImportResult> importCurl(const QString &text, QString *error)
{
    QString problem;
    const auto commands = splitShellCommands(text, detectShellDialect(text), &problem);
    if (!commands) {
        *error = problem;
        return std::nullopt;
    }
    ImportResult result;
    result.collection.name = QStringLiteral("Imported from curl");
    struct Command
    {
        CollectionItem item;
        QString preflightFor;
    };
    QList<Command> parsed;
    int number = 0;
    for (const QStringList &words : *commands) {
        const QString program = words.first().section(u'/', -1).section(u'\\', -1);
        if (program.compare(u"curl", Qt::CaseInsensitive) != 0 && program.compare(u"curl.exe", Qt::CaseInsensitive) != 0) {
            *error = u"'" + words.first() + u"' is not a curl command";
            return std::nullopt;
        }
        Command command;
        auto item = curlToItem(words, ++number, &result.warnings, &problem, &command.preflightFor);
        if (!item) {
            *error = problem;
            return std::nullopt;
        }
        command.item = std::move(*item);
        parsed.append(std::move(command));
    }
    // A preflight followed by its request ("Copy as cURL" of corscope writes both) is one request:
    // the browser sends the preflight by itself, so importing it too would send it twice.
    for (qsizetype i = 0; i < parsed.size(); ++i) {
        const Command &command = parsed.at(i);
        if (!command.preflightFor.isEmpty() && i + 1 < parsed.size()) {
            const SavedRequest &next = parsed.at(i + 1).item.request;
            if (next.url == command.item.request.url
                && next.method.compare(command.preflightFor, Qt::CaseInsensitive) == 0) {
                result.warnings.append(u"curl command " + QString::number(i + 1)
                    + u" is the preflight of the next one: only the request was imported (the "
                      u"preflight is sent before it when needed).");
                continue;
            }
        }
        result.collection.items.push_back(command.item);
    }
    if (result.collection.items.empty()) {
        *error = QStringLiteral("no curl command found");
        return std::nullopt;
    }
    result.collection.assignMissingIds();
    return result;
}

} // namespace corscope
