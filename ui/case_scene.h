// The multi-image canvas's scene: lays out the images of a case (each labelled "Image-k"),
// shows their boxes, and owns mouse editing through a Mode, as Qt's diagramscene does. It never
// changes data itself: every finished gesture is reported by a signal with normalised coordinates
// (0..1 of the image it lands on); the owner records it (undo stack, project store) and calls
// setAnnotations() with the result. Dragging an "Image-k" label onto another image asks for the
// image to be moved there (imageMoveRequested); a click on it selects the image.
// Which run produced a box is explicit: every box item carries its runId (setRunLinks maps a
// box's prediction to its run), and the boxes of one earlier run can be shown again as History
// items (showRunBoxes); boxesOfRun() finds both.
#pragma once

#include "annotate/store_types.h"
#include "ui/box_item.h"

#include <QElapsedTimer>
#include <QGraphicsScene>
#include <QHash>
#include <QImage>
#include <QList>

class QGraphicsPixmapItem;
class QGraphicsSimpleTextItem;

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

    // Which run each prediction belongs to (prediction id -> run id): box items of model answers
    // carry their run.
    void setRunLinks(const QHash<qint64, qint64> &runByPrediction);
    // The boxes of an earlier run, drawn as History items over the case (replacing the ones shown
    // before); runId 0 or no boxes clears them. Boxes with image 0 (removed since) are skipped.
    void showRunBoxes(qint64 runId, const QList<annotate::PredictedBox> &boxes);
    void clearRunBoxes() { showRunBoxes(0, {}); }
    qint64 shownRun() const { return m_shownRun; }
    // Every box item (case boxes and history boxes) produced by the run.
    QList<BoxItem *> boxesOfRun(qint64 runId) const;

    // The image selected by a click on its label; 0 when none.
    int selectedImage() const { return m_selectedImage; }
    void selectImage(int image);
    QRectF labelRect(int image) const; // the "Image-k" band above an image, in scene units

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
    void selectedImageChanged(int image);
    void imageMoveRequested(int from, int to);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;

private:
    enum class Drag { None, Rubber, Move, Resize, Image };
    int labelAt(const QPointF &scenePos) const;
    int dropTargetAt(const QPointF &scenePos) const;
    void finishEdit(BoxItem *item, const QRectF &sceneRect);
    double handleTolerance() const;
    qint64 takeEditDuration();

    QList<QImage> m_images;
    QList<QGraphicsPixmapItem *> m_pixmaps;
    QList<BoxItem *> m_boxes;
    QList<QGraphicsItem *> m_overlays; // ground truth and references
    QList<QGraphicsSimpleTextItem *> m_captions;
    QList<QRectF> m_labelRects;
    QList<BoxItem *> m_historyBoxes;
    QHash<qint64, qint64> m_runByPrediction;
    qint64 m_shownRun = 0;
    int m_selectedImage = 0;
    QGraphicsRectItem *m_imageFrame = nullptr; // outline of the selected image / drop target
    int m_dragImage = 0;
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
