#pragma once

#include "ui/exchangerecord.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QStackedWidget;
class QTabWidget;
class QTableView;

namespace corscope {

class HeaderListModel;

// One hop exactly as it was on the wire: the request headers the browser sent, the response
// headers it received (CORS headers highlighted) and the response body (text, JSON or hex; capped).
class DetailsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DetailsPanel)

public:
    explicit DetailsPanel(QWidget *parent = nullptr);
    ~DetailsPanel() override;

    void setHop(const ExchangeRecordPtr &exchange, int hopIndex);
    void clear();

    HeaderListModel *requestHeaders() const { return m_requestHeaders; }
    HeaderListModel *responseHeaders() const { return m_responseHeaders; }
    QTableView *requestHeadersView() const { return m_requestView; }
    QTableView *responseHeadersView() const { return m_responseView; }
    QString bodyText() const;

private:
    void updateBody();

    ExchangeRecordPtr m_exchange;
    int m_hopIndex = -1;
    QStackedWidget *m_pages;
    QLabel *m_summary;
    QTabWidget *m_tabs;
    HeaderListModel *m_requestHeaders;
    HeaderListModel *m_responseHeaders;
    QTableView *m_requestView;
    QTableView *m_responseView;
    QComboBox *m_bodyFormat;
    QLabel *m_bodyNote;
    QPlainTextEdit *m_body;
};

} // namespace corscope
