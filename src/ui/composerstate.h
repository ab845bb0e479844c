#pragma once

#include "store/requestinput.h"
#include "ui/headereditmodel.h"
#include "ui/secretsatrest.h"

#include <QByteArray>
#include <QList>
#include <optional>

namespace corscope {

// The request in the composer as it is kept from one run of the window to the next: the options of
// RequestInput and every header row, the unchecked ones too. Stored as a small JSON text in
// QSettings (ComposerPanel::saveState()); secret values are masked unless the user keeps them, and
// come back as Redactor::mask(), which the composer turns into rows asking for the value.
struct ComposerState
{
    RequestInput input; // input.headerLines is not used: headers holds every row
    QList<HeaderEditModel::Entry> headers;

    QByteArray toJson(Secrets secrets) const;
    // nullopt when json is empty or not a composer state (from a newer or broken file).
    static std::optional<ComposerState> fromJson(const QByteArray &json);
};

} // namespace corscope
