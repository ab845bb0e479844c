#include "core/scriptheaders.h"

#include "core/preflightdecision.h"

namespace corscope {

HeaderList scriptHeadersAsSent(const FetchRequest &request, const BrowserProfile &profile)
{
    HeaderList allowed;
    for (const HeaderField &field : request.headers) {
        if (!isForbiddenRequestHeader(field.name, field.value, profile))
            allowed.append(field.name, field.value);
    }
    HeaderList combined;
    for (const HeaderField &field : allowed) {
        if (!combined.contains(field.name))
            combined.append(field.name, *allowed.combinedValue(field.name));
    }
    if (!request.body.isEmpty() && !combined.contains("content-type"))
        combined.append(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/plain;charset=UTF-8"));
    return combined;
}

} // namespace corscope
