// The multi-image canvas's scene: lays out the 1-6 images of a case (each labelled "Image-k"),
// shows their boxes, and owns mouse editing through a Mode, as Qt's diagramscene does. It never
// changes data itself: every finished gesture is reported by a signal with normalised coordinates
// (0..1 of the image it lands on); the owner records it (undo stack, project store) and calls
// setAnnotations() with the result.
#pragma once

#include "annotate/store_types.h"
#include "ui/box_item.h"

#include <QElapsedTimer>
#include <QGraphicsScene>
#include <QImage>
#include <QList>

class QGraphicsPixmapItem;

namespace migician::ui {

class CaseScene : public QGraphicsScene
{
    Q_OBJECT
public:
    enum class Mode { Select, Crop, CreateBox };

    explicit CaseScene(QObject *parent = nullptr);

    void setImages(const QList<QImage> &images);
    int imageCount() const { return int(m_images.size()); }
    QRectF imageRect(int image) const;          // scene rectangle of Image-k (1-based)
    double imageScale(int image) const;         // scene units per image pixel
    int imageAt(const QPointF &scenePos) const; // 0 when none

    QRectF toScene(int image, const annotate::NormBox &box) const;
    annotate::NormBox toNorm(int image, const QRectF &sceneRect) const;

    void setAnnotations(const QList<annotate::AnnotationInfo> &annotations);
    void setGroundTruth(int image, const std::optional<annotate::NormBox> &box);
    // Crops used as visual references, drawn on their source image as "Image-k".
    struct Reference
    {
        int sourceImage = 0;
        annotate::NormBox box;
        QString name;
    };
    void setReferences(const QList<Reference> &references);

    Mode mode() const { return m_mode; }
    void setMode(Mode mode);

    qint64 selectedAnnotation() const; // 0 when none
    void selectAnnotation(qint64 id);
    BoxItem *boxItem(qint64 annotationId) const;
    // Nudges the selected box by (dx, dy) image pixels; reports it like a drag.
    void nudgeSelected(int dx, int dy);
    // Moves the selected box to Image-k at the same place relative to the image; reports it like
    // a drag. Nothing happens for its own image or an image the case does not have.
    void moveSelectedToImage(int image);

Q_SIGNALS:
    void modeChanged(migician::ui::CaseScene::Mode mode);
    void cropDrawn(int image, const migician::annotate::NormBox &box);
    void boxDrawn(int image, const migician::annotate::NormBox &box, qint64 durationMs);
    void boxEdited(qint64 annotationId, int image, const migician::annotate::NormBox &box,
                   qint64 durationMs);
    void selectedAnnotationChanged(qint64 annotationId);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;

private:
    enum class Drag { None, Rubber, Move, Resize };
    void finishEdit(BoxItem *item, const QRectF &sceneRect);
    double handleTolerance() const;
    qint64 takeEditDuration();

    QList<QImage> m_images;
    QList<QGraphicsPixmapItem *> m_pixmaps;
    QList<BoxItem *> m_boxes;
    QList<QGraphicsItem *> m_overlays; // ground truth and references
    Mode m_mode = Mode::Select;
    Drag m_drag = Drag::None;
    BoxItem::Handle m_handle = BoxItem::NoHandle;
    BoxItem *m_dragItem = nullptr;
    QRectF m_dragStartRect;
    QPointF m_pressPos;
    QGraphicsRectItem *m_rubber = nullptr;
    int m_rubberImage = 0;
    QElapsedTimer m_editClock; // active time of the current edit, reported as its duration
};

} // namespace migician::ui
