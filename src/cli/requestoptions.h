#pragma once

#include "store/requestinput.h"

#include <QCommandLineParser>
#include <QStringList>

namespace corscope {

// The request as `corscope check` takes it: the URL, --origin, -X, -H, --credentials, --data,
// --data-file, --redirect and --browser. Shared with the test that puts the same request into the
// window's composer (tests/browser/windowcheck.cpp).
class RequestOptions final
{
public:
    RequestOptions() = delete;

    static void addTo(QCommandLineParser &parser);
    // Reads the request; problems are appended to *errors as sentences.
    static RequestInput fromParser(const QCommandLineParser &parser, QStringList *errors);
};

} // namespace corscope
