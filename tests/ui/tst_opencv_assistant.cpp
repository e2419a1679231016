// The built-in assistant on real photographs: a crop found again in a rescaled copy, the changed
// region of an edited copy, and the answer format (labelled, image named, 0-1000 box).
#include "support/qt_test_registry.h"

#include "ui/opencv_assistant.h"

#include <QPainter>
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
