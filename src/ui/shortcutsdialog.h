#pragma once

#include <QDialog>
#include <QList>
#include <QPair>

class QAction;

namespace corscope {

// Help ▸ Keyboard Shortcuts: every action of the window that has a key, read from the actions
// themselves, so the list cannot drift from what the keys do.
class ShortcutsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShortcutsDialog)

public:
    explicit ShortcutsDialog(QWidget *window, QWidget *parent = nullptr);
    ~ShortcutsDialog() override;

    // (what it does, its keys) for each action under `window` with a shortcut, sorted by name.
    static QList<QPair<QString, QString>> shortcutsOf(const QWidget *window);
};

} // namespace corscope
