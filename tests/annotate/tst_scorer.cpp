// The MIG-Bench scorer against hand-computed expectations.
#include "support/qt_test_registry.h"

#include "annotate/migbench_scorer.h"

#include <QJsonArray>
#include <QTest>

using namespace migician::annotate;

namespace {

BenchCase benchCase(const QString &task, const QString &question, NormBox answer)
{
    BenchCase c;
    c.task = task;
    c.images = {QStringLiteral("a.jpg"), QStringLiteral("b.jpg"), QStringLiteral("c.jpg")};
    c.question = question;
    c.answer = answer;
    return c;
}

BenchPrediction text(int index, const QString &answer)
{
    BenchPrediction p;
    p.index = index;
    p.answer = answer;
    return p;
}

bool near(double a, double b)
{
    return std::abs(a - b) < 1e-9;
}

} // namespace

class ScorerTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parseOrderAndScale_data()
    {
        QTest::addColumn<QString>("answer");
        QTest::addColumn<bool>("found");
        QTest::addColumn<int>("boxes");
        QTest::addColumn<QList<double>>("box");
        QTest::newRow("integers") << "<|box_start|>(100,200),(300,400)<|box_end|>" << true << 1
                                  << QList<double>{0.1, 0.2, 0.3, 0.4};
        QTest::newRow("list decimals") << "[0.1, 0.2, 0.3, 0.4] then (500,500),(600,600)" << true
                                       << 1 << QList<double>{0.5, 0.5, 0.6, 0.6};
        QTest::newRow("already 0..1 list") << "The box is [0.15, 0.25, 0.35, 0.45]." << true << 1
                                           << QList<double>{0.15, 0.25, 0.35, 0.45};
        QTest::newRow("already 0..1 pairs")
                << "(0.5,0.25),(0.75,1.0)" << true << 1 << QList<double>{0.5, 0.25, 0.75, 0.001};
        QTest::newRow("list integers")
                << "[100, 200, 300, 400]" << true << 1 << QList<double>{0.1, 0.2, 0.3, 0.4};
        QTest::newRow("box tag") << "<box>100 200 300 400</box>" << true << 1
                                 << QList<double>{0.1, 0.2, 0.3, 0.4};
        QTest::newRow("exactly 1, one box")
                << "(1,0),(500,500)" << true << 1 << QList<double>{0.001, 0, 0.5, 0.5};
        QTest::newRow("exactly 1, two boxes")
                << "(1,0),(500,500) and (0,0),(2,2)" << true << 2 << QList<double>{1, 0, 0.5, 0.5};
        QTest::newRow("decimal above 1") << "(523.7,100.0),(800.0,900.0)" << true << 1
                                         << QList<double>{0.524, 0.1, 0.8, 0.9};
        QTest::newRow("failure") << "I cannot find it." << false << 0 << QList<double>{0, 0, 0, 0};
        QTest::newRow("mixed pair")
                << "(0.1,0.2),(300,400)" << false << 0 << QList<double>{0, 0, 0, 0};
    }

    void parseOrderAndScale()
    {
        QFETCH(QString, answer);
        QFETCH(bool, found);
        QFETCH(int, boxes);
        QFETCH(QList<double>, box);
        const OfficialParse parse = parseOfficialAnswer(answer, false);
        QCOMPARE(parse.found, found);
        QCOMPARE(parse.boxCount, boxes);
        QCOMPARE((QList<double>{parse.box.x1, parse.box.y1, parse.box.x2, parse.box.y2}), box);
    }

    void migicianRescaling()
    {
        // y1 * 1.05 = 0.21, y2 * 1.10 = 0.44
        const OfficialParse one = parseOfficialAnswer(QStringLiteral("(100,200),(300,400)"), true);
        QCOMPARE(one.box, (NormBox{0.1, 0.21, 0.3, 0.44}));
        // capped at 0.999
        const OfficialParse capped = parseOfficialAnswer(QStringLiteral("(0,960),(10,990)"), true);
        QCOMPARE(capped.box, (NormBox{0, 0.999, 0.01, 0.999}));
        // 0.4 * 1.05 = 0.42000000000000004 and 0.5 * 1.1 = 0.55000000000000004 in doubles;
        // Python's round(v, 3) gives 0.42 and 0.55
        const OfficialParse rounded = parseOfficialAnswer(QStringLiteral("(0,400),(10,500)"), true);
        QCOMPARE(rounded.box, (NormBox{0, 0.42, 0.01, 0.55}));
        // two boxes: the first, not rescaled
        const OfficialParse two
                = parseOfficialAnswer(QStringLiteral("(100,200),(300,400) (1,1),(2,2)"), true);
        QCOMPARE(two.box, (NormBox{0.1, 0.2, 0.3, 0.4}));
    }

    void pythonRounding()
    {
        QCOMPARE(pythonRound(2.675, 2), 2.67); // the double is just below 2.675
        QCOMPARE(pythonRound(0.125, 2), 0.12); // exact tie: to even
        QCOMPARE(pythonRound(0.375, 2), 0.38);
        QCOMPARE(pythonRound(0.0625, 3), 0.062);
        QCOMPARE(pythonRound(0.1235, 3), 0.123); // 0.1235 is stored as 0.12349999...
    }

    void iouByHand()
    {
        const NormBox gt{0, 0, 0.5, 1};
        QCOMPARE(officialIou(NormBox{0, 0, 0.5, 0.5}, gt), 0.5);
        QCOMPARE(officialIou(NormBox{0.25, 0, 0.75, 1}, gt), 0.25 / 0.75);
        QCOMPARE(officialIou(NormBox{0.6, 0, 0.9, 1}, gt), 0.0);
        // swapped corners: no intersection in the official formula
        QCOMPARE(officialIou(NormBox{0.5, 1, 0, 0}, gt), 0.0);
        QCOMPARE(officialIou(NormBox{0.2, 0.2, 0.2, 0.2}, NormBox{0.2, 0.2, 0.2, 0.2}), 0.0);
    }

    void wilson()
    {
        const auto half = wilsonInterval(1, 2);
        QVERIFY(std::abs(half[0] - 0.0945312) < 1e-6);
        QVERIFY(std::abs(half[1] - 0.9054688) < 1e-6);
        const auto none = wilsonInterval(0, 10);
        QCOMPARE(none[0], 0.0);
        QVERIFY(std::abs(none[1] - 0.2775328) < 1e-6);
        QCOMPARE(wilsonInterval(0, 0), (std::array<double, 2>{0, 1}));
    }

    void targetImages()
    {
        QCOMPARE(caseTargetImage("multi_view",
                                 "marked in the first image(...). Locate it in the 2th image.", ""),
                 2);
        QCOMPARE(caseTargetImage("reasoning",
                                 "people in image-1 need? Find it in Image-2. Locate it in the "
                                 "third image.",
                                 ""),
                 3);
        QCOMPARE(caseTargetImage("group_grounding", "Find the white truck.",
                                 "It is in the fourth image. <|box_start|>(1,2),(3,4)<|box_end|>"),
                 4);
        QCOMPARE(caseTargetImage("region", "Locate the 3th region in the source image.", ""), 1);
        QCOMPARE(caseTargetImage("diff", "Compare the second image.", ""), 0);
        QCOMPARE(caseTargetImage("common_object", "Locate it.", ""), 0);
        QCOMPARE(answerImage("It's in the second image, not the first image."), 2);
    }

    void scoresByHand()
    {
        const QList<BenchCase> cases{
                benchCase("common_object", "Locate it in the second image.", {0.1, 0.2, 0.3, 0.4}),
                benchCase("common_object", "Locate it in the second image.", {0, 0, 0.5, 1}),
                benchCase("common_object", "Locate it in the third image.", {0, 0, 0.5, 1}),
                benchCase("diff", "Find the difference.", {0.1, 0.2, 0.3, 0.4}),
                benchCase("diff", "Find the difference.", {0.1, 0.1, 0.3, 0.3}),
        };
        BenchPrediction box;
        box.index = 4;
        box.box = NormBox{0.1, 0.1, 0.3, 0.3};
        box.image = 2; // diff: target unknown, so the image does not matter
        const QList<BenchPrediction> predictions{
                // IoU 1, but in the first image: an image-aware miss
                text(0, "It's in the first image. (100,200),(300,400)"),
                // IoU 0.5 exactly
                text(1, "(0,0),(500,500)"),
                // parse failure: 0
                text(3, "no idea"),
                box, // IoU 1
        };
        // case 2 has no prediction: left out
        const auto report = scoreMigBench(cases, predictions, false);
        QVERIFY2(report, qPrintable(report.error()));
        const Metrics co = report->raw.perTask.value("common_object");
        QCOMPARE(co.n, 2);
        QCOMPARE(co.acc30, 1.0);
        QCOMPARE(co.acc50, 1.0);
        QCOMPARE(co.acc70, 0.5);
        QCOMPARE(co.miou, 0.75);
        const Metrics diff = report->raw.perTask.value("diff");
        QCOMPARE(diff.n, 2);
        QCOMPARE(diff.acc50, 0.5);
        QCOMPARE(diff.miou, 0.5);
        QCOMPARE(report->raw.micro.n, 4);
        QCOMPARE(report->raw.micro.acc70, 0.5);  // 2 of 4
        QCOMPARE(report->raw.micro.acc50, 0.75); // 3 of 4
        QCOMPARE(report->raw.macro.acc50, 0.75); // (1 + 0.5) / 2
        QCOMPARE(report->raw.macro.acc70, 0.5);  // (0.5 + 0.5) / 2
        QCOMPARE(report->raw.micro.miou, 2.5 / 4);
        // official without rescaling == raw
        QCOMPARE(report->official.micro.miou, report->raw.micro.miou);
        const Metrics aware = report->imageAware.perTask.value("common_object");
        QCOMPARE(aware.acc30, 0.5);
        QCOMPARE(aware.miou, 0.25);
        QCOMPARE(report->imageAware.perTask.value("diff").miou, 0.5);

        // With the Migician rescaling, case 0 becomes (0.1,0.21),(0.3,0.44):
        // inter 0.2*0.19 = 0.038, union 0.04 + 0.2*0.23 - 0.038 = 0.048
        const auto rescaled = scoreMigBench(cases, predictions, true);
        const auto scores = scoreCases(cases, predictions, true);
        QVERIFY(near(scores.at(0).officialIou, 0.038 / 0.048));
        QCOMPARE(scores.at(0).rawIou, 1.0);
        QCOMPARE(rescaled->raw.micro.miou, report->raw.micro.miou);
        // case 1 becomes (0,0),(0.5,0.55): IoU 0.55
        const Metrics official = rescaled->official.perTask.value("common_object");
        QCOMPARE(official.acc50, 1.0);
        QCOMPARE(official.acc70, 0.5);
        QVERIFY(near(official.miou, (0.038 / 0.048 + 0.55) / 2));
        const QJsonObject json = toJson(*rescaled);
        for (const char *key : {"official", "raw", "image_aware"}) {
            const QJsonObject set = json.value(QLatin1String(key)).toObject();
            QVERIFY(set.value("per_task").toObject().contains("diff"));
            QCOMPARE(set.value("micro").toObject().value("n").toInt(), 4);
            QVERIFY(set.value("macro").toObject().contains("acc@0.5"));
            QCOMPARE(set.value("micro").toObject().value("acc@0.5_ci").toArray().size(), 2);
        }
    }

    void failedCasesAreCountedNotScored()
    {
        const QList<BenchCase> cases{
                benchCase(QStringLiteral("diff"), QStringLiteral("q"), NormBox{0, 0, 0.5, 0.5}),
                benchCase(QStringLiteral("diff"), QStringLiteral("q"), NormBox{0, 0, 0.5, 0.5}),
                benchCase(QStringLiteral("region"), QStringLiteral("q"), NormBox{0, 0, 0.5, 0.5})};
        // A results file of `migician eval`: one answer, two failed cases.
        const QByteArray results
                = R"json({"predictions": [{"index": 0, "answer": "(0,0),(500,500)"}],
            "failed": [{"index": 1, "task": "diff", "reason": "out of memory", "attempts": 2},
                       {"index": 2, "task": "region", "reason": "missing image"}]})json";
        const auto predictions = parsePredictions(results, QStringLiteral("results.json"), 3);
        QVERIFY2(predictions, qPrintable(predictions.error()));
        QCOMPARE(predictions->size(), 3);
        QCOMPARE(predictions->at(1).failure.value_or(QString()), QStringLiteral("out of memory"));
        const auto report = scoreMigBench(cases, *predictions, false);
        QVERIFY(report);
        const Metrics diff = report->official.perTask.value(QStringLiteral("diff"));
        QCOMPARE(diff.n, 1);
        QCOMPARE(diff.failed, 1);
        QCOMPARE(diff.acc50, 1.0); // the failure is not an IoU-0 answer
        const Metrics region = report->official.perTask.value(QStringLiteral("region"));
        QCOMPARE(region.n, 0);
        QCOMPARE(region.failed, 1);
        QCOMPARE(report->official.micro.n, 1);
        QCOMPARE(report->official.micro.failed, 2);
        QCOMPARE(report->official.macro.acc50, 1.0); // a task with no scored case has no accuracy
        QCOMPARE(scoreCases(cases, *predictions, false).size(), 1);
        const QJsonObject json = toJson(report->raw);
        QCOMPARE(json.value("per_task").toObject().value("region").toObject().value("failed"),
                 QJsonValue(1));
        // The same as a plain list with "failed" entries.
        const auto listed = parsePredictions(
                R"json([{"index": 0, "answer": "(0,0),(500,500)"}, {"index": 1, "failed": "oom"}])json",
                QStringLiteral("list.json"), 3);
        QVERIFY2(listed, qPrintable(listed.error()));
        QCOMPARE(scoreMigBench(cases, *listed, false)->official.micro.failed, 1);
    }

    void badPredictions_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("malformed") << QByteArray("[{") << "malformed JSON";
        QTest::newRow("index range") << QByteArray(R"([{"index": 7, "answer": "x"}])")
                                     << "prediction 0: 'index' must be an integer case index";
        QTest::newRow("index type")
                << QByteArray(R"([{"index": "0", "answer": "x"}])") << "'index' must be an integer";
        QTest::newRow("box outside")
                << QByteArray(R"([{"index": 0, "box": [0, 0, 1.2, 0.5]}])") << "inside 0..1";
        QTest::newRow("box swapped")
                << QByteArray(R"([{"index": 0, "box": [0.5, 0, 0.2, 0.5]}])") << "must be ordered";
        QTest::newRow("both") << QByteArray(R"([{"index": 0, "box": [0,0,1,1], "answer": "x"}])")
                              << "exactly one of";
        QTest::newRow("failed and answer")
                << QByteArray(R"([{"index": 0, "failed": "oom", "answer": "x"}])")
                << "exactly one of";
        QTest::newRow("failed empty")
                << QByteArray(R"([{"index": 0, "failed": ""}])") << "'failed' must be the reason";
        QTest::newRow("object without predictions")
                << QByteArray(R"({"scores": {}})") << "'predictions' list";
        QTest::newRow("twice") << QByteArray(
                R"([{"index": 0, "answer": "x"}, {"index": 0, "answer": "y"}])")
                               << "prediction 1: case index 0 is predicted twice";
    }

    void badPredictions()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        const auto parsed = parsePredictions(json, QStringLiteral("preds.json"), 3);
        QVERIFY(!parsed);
        QVERIFY2(parsed.error().contains(QLatin1String("preds.json"))
                         && parsed.error().contains(expected),
                 qPrintable(parsed.error()));
    }

    void agreement()
    {
        QMap<QString, QMap<qint64, AnnotatedBox>> boxes;
        boxes["ann"][1] = AnnotatedBox{1, NormBox{0, 0, 0.5, 1}};
        boxes["ann"][2] = AnnotatedBox{1, NormBox{0, 0, 0.5, 1}};
        boxes["bob"][1] = AnnotatedBox{1, NormBox{0, 0, 0.5, 0.5}}; // IoU 0.5
        boxes["bob"][2] = AnnotatedBox{2, NormBox{0, 0, 0.5, 1}};   // other image: 0
        boxes["bob"][3] = AnnotatedBox{1, NormBox{0, 0, 0.5, 1}};   // only bob
        const Agreement a = annotatorAgreement(boxes);
        QCOMPARE(a.pairs, 1);
        QCOMPARE(a.comparisons, 2);
        QCOMPARE(a.meanIou, 0.25);
        QCOMPARE(a.acc50, 0.5);
    }
};

MIGICIAN_TEST_CLASS(ScorerTest)
#include "tst_scorer.moc"
