#include "windowassembly.h"

#include "ui/exchangesession.h"
#include "ui/mainwindow.h"

namespace corscope {

WindowAssembly::WindowAssembly(const TransportSetup &setup, HistoryStore *history)
    : m_transport(setup.create())
    , m_session(std::make_unique<ExchangeSession>(m_transport.get()))
    , m_window(std::make_unique<MainWindow>(m_session.get(), history))
{ }

WindowAssembly::~WindowAssembly() = default;

} // namespace corscope
