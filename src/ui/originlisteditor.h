#pragma once

#include <QStringList>
#include <QWidget>

class QLabel;
class QListView;
class QStringListModel;
class QToolButton;

namespace corscope {

// The page origins of an origin matrix as an editable list: add, remove, reorder, edit in place.
// Each origin is checked as the engine parses it ({{variables}} are checked when the request is
// resolved, not here); problems are shown under the list and returned by problems().
class OriginListEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OriginListEditor)

public:
    explicit OriginListEditor(QWidget *parent = nullptr);
    ~OriginListEditor() override;

    // Trimmed, blank rows left out.
    QStringList origins() const;
    void setOrigins(const QStringList &origins);
    // What an empty list means, shown while it is empty ("the collection's origins are used").
    void setEmptyText(const QString &text);
    // One sentence per origin that does not parse.
    QStringList problems() const;

    // Appends a row with `origin` (a template when empty), selects it and starts editing it.
    void addOrigin(const QString &origin = {});

Q_SIGNALS:
    void originsChanged();

private:
    void removeSelected();
    void moveSelected(int delta);
    void update();

    QStringListModel *m_model;
    QListView *m_view;
    QToolButton *m_add;
    QToolButton *m_remove;
    QToolButton *m_up;
    QToolButton *m_down;
    QLabel *m_note;
    QString m_emptyText;
};

} // namespace corscope
