#include "move_box_menu.h"

#include "ui/case_scene.h"

#include <QAction>

namespace migician::ui {

MoveBoxMenu::MoveBoxMenu(CaseScene *scene, QWidget *shortcutWidget, QWidget *parent)
    : QMenu(tr("&Move box to image"), parent)
    , m_scene(scene)
    , m_previous(addAction(tr("Previous image")))
    , m_next(addAction(tr("Next image")))
{
    setObjectName(QStringLiteral("moveBoxMenu"));
    m_previous->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Left));
    m_next->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Right));
    for (QAction *action : {m_previous, m_next}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        shortcutWidget->addAction(action);
    }
    connect(m_previous, &QAction::triggered, this, [this] { moveBy(-1); });
    connect(m_next, &QAction::triggered, this, [this] { moveBy(1); });
    addSeparator();
    connect(this, &QMenu::aboutToShow, this, &MoveBoxMenu::refresh);
    refresh();
}

QAction *MoveBoxMenu::imageAction(int image) const
{
    return image >= 1 && image <= m_imageActions.size() ? m_imageActions[image - 1] : nullptr;
}

void MoveBoxMenu::refresh()
{
    qDeleteAll(m_imageActions);
    m_imageActions.clear();
    const BoxItem *selected = m_scene->boxItem(m_scene->selectedAnnotation());
    const int current = selected ? selected->annotation().image : 0;
    for (int image = 1; image <= m_scene->imageCount(); ++image) {
        QAction *action = addAction(tr("Image-%1").arg(image));
        action->setEnabled(selected && image != current);
        connect(action, &QAction::triggered, this,
                [this, image] { m_scene->moveSelectedToImage(image); });
        m_imageActions << action;
    }
}

void MoveBoxMenu::moveBy(int step)
{
    // The shortcuts are always enabled (a disabled action ignores its shortcut, and the
    // selection changes without the menu knowing): the scene refuses a move off the ends.
    if (const BoxItem *selected = m_scene->boxItem(m_scene->selectedAnnotation()))
        m_scene->moveSelectedToImage(selected->annotation().image + step);
}

} // namespace migician::ui
