#pragma once

#include <QString>

class QComboBox;

namespace corscope {

// The choices of fetch()'s options, as the composer and the Request Settings dialog both offer them:
// one list, so that the two never drift apart. Each item's data is the value the file format and
// buildRequest() use ("same-origin", "follow", "chromium"), its tooltip says what it means.
void addChoice(QComboBox *combo, const QString &text, const QString &value, const QString &toolTip);
void addCredentialsChoices(QComboBox *combo);
void addRedirectChoices(QComboBox *combo);
void addBrowserChoices(QComboBox *combo);

} // namespace corscope
