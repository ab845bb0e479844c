#pragma once

#include "store/requestinput.h"

#include <QString>

namespace corscope {

// A ready-made request the Examples menu fills the composer with (the lab's demo requests).
struct ExampleRequest
{
    QString title; // "Missing Access-Control-Allow-Origin"
    QString description; // one sentence, shown as the tooltip
    RequestInput input;
};

} // namespace corscope
