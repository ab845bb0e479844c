#pragma once

#include "net/transportsetup.h"

#include <memory>

namespace corscope {

class CompositeTransport;
class ExchangeSession;
class HistoryStore;
class MainWindow;

// The window and what it sends with, put together one way for the person at the screen
// (guimain.cpp) and for the tests that hold the window's verdicts against the command line's and
// Chromium's (tests/browser/windowcheck.cpp, tests/ui/tst_windowtransport.cpp): the transport made
// by TransportSetup, as `corscope check` and `corscope run` make theirs, the session on it, and the
// window on the session (its collection runs go out on the session's transport).
class WindowAssembly final
{
    Q_DISABLE_COPY_MOVE(WindowAssembly)

public:
    // The history, when given, must outlive the assembly.
    explicit WindowAssembly(const TransportSetup &setup, HistoryStore *history = nullptr);
    ~WindowAssembly();

    MainWindow &window() const { return *m_window; }
    CompositeTransport *transport() const { return m_transport.get(); }

private:
    // Declared in the order they are built; the window goes first on destruction.
    std::unique_ptr<CompositeTransport> m_transport;
    std::unique_ptr<ExchangeSession> m_session;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace corscope
