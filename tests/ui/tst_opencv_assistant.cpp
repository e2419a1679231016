// The built-in assistant on real photographs: a crop found again in a rescaled copy, the changed
// region of an edited copy, and the answer format (labelled, image named, 0-1000 box); and on a
// synthetic scene seen again from a shifted, zoomed camera, where only alignment finds the change.
#include "support/qt_test_registry.h"

#include "ui/opencv_assistant.h"

#include <QPainter>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

using namespace migician;

namespace {

QImage demo(int k)
{
    return QImage(QStringLiteral(MIGICIAN_SOURCE_DIR "/resources/demo/kitchen/view%1.jpg").arg(k));
}

double iou(const annotate::NormBox &a, const annotate::NormBox &b)
{
    const double w = std::max(0.0, std::min(a.x2, b.x2) - std::max(a.x1, b.x1));
    const double h = std::max(0.0, std::min(a.y2, b.y2) - std::max(a.y1, b.y1));
    const double inter = w * h;
    const double uni = (a.x2 - a.x1) * (a.y2 - a.y1) + (b.x2 - b.x1) * (b.y2 - b.y1) - inter;
    return uni > 0 ? inter / uni : 0;
}

// A scene with texture everywhere (seeded, so every run draws the same): mid-tone rectangles and
// circles, which give ORB corners and make any misalignment show up as a difference.
QImage texturedScene(const QSize &size, quint32 seed)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(QColor(120, 120, 120));
    QRandomGenerator random(seed);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    for (int i = 0; i < 260; ++i) {
        const QColor colour(random.bounded(40, 200), random.bounded(40, 200),
                            random.bounded(40, 200));
        painter.setBrush(colour);
        painter.setPen(QPen(colour.darker(160), 2));
        const QRect rect(random.bounded(-20, size.width()), random.bounded(-20, size.height()),
                         random.bounded(8, 60), random.bounded(8, 60));
        if (i % 2 == 0)
            painter.drawRect(rect);
        else
            painter.drawEllipse(rect);
    }
    return image;
}

} // namespace

class OpenCvAssistantTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void findsACropInARescaledCopy()
    {
        const QImage first = demo(2);
        QVERIFY(!first.isNull());
        const QImage second = first.scaled(first.width() * 3 / 4, first.height() * 3 / 4,
                                           Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        const QRect cropRect(first.width() * 45 / 100, first.height() / 10, first.width() / 8,
                             first.height() / 2);
        const annotate::NormBox expected{0.45, 0.10, 0.45 + 1.0 / 8, 0.60};
        ui::VisualReference reference{1, first.copy(cropRect)};
        const auto answer = ui::OpenCvAssistant::answer({first, second, demo(4)}, {reference},
                                                        QStringLiteral("Where is Image-4?"));
        QVERIFY(!answer.boxes.isEmpty());
        QCOMPARE(answer.boxes.first().image, 2); // never image 1, where the crop was cut
        QVERIFY2(iou(answer.boxes.first().box, expected) > 0.7,
                 qPrintable(QString::number(iou(answer.boxes.first().box, expected))));
        QVERIFY(answer.scores.first() > 0.8);
        QVERIFY(answer.text.startsWith(QStringLiteral("Built-in assistant (OpenCV)")));
        QVERIFY(answer.text.contains(QStringLiteral("It's in the second image. <|box_start|>(")));
        static const QRegularExpression box(QStringLiteral(
                "<\\|box_start\\|>\\((\\d+),(\\d+)\\),\\((\\d+),(\\d+)\\)<\\|box_end\\|>"));
        const auto match = box.match(answer.text);
        QVERIFY(match.hasMatch());
        QCOMPARE(match.captured(1).toInt(), int(std::lround(answer.boxes.first().box.x1 * 1000)));
        QVERIFY(!answer.needsWeights);
    }

    void findsTheLargestDifference()
    {
        const QImage first = demo(3);
        QImage second = first;
        {
            QPainter painter(&second);
            painter.fillRect(QRect(first.width() / 2, first.height() / 4, first.width() / 5,
                                   first.height() / 4),
                             QColor(20, 200, 40));
            painter.fillRect(QRect(10, 10, 12, 12), Qt::white); // a smaller change elsewhere
        }
        const auto answer = ui::OpenCvAssistant::answer(
                {first, second}, {},
                QStringLiteral("What is the difference between the two images?"));
        QCOMPARE(answer.boxes.size(), 2);
        const annotate::NormBox expected{0.5, 0.25, 0.7, 0.5};
        QVERIFY2(iou(answer.boxes.at(1).box, expected) > 0.6,
                 qPrintable(QString::number(iou(answer.boxes.at(1).box, expected))));
        QVERIFY(answer.text.contains(QStringLiteral("second image")));
        QVERIFY(answer.text.startsWith(ui::OpenCvAssistant::label()));
    }

    void alignsAShiftedZoomedViewBeforeTheDifference()
    {
        const QSize size(640, 480);
        const QImage first = texturedScene(size, 20240611);
        // The second camera moved by (17, 11) pixels and zoomed in by 4 %; the band it newly sees
        // on the left and top is flat grey.
        QImage second(size, QImage::Format_RGB32);
        second.fill(QColor(120, 120, 120));
        const QRect changed(330, 210, 110, 80); // in the second image's pixels
        {
            QPainter painter(&second);
            painter.setRenderHint(QPainter::SmoothPixmapTransform);
            painter.translate(17, 11);
            painter.scale(1.04, 1.04);
            painter.drawImage(0, 0, first);
            painter.resetTransform();
            painter.fillRect(changed, Qt::white);
        }
        const annotate::NormBox inSecond{changed.left() / 640.0, changed.top() / 480.0,
                                         (changed.left() + changed.width()) / 640.0,
                                         (changed.top() + changed.height()) / 480.0};
        // The same place in the first image: undo the camera move.
        const annotate::NormBox inFirst{(changed.left() - 17) / 1.04 / 640.0,
                                        (changed.top() - 11) / 1.04 / 480.0,
                                        (changed.left() + changed.width() - 17) / 1.04 / 640.0,
                                        (changed.top() + changed.height() - 11) / 1.04 / 480.0};

        const auto aligned = ui::OpenCvAssistant::answer(
                {first, second}, {}, QStringLiteral("Spot the difference between the images."));
        QCOMPARE(aligned.boxes.size(), 2);
        QCOMPARE(aligned.boxes.at(0).image, 1);
        QCOMPARE(aligned.boxes.at(1).image, 2);
        const double secondIou = iou(aligned.boxes.at(1).box, inSecond);
        const double firstIou = iou(aligned.boxes.at(0).box, inFirst);
        qInfo("aligned: IoU %.3f in the second image, %.3f in the first", secondIou, firstIou);
        QVERIFY2(secondIou >= 0.5, qPrintable(aligned.text));
        QVERIFY2(firstIou >= 0.5, qPrintable(aligned.text));
        QVERIFY2(aligned.text.contains(QStringLiteral("homography")), qPrintable(aligned.text));
        QVERIFY(aligned.text.contains(QStringLiteral("It's in the second image. ")
                                      + ui::OpenCvAssistant::boxTag(aligned.boxes.at(1).box)));
        QVERIFY(aligned.text.startsWith(ui::OpenCvAssistant::label()));

        // Without alignment the whole textured scene differs and the change is lost in it.
        const auto unaligned = ui::OpenCvAssistant::locateDifference(
                first, second, ui::OpenCvAssistant::Alignment::ResizeOnly);
        const double unalignedIou
                = unaligned.boxes.size() == 2 ? iou(unaligned.boxes.at(1).box, inSecond) : 0.0;
        qInfo("unaligned: IoU %.3f", unalignedIou);
        QVERIFY2(unalignedIou < 0.5, qPrintable(unaligned.text));
        QVERIFY(unaligned.text.contains(QStringLiteral("not aligned")));
    }

    void identicalImagesHaveNoDifference()
    {
        const auto answer = ui::OpenCvAssistant::locateDifference(demo(1), demo(1));
        QVERIFY(answer.boxes.isEmpty());
        QVERIFY(answer.text.contains(QStringLiteral("look the same")));
    }

    void textQueryNeedsWeights()
    {
        const auto answer = ui::OpenCvAssistant::answer({demo(1), demo(2), demo(3)}, {},
                                                        QStringLiteral("Where is the chef?"));
        QVERIFY(answer.needsWeights);
        QVERIFY(answer.boxes.isEmpty());
        QVERIFY(answer.text.contains(QStringLiteral("Migician")));
    }

    void tinyOrEmptyCropIsRefused()
    {
        const auto answer = ui::OpenCvAssistant::answer(
                {demo(1), demo(2)}, {ui::VisualReference{1, QImage()}}, QStringLiteral("find it"));
        QVERIFY(answer.boxes.isEmpty());
        QVERIFY(answer.text.contains(QStringLiteral("too small")));
    }

    void ordinalsAndBoxTags()
    {
        QCOMPARE(ui::OpenCvAssistant::ordinalImageName(1), QStringLiteral("first"));
        QCOMPARE(ui::OpenCvAssistant::ordinalImageName(6), QStringLiteral("sixth"));
        QCOMPARE(ui::OpenCvAssistant::boxTag({0.1234, 0.5, 0.9996, 1.0}),
                 QStringLiteral("<|box_start|>(123,500),(1000,1000)<|box_end|>"));
    }
};

MIGICIAN_TEST_CLASS(OpenCvAssistantTest)
#include "tst_opencv_assistant.moc"
