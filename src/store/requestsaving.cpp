#include "store/requestsaving.h"

#include "store/variables.h"

namespace corscope {

namespace {
QList<QPair<QString, QString>> headerPairs(const QStringList &lines)
{
    QList<QPair<QString, QString>> pairs;
    pairs.reserve(lines.size());
    for (const QString &line : lines) {
        const qsizetype colon = line.indexOf(u':');
        if (colon < 0)
            pairs.append({line.trimmed(), QString()});
        else
            pairs.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    return pairs;
}

std::optional<QString> bodyText(const QByteArray &body)
{
    if (body.isEmpty())
        return std::nullopt;
    return QString::fromUtf8(body);
}
} // namespace

SavedRequest savedRequestFrom(const RequestInput &input)
{
    SavedRequest request;
    request.method = input.method;
    request.url = input.url;
    if (!input.origin.trimmed().isEmpty())
        request.origins = {input.origin.trimmed()};
    request.headers = headerPairs(input.headerLines);
    request.body = bodyText(input.body);
    request.credentials = input.credentials;
    request.redirect = input.redirect;
    request.browser = input.browser;
    return request;
}

SavedRequest updatedSavedRequest(
    const SavedRequest &base, const RequestInput &input, const VariableResolver &resolver)
{
    const QString origin = input.origin.trimmed();
    QStringList ignored;
    const RequestInput opened
        = resolver.inputsFor(base, origin.isEmpty() ? QStringList() : QStringList{origin}, &ignored).value(0);
    SavedRequest updated = base;
    if (input.method != opened.method)
        updated.method = input.method;
    if (input.url != opened.url)
        updated.url = input.url;
    if (input.headerLines != opened.headerLines)
        updated.headers = headerPairs(input.headerLines);
    if (input.body != opened.body)
        updated.body = bodyText(input.body);
    updated.credentials = input.credentials;
    updated.redirect = input.redirect;
    updated.browser = input.browser;
    if (!origin.isEmpty() && origin != opened.origin && !base.origins.contains(origin)) {
        if (base.origins.size() <= 1)
            updated.origins = {origin};
        else
            updated.origins.append(origin);
    }
    return updated;
}

} // namespace corscope
