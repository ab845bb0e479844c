#pragma once

#include "store/collection.h"

#include <QString>
#include <QStringList>

namespace corscope {

// Keeps secret values out of the working state (the collection autosaved between sessions), with the
// rules of report redaction (Redactor): secret headers (Authorization, cookies, API keys), secret query
// parameters and URL passwords, secret fields of JSON and form bodies, and variables with secret
// names. A masked value keeps its shape ("Bearer ••••••", "token=••••••") so a restored request shows
// which value it needs again. Values that only refer to a variable ("Bearer {{token}}") are kept: the
// secret is in the variable, which is masked itself. Files the user saves keep what the user wrote.
class WorkingStateSecrets
{
public:
    // What a restored collection still misses, for people.
    struct Missing
    {
        QStringList itemIds;
        QStringList requests; // "“Login” (Authorization, body)"
        QStringList variables; // "token", "dev/token"
        bool isEmpty() const { return requests.isEmpty() && variables.isEmpty(); }
        // "2 requests need their secret values again: …"; empty when nothing is missing.
        QString sentence() const;
    };

    static Collection withoutSecrets(const Collection &collection);
    // Puts back the values `original` (the user's file) still has: a masked value is replaced by the
    // original's when the original, masked, reads exactly as the restored value (same item id, same
    // header, variable or environment name).
    static void refill(Collection &restored, const Collection &original);
    static Missing missing(const Collection &restored);
};

} // namespace corscope
