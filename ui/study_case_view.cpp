#include "ui/study_case_view.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>

namespace migician::ui {

namespace {
constexpr double kGap = 12;   // between images
constexpr double kLabel = 22; // label strip above the images
} // namespace

StudyCaseView::StudyCaseView(QWidget *parent)
    : QWidget(parent)
{
    setMinimumSize(320, 200);
    setMouseTracking(false);
    setCursor(Qt::CrossCursor);
}

void StudyCaseView::setImages(const QList<QImage> &images)
{
    m_images = images;
    m_shown.clear();
    clearBox();
    update();
}

void StudyCaseView::setShownBoxes(const QList<ShownBox> &boxes)
{
    m_shown = boxes;
    update();
}

void StudyCaseView::setBox(int image, const annotate::NormBox &box)
{
    m_boxImage = image;
    m_box = box;
    update();
    Q_EMIT boxChanged();
}

void StudyCaseView::clearBox()
{
    m_boxImage = 0;
    m_box = {};
    update();
}

QRectF StudyCaseView::imageRect(int image) const
{
    if (image < 1 || image > m_images.size())
        return {};
    // One row, every image scaled by the same factor so their sizes compare honestly.
    double totalWidth = 0, maxHeight = 1;
    for (const QImage &i : m_images) {
        totalWidth += std::max(1, i.width());
        maxHeight = std::max(maxHeight, double(i.height()));
    }
    const double availableWidth = width() - kGap * (m_images.size() + 1);
    const double availableHeight = height() - kLabel - kGap;
    const double scale = std::min(availableWidth / totalWidth, availableHeight / maxHeight);
    double x = kGap + (availableWidth - totalWidth * scale) / 2;
    for (int k = 1; k < image; ++k)
        x += m_images[k - 1].width() * scale + kGap;
    const QImage &current = m_images[image - 1];
    return QRectF(x, kLabel, current.width() * scale, current.height() * scale);
}

int StudyCaseView::imageAt(const QPointF &point) const
{
    for (int k = 1; k <= m_images.size(); ++k)
        if (imageRect(k).contains(point))
            return k;
    return 0;
}

annotate::NormBox StudyCaseView::boxFrom(int image, const QPointF &a, const QPointF &b) const
{
    const QRectF r = imageRect(image);
    auto nx = [&](double x) {
        return std::clamp((x - r.left()) / r.width(), 0.0, 1.0);
    };
    auto ny = [&](double y) {
        return std::clamp((y - r.top()) / r.height(), 0.0, 1.0);
    };
    return annotate::NormBox{std::min(nx(a.x()), nx(b.x())), std::min(ny(a.y()), ny(b.y())),
                             std::max(nx(a.x()), nx(b.x())), std::max(ny(a.y()), ny(b.y()))};
}

void StudyCaseView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().window());
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    auto toRect = [&](int image, const annotate::NormBox &box) {
        const QRectF r = imageRect(image);
        return QRectF(r.left() + box.x1 * r.width(), r.top() + box.y1 * r.height(),
                      (box.x2 - box.x1) * r.width(), (box.y2 - box.y1) * r.height());
    };
    for (int k = 1; k <= m_images.size(); ++k) {
        const QRectF r = imageRect(k);
        painter.drawImage(r, m_images[k - 1]);
        painter.setPen(palette().text().color());
        painter.drawText(QRectF(r.left(), 0, r.width(), kLabel), Qt::AlignCenter,
                         tr("Image-%1").arg(k));
    }
    for (const ShownBox &shown : m_shown) {
        if (shown.image < 1 || shown.image > m_images.size())
            continue;
        QPen pen(shown.colour, 2, shown.dashed ? Qt::DashLine : Qt::SolidLine);
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        const QRectF r = toRect(shown.image, shown.box);
        painter.drawRect(r);
        painter.drawText(r.topLeft() + QPointF(3, -4), shown.label);
    }
    if (m_boxImage > 0) {
        painter.setPen(QPen(QColor(0, 200, 80), 3));
        painter.setBrush(QColor(0, 200, 80, 40));
        painter.drawRect(toRect(m_boxImage, m_box));
    }
}

void StudyCaseView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    m_dragImage = imageAt(event->position());
    m_dragStart = event->position();
}

void StudyCaseView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_dragImage == 0)
        return;
    m_boxImage = m_dragImage;
    m_box = boxFrom(m_dragImage, m_dragStart, event->position());
    update();
}

void StudyCaseView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_dragImage == 0 || event->button() != Qt::LeftButton)
        return;
    const annotate::NormBox box = boxFrom(m_dragImage, m_dragStart, event->position());
    const int image = m_dragImage;
    m_dragImage = 0;
    // A click without a drag is not a box.
    if (box.x2 - box.x1 < 0.005 || box.y2 - box.y1 < 0.005) {
        update();
        return;
    }
    setBox(image, box);
}

} // namespace migician::ui
