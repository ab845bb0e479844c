#include "ui/secretsatrest.h"

#include "report/redactor.h"

#include <QSettings>

namespace corscope {

QString SecretsAtRest::settingsKey()
{
    return QStringLiteral("privacy/keepSecrets");
}

bool SecretsAtRest::keepSecrets()
{
    return QSettings().value(settingsKey(), false).toBool();
}

void SecretsAtRest::setKeepSecrets(bool keep)
{
    QSettings().setValue(settingsKey(), keep);
}

QJsonObject SecretsAtRest::exchangeForDisk(const QJsonObject &exchange, Secrets secrets)
{
    if (secrets == Secrets::Kept)
        return exchange;
    return Redactor().redactExchange(exchange);
}

bool SecretsAtRest::lostSecret(QStringView value)
{
    return value.contains(Redactor::mask());
}

} // namespace corscope
