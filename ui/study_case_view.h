// The case view of study mode and review queues: the images of one case side by side, each
// labelled "Image-k", fitted to the widget; optional reference boxes (the model's, dashed; the
// ground truth) and the one box the user draws by dragging on an image.
#pragma once

#include "annotate/store_types.h"

#include <QImage>
#include <QWidget>

#include <optional>

namespace migician::ui {

class StudyCaseView : public QWidget
{
    Q_OBJECT
public:
    explicit StudyCaseView(QWidget *parent = nullptr);

    void setImages(const QList<QImage> &images);
    // Boxes shown for reference (not editable): 1-based image, box, colour, label.
    struct ShownBox
    {
        int image = 0;
        annotate::NormBox box;
        QColor colour;
        QString label;
        bool dashed = true;
    };
    void setShownBoxes(const QList<ShownBox> &boxes);

    // The user's box; image 0 = none.
    int boxImage() const { return m_boxImage; }
    annotate::NormBox box() const { return m_box; }
    void setBox(int image, const annotate::NormBox &box);
    void clearBox();

    // Where image k (1-based) is drawn, in widget coordinates (for tests and hit testing).
    QRectF imageRect(int image) const;
    int imageCount() const { return int(m_images.size()); }

    QSize sizeHint() const override { return {900, 420}; }

Q_SIGNALS:
    void boxChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    annotate::NormBox boxFrom(int image, const QPointF &a, const QPointF &b) const;
    int imageAt(const QPointF &point) const;

    QList<QImage> m_images;
    QList<ShownBox> m_shown;
    int m_boxImage = 0;
    annotate::NormBox m_box;
    int m_dragImage = 0;
    QPointF m_dragStart;
};

} // namespace migician::ui
