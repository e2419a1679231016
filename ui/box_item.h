// How one box looks on the canvas: model boxes dashed, human and corrected boxes solid, ground
// truth in its own colour, each with a label; a selected box shows eight resize handles.
// The box itself is plain data (annotate::AnnotationInfo); editing is done by CaseScene.
#pragma once

#include "annotate/store_types.h"

#include <QGraphicsRectItem>

namespace migician::ui {

class BoxItem : public QGraphicsRectItem
{
public:
    enum class Kind { Annotation, GroundTruth, Reference };
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
};

} // namespace migician::ui
