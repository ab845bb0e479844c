#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringView>

namespace corscope {

// Whether secret values (Authorization, cookies, tokens, passwords) go to disk.
enum class Secrets { Masked, Kept };

// What the window writes to disk of secrets: by default no value, only its place. History entries
// and the composer's saved request are masked with the report redactor's rules (report/redactor.h:
// the same headers, query parameters and body fields as a redacted report) before they are written;
// the setting privacy/keepSecrets opts in to keeping them. What was masked reads back as
// Redactor::mask(), which is how a restored request knows which values to ask for again.
class SecretsAtRest
{
public:
    // QSettings: privacy/keepSecrets, false unless the user opted in.
    static QString settingsKey();
    static bool keepSecrets();
    static void setKeepSecrets(bool keep);
    static Secrets policy() { return keepSecrets() ? Secrets::Kept : Secrets::Masked; }

    // An exchange's JSON (exchangeToJson and what the history adds) as it may be written.
    static QJsonObject exchangeForDisk(const QJsonObject &exchange, Secrets secrets);
    // Whether a value read from disk lost a secret there.
    static bool lostSecret(QStringView value);
};

} // namespace corscope
