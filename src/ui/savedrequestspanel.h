#pragma once

#include <QWidget>

class QListView;

namespace corscope {

class SavedRequestModel;

// The list of saved requests (the lab's demo requests for now). Clicking one (or Enter) asks for it
// to be loaded into the composer, a double click asks for it to be sent as well.
class SavedRequestsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SavedRequestsPanel)

public:
    explicit SavedRequestsPanel(SavedRequestModel *model, QWidget *parent = nullptr);
    ~SavedRequestsPanel() override;

    QListView *view() const { return m_view; }
    void selectRow(int row);

Q_SIGNALS:
    void requestChosen(int row);
    void sendRequested(int row);

private:
    SavedRequestModel *m_model;
    QListView *m_view;
};

} // namespace corscope
