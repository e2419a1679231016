// "Move box to image": the keyboard and menu way to move the selected box to another image of the
// case (dragging it across images on the canvas does the same). Ctrl+Left / Ctrl+Right move it to
// the previous / next image; one entry per image moves it to that one. The box keeps its place
// relative to the image. The move is reported by CaseScene::boxEdited like a drag, so it is one
// undoable edit, saved with its author and duration and logged as move_image.
// The menu serves both the Edit menu and the canvas's context menu.
#pragma once

#include <QList>
#include <QMenu>

namespace migician::ui {

class CaseScene;

class MoveBoxMenu : public QMenu
{
    Q_OBJECT
public:
    // The shortcuts are active while `shortcutWidget` (the canvas) has the focus, so that
    // Ctrl+Left in the query editor still moves by words.
    MoveBoxMenu(CaseScene *scene, QWidget *shortcutWidget, QWidget *parent = nullptr);

    QAction *previousImageAction() const { return m_previous; }
    QAction *nextImageAction() const { return m_next; }
    // "Image-k" entry, 1-based; nullptr when the case has no such image. Valid after refresh().
    QAction *imageAction(int image) const;
    // Rebuilds the entries for the current case and selection (done before the menu shows).
    void refresh();

private:
    void moveBy(int step);

    CaseScene *m_scene;
    QAction *m_previous;
    QAction *m_next;
    QList<QAction *> m_imageActions;
};

} // namespace migician::ui
