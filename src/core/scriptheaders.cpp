#include "core/scriptheaders.h"

#include "core/preflightdecision.h"

namespace corscope {

namespace {

bool hasForbiddenOrRepeatedName(const HeaderList &headers, const BrowserProfile &profile)
{
    const QList<HeaderField> &fields = headers.fields();
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (isForbiddenRequestHeader(fields[i].name, fields[i].value, profile))
            return true;
        for (qsizetype j = 0; j < i; ++j) {
            if (HeaderList::namesEqual(fields[i].name, fields[j].name))
                return true;
        }
    }
    return false;
}

} // namespace

HeaderList scriptHeadersAsSent(const FetchRequest &request, const BrowserProfile &profile)
{
    HeaderList combined;
    if (!hasForbiddenOrRepeatedName(request.headers, profile)) {
        combined = request.headers; // the common case: shared, nothing to drop or combine
    } else {
        HeaderList allowed;
        for (const HeaderField &field : request.headers) {
            if (!isForbiddenRequestHeader(field.name, field.value, profile))
                allowed.append(field.name, field.value);
        }
        for (const HeaderField &field : allowed) {
            if (!combined.contains(field.name))
                combined.append(field.name, *allowed.combinedValue(field.name));
        }
    }
    if (!request.body.isEmpty() && !combined.contains("content-type"))
        combined.append(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/plain;charset=UTF-8"));
    return combined;
}

} // namespace corscope
