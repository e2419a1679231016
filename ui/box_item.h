// How one box looks on the canvas: model boxes dashed, human and corrected boxes solid, ground
// truth in its own colour, boxes of an earlier run shown again from the history dash-dotted,
// each with a label; a selected box shows eight resize handles. Every box knows the run that
// produced it (runId(), 0 for a box no model run produced).
// The box itself is plain data (annotate::AnnotationInfo); editing is done by CaseScene.
#pragma once

#include "annotate/store_types.h"

#include <QGraphicsRectItem>

namespace migician::ui {

class BoxItem : public QGraphicsRectItem
{
public:
    enum class Kind { Annotation, GroundTruth, Reference, History };
    enum Handle {
        NoHandle = -1,
        TopLeft,
        Top,
        TopRight,
        Right,
        BottomRight,
        Bottom,
        BottomLeft,
        Left
    };
    enum { Type = UserType + 1 };

    BoxItem(Kind kind, const QRectF &sceneRect, QGraphicsItem *parent = nullptr);

    int type() const override { return Type; }
    Kind kind() const { return m_kind; }
    void setAnnotation(const annotate::AnnotationInfo &annotation);
    const annotate::AnnotationInfo &annotation() const { return m_annotation; }
    void setCaption(const QString &caption)
    {
        m_caption = caption;
        update();
    }
    QString caption() const { return m_caption; }
    // The run (annotate::CaseRunInfo::runId) whose answer this box is, or came from.
    void setRunId(qint64 runId) { m_runId = runId; }
    qint64 runId() const { return m_runId; }

    // The handle under a scene position (tolerance in scene units), NoHandle when none.
    Handle handleAt(const QPointF &scenePos, double tolerance) const;
    // The rectangle after dragging `handle` to `scenePos`, normalised.
    static QRectF resized(const QRectF &rect, Handle handle, const QPointF &scenePos);

    QColor colour() const;
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QPointF handlePoint(Handle handle) const;

    Kind m_kind;
    annotate::AnnotationInfo m_annotation;
    QString m_caption;
    qint64 m_runId = 0;
};

} // namespace migician::ui
