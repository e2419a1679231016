#include "box_item.h"

#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace migician::ui {

namespace {
constexpr double kHandlePixels = 7.0;
}

BoxItem::BoxItem(Kind kind, const QRectF &sceneRect, QGraphicsItem *parent)
    : QGraphicsRectItem(sceneRect, parent)
    , m_kind(kind)
{
    // A past run's boxes are drawn over the case's boxes (they often coincide with them).
    setZValue(kind == Kind::History ? 12 : kind == Kind::Annotation ? 10 : 5);
    if (kind == Kind::Annotation)
        setFlag(ItemIsSelectable);
}

void BoxItem::setAnnotation(const annotate::AnnotationInfo &annotation)
{
    m_annotation = annotation;
    update();
}

QColor BoxItem::colour() const
{
    switch (m_kind) {
    case Kind::GroundTruth:
        return QColor(0xe0, 0x2d, 0xd0); // magenta: never confused with predictions
    case Kind::Reference:
        return QColor(0xff, 0xd6, 0x00);
    case Kind::History:
        return QColor(0x00, 0xe5, 0xff); // cyan: a past answer, not a box of the case
    case Kind::Annotation:
        break;
    }
    if (m_annotation.review == annotate::ReviewState::Rejected)
        return QColor(0x9e, 0x9e, 0x9e);
    if (m_annotation.review == annotate::ReviewState::Accepted)
        return QColor(0x2e, 0xcc, 0x40);
    return m_annotation.source == annotate::AnnotationSource::Model ? QColor(0xff, 0x85, 0x1b)
                                                                    : QColor(0x1e, 0x90, 0xff);
}

QPointF BoxItem::handlePoint(Handle handle) const
{
    const QRectF r = rect();
    switch (handle) {
    case TopLeft:
        return r.topLeft();
    case Top:
        return {r.center().x(), r.top()};
    case TopRight:
        return r.topRight();
    case Right:
        return {r.right(), r.center().y()};
    case BottomRight:
        return r.bottomRight();
    case Bottom:
        return {r.center().x(), r.bottom()};
    case BottomLeft:
        return r.bottomLeft();
    case Left:
        return {r.left(), r.center().y()};
    case NoHandle:
        break;
    }
    return r.center();
}

BoxItem::Handle BoxItem::handleAt(const QPointF &scenePos, double tolerance) const
{
    for (int h = TopLeft; h <= Left; ++h) {
        const QPointF d = handlePoint(Handle(h)) - scenePos;
        if (qAbs(d.x()) <= tolerance && qAbs(d.y()) <= tolerance)
            return Handle(h);
    }
    return NoHandle;
}

QRectF BoxItem::resized(const QRectF &rect, Handle handle, const QPointF &p)
{
    QRectF r = rect;
    switch (handle) {
    case TopLeft:
        r.setTopLeft(p);
        break;
    case Top:
        r.setTop(p.y());
        break;
    case TopRight:
        r.setTopRight(p);
        break;
    case Right:
        r.setRight(p.x());
        break;
    case BottomRight:
        r.setBottomRight(p);
        break;
    case Bottom:
        r.setBottom(p.y());
        break;
    case BottomLeft:
        r.setBottomLeft(p);
        break;
    case Left:
        r.setLeft(p.x());
        break;
    case NoHandle:
        break;
    }
    return r.normalized();
}

QRectF BoxItem::boundingRect() const
{
    // Room for the handles and the caption above the box, in scene units at any zoom: generous.
    return rect().adjusted(-40, -60, 40, 40);
}

void BoxItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const double unit
            = 1.0 / qMax(1e-6, option->levelOfDetailFromTransform(painter->worldTransform()));
    QPen pen(colour(), 2.5);
    pen.setCosmetic(true);
    const bool model = m_kind == Kind::Annotation
                       && m_annotation.source == annotate::AnnotationSource::Model;
    if (model || m_kind == Kind::Reference)
        pen.setStyle(Qt::DashLine);
    if (m_kind == Kind::GroundTruth)
        pen.setStyle(Qt::DotLine);
    if (m_kind == Kind::History)
        pen.setStyle(Qt::DashDotLine);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawRect(rect());

    if (!m_caption.isEmpty()) {
        QFont font = painter->font();
        font.setPointSizeF(qMax(0.5, 10 * unit));
        painter->setFont(font);
        const QFontMetricsF metrics(font);
        QRectF label(rect().topLeft(), QSizeF(metrics.horizontalAdvance(m_caption) + 8 * unit,
                                              metrics.height() + 2 * unit));
        if (m_kind == Kind::History) // below the box: the case's own box has its label on top
            label.moveTopLeft(rect().bottomLeft());
        else
            label.moveBottomLeft(rect().topLeft());
        painter->fillRect(label, colour());
        painter->setPen(Qt::black);
        painter->drawText(label, Qt::AlignCenter, m_caption);
    }
    if (isSelected()) {
        const double half = kHandlePixels * unit / 2;
        painter->setPen(QPen(Qt::black, 1, Qt::SolidLine));
        painter->setBrush(Qt::white);
        for (int h = TopLeft; h <= Left; ++h) {
            const QPointF c = handlePoint(Handle(h));
            painter->drawRect(QRectF(c.x() - half, c.y() - half, 2 * half, 2 * half));
        }
    }
}

} // namespace migician::ui
