#include "ui/fetchoptionchoices.h"

#include "core/browserprofile.h"
#include "core/corsenums.h"

#include <QComboBox>

namespace corscope {

void addChoice(QComboBox *combo, const QString &text, const QString &value, const QString &toolTip)
{
    combo->addItem(text, value);
    combo->setItemData(combo->count() - 1, toolTip, Qt::ToolTipRole);
}

void addCredentialsChoices(QComboBox *combo)
{
    addChoice(combo, QStringLiteral("same-origin (default)"), QStringLiteral("same-origin"),
        QStringLiteral("Cookies only for same-origin requests: fetch()'s default"));
    addChoice(combo, QStringLiteral("include"), QStringLiteral("include"),
        QStringLiteral(
            "credentials: 'include': send cookies cross-origin; the server must allow credentials"));
    addChoice(combo, QStringLiteral("omit"), QStringLiteral("omit"), QStringLiteral("Never send cookies"));
    combo->setToolTip(QStringLiteral("fetch()'s credentials option"));
}

void addRedirectChoices(QComboBox *combo)
{
    addChoice(combo, QStringLiteral("follow"), QStringLiteral("follow"),
        QStringLiteral("Follow redirects (default)"));
    addChoice(combo, QStringLiteral("error"), QStringLiteral("error"),
        QStringLiteral("A redirect is a network error"));
    addChoice(combo, QStringLiteral("manual"), QStringLiteral("manual"),
        QStringLiteral("Return an opaque-redirect response"));
    combo->setToolTip(QStringLiteral("fetch()'s redirect option"));
}

void addBrowserChoices(QComboBox *combo)
{
    for (Browser browser : {Browser::Chromium, Browser::Firefox, Browser::Safari})
        addChoice(combo, BrowserProfile::forBrowser(browser).displayName, browserName(browser),
            QStringLiteral("Predict what this browser does"));
    combo->setToolTip(QStringLiteral("The browser whose CORS behaviour is predicted"));
}

} // namespace corscope
