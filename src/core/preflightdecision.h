#pragma once

#include "core/browserprofile.h"
#include "core/headerlist.h"
#include "core/preflightreason.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace corscope {

// The classification of a cross-origin request before any cache lookup.
struct PreflightDecision
{
    bool needed = false;
    bool methodIsUnsafe = false;
    QList<QByteArray> unsafeHeaderNames; // the sorted-lowercase set that goes into ACRH
    QList<PreflightReason> reasons;      // in the order found; reason.text() says each in a sentence
};

// fetch()'s method normalization: DELETE/GET/HEAD/OPTIONS/POST/PUT are upper-cased, others kept.
QByteArray normalizeMethod(const QByteArray &method);
bool isSafelistedMethod(const QByteArray &normalizedMethod);
bool isForbiddenMethod(const QByteArray &method);
bool isForbiddenRequestHeader(const QByteArray &name, const QByteArray &value, const BrowserProfile &profile);
bool isSafelistedRequestHeader(const QByteArray &name, const QByteArray &value, const BrowserProfile &profile);

// `headers` are the script's headers after forbidden ones are removed; `method` is normalized.
PreflightDecision decidePreflight(const QByteArray &method, const HeaderList &headers,
                                  const BrowserProfile &profile);

} // namespace corscope
