#include "case_canvas.h"

#include "ui/image_files.h"
#include "ui/move_box_menu.h"

#include <QContextMenuEvent>
#include <QDropEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QMimeData>
#include <QScrollBar>
#include <QWheelEvent>

#include <cmath>

namespace migician::ui {

CaseCanvas::CaseCanvas(QWidget *parent)
    : QGraphicsView(parent)
    , m_scene(new CaseScene(this))
    , m_moveMenu(new MoveBoxMenu(m_scene, this, this))
{
    setScene(m_scene);
    setRenderHints(QPainter::Antialiasing | QPainter::SmoothPixmapTransform);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(320, 240);
    setAcceptDrops(true);
    // Drops land on the viewport (a scroll area ignores them itself).
    viewport()->setAcceptDrops(true);
    connect(m_scene, &CaseScene::imageMoveRequested, this, &CaseCanvas::imageMoveRequested);
    connect(m_scene, &QGraphicsScene::sceneRectChanged, this, [this] {
        m_fitted = true;
        fitAll();
    });
}

void CaseCanvas::fitAll()
{
    if (m_scene->sceneRect().isEmpty())
        return;
    fitInView(m_scene->sceneRect(), Qt::KeepAspectRatio);
    m_fitted = true;
}

void CaseCanvas::actualSize()
{
    const double scale = m_scene->imageCount() > 0 ? m_scene->imageScale(1) : 1.0;
    setTransform(QTransform::fromScale(1.0 / scale, 1.0 / scale));
    centerOn(m_scene->imageRect(1).center());
    m_fitted = false;
}

void CaseCanvas::zoomBy(double factor)
{
    const double next = zoom() * factor;
    if (next < 0.02 || next > 64)
        return;
    scale(factor, factor);
    m_fitted = false;
}

void CaseCanvas::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps != 0)
        zoomBy(std::pow(1.2, steps));
    event->accept();
}

void CaseCanvas::keyPressEvent(QKeyEvent *event)
{
    const qint64 selected = m_scene->selectedAnnotation();
    const int step = event->modifiers() & Qt::ShiftModifier ? 10 : 1;
    switch (event->key()) {
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
        if (selected)
            Q_EMIT deleteRequested(selected);
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (selected)
            Q_EMIT acceptRequested(selected);
        return;
    case Qt::Key_Left:
        m_scene->nudgeSelected(-step, 0);
        return;
    case Qt::Key_Right:
        m_scene->nudgeSelected(step, 0);
        return;
    case Qt::Key_Up:
        m_scene->nudgeSelected(0, -step);
        return;
    case Qt::Key_Down:
        m_scene->nudgeSelected(0, step);
        return;
    case Qt::Key_Escape:
        m_scene->setMode(CaseScene::Mode::Select);
        return;
    default:
        break;
    }
    QGraphicsView::keyPressEvent(event);
}

void CaseCanvas::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    if (m_fitted)
        fitAll();
}

void CaseCanvas::mousePressEvent(QMouseEvent *event)
{
    setFocus(Qt::MouseFocusReason);
    if (event->button() == Qt::MiddleButton) {
        setDragMode(QGraphicsView::ScrollHandDrag);
        // ScrollHandDrag only reacts to the left button: replay the press as one.
        QMouseEvent left(event->type(), event->position(), event->scenePosition(),
                         event->globalPosition(), Qt::LeftButton, Qt::LeftButton,
                         event->modifiers());
        QGraphicsView::mousePressEvent(&left);
        return;
    }
    // In Select mode a left press that no box takes pans the view (the scene ignores it).
    setDragMode(event->button() == Qt::LeftButton && m_scene->mode() == CaseScene::Mode::Select
                        ? QGraphicsView::ScrollHandDrag
                        : QGraphicsView::NoDrag);
    QGraphicsView::mousePressEvent(event);
}

void CaseCanvas::mouseReleaseEvent(QMouseEvent *event)
{
    QGraphicsView::mouseReleaseEvent(event);
    if (dragMode() != QGraphicsView::NoDrag) {
        setDragMode(QGraphicsView::NoDrag);
        m_fitted = false;
    }
}

void CaseCanvas::contextMenuEvent(QContextMenuEvent *event)
{
    // A right click on a box selects it and offers to move it to another image.
    for (QGraphicsItem *item : items(event->pos())) {
        if (auto *box = dynamic_cast<BoxItem *>(item);
            box && box->kind() == BoxItem::Kind::Annotation) {
            if (!box->isSelected())
                m_scene->selectAnnotation(box->annotation().id);
            m_moveMenu->exec(event->globalPos());
            event->accept();
            return;
        }
    }
    // On an image (or its label): move it left or right, or remove it from the case.
    const QPointF at = mapToScene(event->pos());
    int image = m_scene->imageAt(at);
    for (int k = 1; image == 0 && k <= m_scene->imageCount(); ++k)
        if (m_scene->labelRect(k).contains(at))
            image = k;
    if (image > 0) {
        m_scene->selectImage(image);
        QMenu menu(this);
        QAction *left = menu.addAction(tr("Move Image-%1 left").arg(image));
        left->setEnabled(image > 1);
        QAction *right = menu.addAction(tr("Move Image-%1 right").arg(image));
        right->setEnabled(image < m_scene->imageCount());
        menu.addSeparator();
        QAction *remove = menu.addAction(tr("Remove Image-%1 from the case").arg(image));
        remove->setEnabled(m_scene->imageCount() > 1);
        QAction *chosen = menu.exec(event->globalPos());
        if (chosen == left)
            Q_EMIT imageMoveRequested(image, image - 1);
        else if (chosen == right)
            Q_EMIT imageMoveRequested(image, image + 1);
        else if (chosen == remove)
            Q_EMIT imageRemoveRequested(image);
        event->accept();
        return;
    }
    QGraphicsView::contextMenuEvent(event);
}

// Drops are handled here, not by the scene: dropped files become images of the case.
void CaseCanvas::dragEnterEvent(QDragEnterEvent *event)
{
    acceptFileDrag(event);
}

void CaseCanvas::dragMoveEvent(QDragMoveEvent *event)
{
    acceptFileDrag(event);
}

void CaseCanvas::dropEvent(QDropEvent *event)
{
    const QStringList files = takeDroppedImageFiles(event);
    if (event->isAccepted())
        Q_EMIT filesDropped(files);
}

} // namespace migician::ui
