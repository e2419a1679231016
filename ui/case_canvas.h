// The multi-image canvas view: zoom with the wheel (around the cursor), pan by dragging empty
// space or with the middle button, fit and 1:1, and the editing keys of the selected box (Del,
// Enter, arrows; W starts a new box; Ctrl+Left/Right and the context menu move it to another
// image, see MoveBoxMenu). Image files or folders dropped on it are offered to the owner
// (filesDropped: added to the case); the context menu of an image moves it left or right or
// removes it from the case. The data side lives in CaseScene.
#pragma once

#include "ui/case_scene.h"

#include <QGraphicsView>

namespace migician::ui {

class MoveBoxMenu;

class CaseCanvas : public QGraphicsView
{
    Q_OBJECT
public:
    explicit CaseCanvas(QWidget *parent = nullptr);

    CaseScene *caseScene() const { return m_scene; }
    double zoom() const { return transform().m11(); }
    MoveBoxMenu *moveMenu() const { return m_moveMenu; }

public Q_SLOTS:
    void fitAll();
    void actualSize(); // one image pixel of Image-1 per screen pixel
    void zoomBy(double factor);

Q_SIGNALS:
    void deleteRequested(qint64 annotationId);
    void acceptRequested(qint64 annotationId);
    void rejectRequested(qint64 annotationId);
    void filesDropped(const QStringList &files);
    void imageMoveRequested(int from, int to);
    void imageRemoveRequested(int image);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    CaseScene *m_scene;
    MoveBoxMenu *m_moveMenu;
    bool m_fitted = true; // keep fitting on resize until the user zooms
};

} // namespace migician::ui
