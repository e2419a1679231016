// The study tests' mouse gesture on the study case view: a box dragged as a user drags it.
#pragma once

#include "ui/study_case_view.h"

#include <QTest>

namespace migician::test {

// Drags from one normalised corner of `box` on `image` (1-based) to the other, in a few steps.
inline void drawStudyBox(ui::StudyCaseView *view, int image, const annotate::NormBox &box)
{
    const QRectF r = view->imageRect(image);
    const QPoint a = (r.topLeft() + QPointF(box.x1 * r.width(), box.y1 * r.height())).toPoint();
    const QPoint b = (r.topLeft() + QPointF(box.x2 * r.width(), box.y2 * r.height())).toPoint();
    QTest::mousePress(view, Qt::LeftButton, {}, a);
    for (int i = 1; i <= 4; ++i)
        QTest::mouseMove(view, a + (b - a) * i / 4);
    QTest::mouseRelease(view, Qt::LeftButton, {}, b);
}

} // namespace migician::test
