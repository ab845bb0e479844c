#include "ui/menus.h"

#include <QMenu>
#include <QMenuBar>

namespace corscope {

QMenu *findOrCreateMenu(QMenuBar *bar, const QString &title, bool first)
{
    const QString plain = QString(title).remove(u'&');
    for (QAction *action : bar->actions()) {
        if (action->menu() && action->text().remove(u'&') == plain)
            return action->menu();
    }
    auto *menu = new QMenu(title, bar);
    if (first && !bar->actions().isEmpty())
        bar->insertMenu(bar->actions().first(), menu);
    else
        bar->addMenu(menu);
    return menu;
}

} // namespace corscope
