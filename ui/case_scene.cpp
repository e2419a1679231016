#include "case_scene.h"

#include <QGraphicsPixmapItem>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsView>
#include <QPen>

#include <algorithm>

namespace migician::ui {

namespace {
constexpr double kCellWidth = 1000;
constexpr double kCellHeight = 750;
constexpr double kGap = 70; // room for the "Image-k" caption above each image

int columnsFor(int count)
{
    if (count <= 1)
        return 1;
    if (count == 2 || count == 4)
        return 2;
    return 3;
}

QString captionOf(const annotate::AnnotationInfo &a)
{
    QString text = a.label.isEmpty() ? annotate::toString(a.source) : a.label;
    if (a.review == annotate::ReviewState::Accepted)
        text += QStringLiteral(" \u2713");
    else if (a.review == annotate::ReviewState::Rejected)
        text += QStringLiteral(" \u2717");
    return text;
}
} // namespace

CaseScene::CaseScene(QObject *parent)
    : QGraphicsScene(parent)
{
    setBackgroundBrush(QColor(0x26, 0x28, 0x2c));
    m_editClock.start();
}

void CaseScene::setImages(const QList<QImage> &images)
{
    clear(); // deletes every item
    m_pixmaps.clear();
    m_boxes.clear();
    m_overlays.clear();
    m_captions.clear();
    m_labelRects.clear();
    m_historyBoxes.clear();
    m_shownRun = 0;
    m_imageFrame = nullptr;
    m_dragImage = 0;
    m_rubber = nullptr;
    m_dragItem = nullptr;
    m_drag = Drag::None;
    m_images = images;
    const int columns = columnsFor(int(images.size()));
    for (int i = 0; i < images.size(); ++i) {
        const QPointF cell((i % columns) * (kCellWidth + kGap),
                           (i / columns) * (kCellHeight + kGap));
        const QImage &image = images[i];
        auto *pixmap = addPixmap(QPixmap::fromImage(image));
        pixmap->setTransformationMode(Qt::SmoothTransformation);
        const double scale = image.isNull() ? 1.0
                                            : std::min(kCellWidth / image.width(),
                                                       kCellHeight / image.height());
        pixmap->setScale(scale);
        pixmap->setPos(cell + QPointF(0, kGap));
        pixmap->setZValue(0);
        m_pixmaps << pixmap;
        auto *caption = addSimpleText(tr("Image-%1").arg(i + 1));
        QFont font = caption->font();
        font.setPixelSize(40);
        font.setBold(true);
        caption->setFont(font);
        caption->setBrush(Qt::white);
        caption->setPos(cell + QPointF(0, 8));
        caption->setZValue(15);
        caption->setToolTip(tr("Drag onto another image to move Image-%1 there").arg(i + 1));
        m_captions << caption;
        m_labelRects << QRectF(cell, QSizeF(kCellWidth, kGap));
        if (image.isNull()) {
            auto *missing = addSimpleText(tr("(image could not be read)"));
            missing->setFont(font);
            missing->setBrush(QColor(0xff, 0x60, 0x60));
            missing->setPos(cell + QPointF(0, kGap + 40));
        }
    }
    setSceneRect(itemsBoundingRect().adjusted(-20, -20, 20, 20));
    // The selected image stays selected by number (the owner moves it along after a reorder).
    selectImage(m_selectedImage <= imageCount() ? m_selectedImage : 0);
}

QRectF CaseScene::labelRect(int image) const
{
    return image >= 1 && image <= m_labelRects.size() ? m_labelRects[image - 1] : QRectF();
}

int CaseScene::labelAt(const QPointF &scenePos) const
{
    for (int i = 0; i < m_labelRects.size(); ++i)
        if (m_labelRects[i].contains(scenePos))
            return i + 1;
    return 0;
}

int CaseScene::dropTargetAt(const QPointF &scenePos) const
{
    if (const int label = labelAt(scenePos))
        return label;
    return imageAt(scenePos);
}

void CaseScene::selectImage(int image)
{
    if (image < 0 || image > imageCount())
        image = 0;
    delete m_imageFrame;
    m_imageFrame = nullptr;
    if (image > 0) {
        m_imageFrame = addRect(imageRect(image).united(labelRect(image)));
        QPen pen(QColor(0x00, 0xe5, 0xff), 3);
        pen.setCosmetic(true);
        m_imageFrame->setPen(pen);
        m_imageFrame->setZValue(1);
    }
    if (m_selectedImage == image)
        return;
    m_selectedImage = image;
    Q_EMIT selectedImageChanged(image);
}

void CaseScene::setRunLinks(const QHash<qint64, qint64> &runByPrediction)
{
    m_runByPrediction = runByPrediction;
    for (BoxItem *item : std::as_const(m_boxes))
        item->setRunId(m_runByPrediction.value(item->annotation().predictionId, 0));
}

void CaseScene::showRunBoxes(qint64 runId, const QList<annotate::PredictedBox> &boxes)
{
    for (BoxItem *item : std::as_const(m_historyBoxes))
        delete item;
    m_historyBoxes.clear();
    m_shownRun = runId;
    if (runId == 0)
        return;
    for (const annotate::PredictedBox &box : boxes) {
        if (box.image < 1 || box.image > imageCount())
            continue;
        auto *item = new BoxItem(BoxItem::Kind::History, toScene(box.image, box.box));
        item->setRunId(runId);
        item->setCaption(tr("run %1").arg(runId));
        addItem(item);
        m_historyBoxes << item;
    }
}

QList<BoxItem *> CaseScene::boxesOfRun(qint64 runId) const
{
    QList<BoxItem *> items;
    for (BoxItem *item : m_boxes)
        if (item->runId() == runId)
            items << item;
    for (BoxItem *item : m_historyBoxes)
        if (item->runId() == runId)
            items << item;
    return items;
}

QRectF CaseScene::imageRect(int image) const
{
    if (image < 1 || image > m_pixmaps.size())
        return {};
    return m_pixmaps[image - 1]->sceneBoundingRect();
}

double CaseScene::imageScale(int image) const
{
    return image >= 1 && image <= m_pixmaps.size() ? m_pixmaps[image - 1]->scale() : 1.0;
}

int CaseScene::imageAt(const QPointF &scenePos) const
{
    for (int i = 0; i < m_pixmaps.size(); ++i)
        if (m_pixmaps[i]->sceneBoundingRect().contains(scenePos))
            return i + 1;
    return 0;
}

QRectF CaseScene::toScene(int image, const annotate::NormBox &box) const
{
    const QRectF r = imageRect(image);
    return QRectF(QPointF(r.left() + box.x1 * r.width(), r.top() + box.y1 * r.height()),
                  QPointF(r.left() + box.x2 * r.width(), r.top() + box.y2 * r.height()));
}

annotate::NormBox CaseScene::toNorm(int image, const QRectF &sceneRect) const
{
    const QRectF r = imageRect(image);
    if (r.isEmpty())
        return {};
    const QRectF c = sceneRect.normalized().intersected(r);
    auto clamp01 = [](double v) {
        return std::clamp(v, 0.0, 1.0);
    };
    return annotate::NormBox{clamp01((c.left() - r.left()) / r.width()),
                             clamp01((c.top() - r.top()) / r.height()),
                             clamp01((c.right() - r.left()) / r.width()),
                             clamp01((c.bottom() - r.top()) / r.height())};
}

void CaseScene::setAnnotations(const QList<annotate::AnnotationInfo> &annotations)
{
    const qint64 selected = selectedAnnotation();
    for (BoxItem *item : std::as_const(m_boxes))
        delete item;
    m_boxes.clear();
    m_dragItem = nullptr;
    m_drag = Drag::None;
    for (const auto &annotation : annotations) {
        if (annotation.image < 1 || annotation.image > imageCount())
            continue;
        auto *item
                = new BoxItem(BoxItem::Kind::Annotation, toScene(annotation.image, annotation.box));
        item->setAnnotation(annotation);
        item->setCaption(captionOf(annotation));
        item->setRunId(m_runByPrediction.value(annotation.predictionId, 0));
        addItem(item);
        m_boxes << item;
        if (annotation.id == selected)
            item->setSelected(true);
    }
}

void CaseScene::setGroundTruth(int image, const std::optional<annotate::NormBox> &box)
{
    for (QGraphicsItem *item : std::as_const(m_overlays)) {
        if (auto *b = dynamic_cast<BoxItem *>(item); b && b->kind() == BoxItem::Kind::GroundTruth) {
            m_overlays.removeOne(item);
            delete item;
            break;
        }
    }
    if (!box || image < 1 || image > imageCount())
        return;
    auto *item = new BoxItem(BoxItem::Kind::GroundTruth, toScene(image, *box));
    item->setCaption(tr("ground truth"));
    addItem(item);
    m_overlays << item;
}

void CaseScene::setReferences(const QList<Reference> &references)
{
    for (auto it = m_overlays.begin(); it != m_overlays.end();) {
        auto *b = dynamic_cast<BoxItem *>(*it);
        if (b && b->kind() == BoxItem::Kind::Reference) {
            delete b;
            it = m_overlays.erase(it);
        } else {
            ++it;
        }
    }
    for (const Reference &reference : references) {
        if (reference.sourceImage < 1 || reference.sourceImage > imageCount())
            continue;
        auto *item = new BoxItem(BoxItem::Kind::Reference,
                                 toScene(reference.sourceImage, reference.box));
        item->setCaption(reference.name);
        addItem(item);
        m_overlays << item;
    }
}

void CaseScene::setMode(Mode mode)
{
    if (m_mode == mode)
        return;
    m_mode = mode;
    for (QGraphicsView *view : views())
        view->viewport()->setCursor(mode == Mode::Select ? Qt::ArrowCursor : Qt::CrossCursor);
    Q_EMIT modeChanged(mode);
}

qint64 CaseScene::selectedAnnotation() const
{
    for (BoxItem *item : m_boxes)
        if (item->isSelected())
            return item->annotation().id;
    return 0;
}

void CaseScene::selectAnnotation(qint64 id)
{
    for (BoxItem *item : std::as_const(m_boxes))
        item->setSelected(item->annotation().id == id);
    m_editClock.restart();
    Q_EMIT selectedAnnotationChanged(id);
}

BoxItem *CaseScene::boxItem(qint64 annotationId) const
{
    for (BoxItem *item : m_boxes)
        if (item->annotation().id == annotationId)
            return item;
    return nullptr;
}

double CaseScene::handleTolerance() const
{
    const auto list = views();
    const double zoom = list.isEmpty() ? 1.0 : list.first()->transform().m11();
    return 8.0 / qMax(1e-6, zoom);
}

qint64 CaseScene::takeEditDuration()
{
    // Time since the box was picked up or last edited, capped so an idle pause does not count.
    const qint64 ms = std::min<qint64>(m_editClock.restart(), 60000);
    return ms;
}

void CaseScene::nudgeSelected(int dx, int dy)
{
    BoxItem *item = boxItem(selectedAnnotation());
    if (!item)
        return;
    const int image = item->annotation().image;
    const double s = imageScale(image);
    QRectF moved = item->rect().translated(dx * s, dy * s);
    const QRectF bounds = imageRect(image);
    if (!bounds.contains(moved))
        return; // a nudge never pushes a box off its image
    finishEdit(item, moved);
}

void CaseScene::moveSelectedToImage(int image)
{
    BoxItem *item = boxItem(selectedAnnotation());
    if (!item || image < 1 || image > imageCount() || image == item->annotation().image)
        return;
    Q_EMIT boxEdited(item->annotation().id, image, item->annotation().box, takeEditDuration());
}

void CaseScene::finishEdit(BoxItem *item, const QRectF &sceneRect)
{
    const int image
            = imageAt(sceneRect.center()) ? imageAt(sceneRect.center()) : item->annotation().image;
    const annotate::NormBox box = toNorm(image, sceneRect);
    Q_EMIT boxEdited(item->annotation().id, image, box, takeEditDuration());
}

void CaseScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QGraphicsScene::mousePressEvent(event);
        return;
    }
    const QPointF pos = event->scenePos();
    m_pressPos = pos;
    // The view sends presses unaccepted; accepting one keeps the view from hand-scrolling.
    event->accept();
    if (m_mode == Mode::Crop || m_mode == Mode::CreateBox) {
        m_rubberImage = imageAt(pos);
        if (m_rubberImage == 0) {
            event->ignore();
            return;
        }
        m_rubber = addRect(QRectF(pos, pos));
        QPen pen(m_mode == Mode::Crop ? QColor(0xff, 0xd6, 0x00) : QColor(0x1e, 0x90, 0xff), 2,
                 Qt::DashLine);
        pen.setCosmetic(true);
        m_rubber->setPen(pen);
        m_rubber->setZValue(20);
        m_drag = Drag::Rubber;
        m_editClock.restart();
        return;
    }
    // Select mode: a handle of the selected box first, then any box under the cursor, then an
    // "Image-k" label (selects the image; dragging it moves the image).
    if (BoxItem *selected = boxItem(selectedAnnotation())) {
        const auto handle = selected->handleAt(pos, handleTolerance());
        if (handle != BoxItem::NoHandle) {
            m_drag = Drag::Resize;
            m_handle = handle;
            m_dragItem = selected;
            m_dragStartRect = selected->rect();
            return;
        }
    }
    BoxItem *hit = nullptr;
    for (QGraphicsItem *item : items(pos)) {
        if (auto *box = dynamic_cast<BoxItem *>(item);
            box && box->kind() == BoxItem::Kind::Annotation) {
            hit = box;
            break;
        }
    }
    if (!hit) {
        if (selectedAnnotation() != 0)
            selectAnnotation(0);
        if (const int label = labelAt(pos)) {
            selectImage(label);
            m_drag = Drag::Image;
            m_dragImage = label;
            // While it is dragged the image dims and its label, in the frame's colour, follows
            // the cursor.
            m_pixmaps[label - 1]->setOpacity(0.35);
            m_captions[label - 1]->setBrush(QColor(0x00, 0xe5, 0xff));
            m_captions[label - 1]->setZValue(30);
            return;
        }
        event->ignore(); // lets the view pan
        return;
    }
    if (!hit->isSelected())
        selectAnnotation(hit->annotation().id);
    m_drag = Drag::Move;
    m_dragItem = hit;
    m_dragStartRect = hit->rect();
}

void CaseScene::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    const QPointF pos = event->scenePos();
    switch (m_drag) {
    case Drag::Rubber:
        if (m_rubber)
            m_rubber->setRect(
                    QRectF(m_pressPos, pos).normalized().intersected(imageRect(m_rubberImage)));
        return;
    case Drag::Move:
        m_dragItem->setRect(m_dragStartRect.translated(pos - m_pressPos));
        return;
    case Drag::Resize:
        m_dragItem->setRect(BoxItem::resized(m_dragStartRect, m_handle, pos));
        return;
    case Drag::Image:
        // The label follows the cursor; the frame shows where the image would go.
        if (m_dragImage >= 1 && m_dragImage <= m_captions.size())
            m_captions[m_dragImage - 1]->setPos(pos - QPointF(20, 20));
        if (const int target = dropTargetAt(pos); target > 0 && m_imageFrame)
            m_imageFrame->setRect(imageRect(target).united(labelRect(target)));
        return;
    case Drag::None:
        break;
    }
    QGraphicsScene::mouseMoveEvent(event);
}

void CaseScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    const Drag drag = m_drag;
    m_drag = Drag::None;
    if (drag == Drag::Rubber) {
        const QRectF rect = m_rubber ? m_rubber->rect() : QRectF();
        delete m_rubber;
        m_rubber = nullptr;
        const double minSide = 4 * imageScale(m_rubberImage); // at least 4 image pixels
        if (rect.width() < minSide || rect.height() < minSide)
            return;
        const annotate::NormBox box = toNorm(m_rubberImage, rect);
        if (m_mode == Mode::Crop) {
            Q_EMIT cropDrawn(m_rubberImage, box);
        } else {
            Q_EMIT boxDrawn(m_rubberImage, box, takeEditDuration());
            setMode(Mode::Select);
        }
        return;
    }
    if (drag == Drag::Image) {
        const int from = m_dragImage;
        m_dragImage = 0;
        if (from >= 1 && from <= m_captions.size()) {
            m_captions[from - 1]->setPos(labelRect(from).topLeft() + QPointF(0, 8));
            m_captions[from - 1]->setBrush(Qt::white);
            m_captions[from - 1]->setZValue(15);
            m_pixmaps[from - 1]->setOpacity(1.0);
        }
        const int to = dropTargetAt(event->scenePos());
        if (to > 0 && to != from)
            Q_EMIT imageMoveRequested(from, to);
        else
            selectImage(from);
        return;
    }
    if ((drag == Drag::Move || drag == Drag::Resize) && m_dragItem) {
        BoxItem *item = m_dragItem;
        m_dragItem = nullptr;
        const QRectF rect = item->rect();
        if (rect == m_dragStartRect)
            return;
        // The item shows the new place until the owner confirms it with setAnnotations().
        finishEdit(item, rect);
        return;
    }
    QGraphicsScene::mouseReleaseEvent(event);
}

} // namespace migician::ui
