// `migician score --json` run as a user would: a small bench written here with hand-computed
// expectations (official with and without the Migician rescaling, raw, image-aware), bad
// prediction files, and the real bench scored against its own ground truth.
#include "cli_files.h"
#include "support/qt_test_registry.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace migician::test;

namespace {

struct Expected
{
    int n;
    double acc30, acc50, acc70, miou;
};

// Every key of the schema, each a number with the expected value.
void checkMetrics(const QJsonObject &metrics, const Expected &expected, const QString &where)
{
    const auto fail = [&](const char *key) {
        return qPrintable(QStringLiteral("%1 %2: got %3 in %4")
                                  .arg(where, QLatin1String(key))
                                  .arg(metrics.value(QLatin1String(key)).toDouble(-1), 0, 'g', 17)
                                  .arg(QString::fromUtf8(
                                          QJsonDocument(metrics).toJson(QJsonDocument::Compact))));
    };
    for (const char *key : {"n", "acc@0.3", "acc@0.5", "acc@0.7", "miou"})
        QVERIFY2(metrics.value(QLatin1String(key)).isDouble(), fail(key));
    QVERIFY2(metrics.value(QLatin1String("n")).toInt() == expected.n, fail("n"));
    const auto near = [&](const char *key, double value) {
        return std::abs(metrics.value(QLatin1String(key)).toDouble() - value) < 1e-9;
    };
    QVERIFY2(near("acc@0.3", expected.acc30), fail("acc@0.3"));
    QVERIFY2(near("acc@0.5", expected.acc50), fail("acc@0.5"));
    QVERIFY2(near("acc@0.7", expected.acc70), fail("acc@0.7"));
    QVERIFY2(near("miou", expected.miou), fail("miou"));
}

using TaskExpectations = QMap<QString, Expected>;

// One score set S: {"per_task": {TASK: metrics}, "macro": metrics, "micro": metrics}.
void checkScoreSet(const QJsonObject &set, const TaskExpectations &perTask, const Expected &macro,
                   const Expected &micro, const QString &name)
{
    QVERIFY2(set.value(QLatin1String("per_task")).isObject(), qPrintable(name));
    const QJsonObject tasks = set.value(QLatin1String("per_task")).toObject();
    QCOMPARE(QStringList(tasks.keys()), QStringList(perTask.keys()));
    for (auto it = perTask.begin(); it != perTask.end(); ++it) {
        checkMetrics(tasks.value(it.key()).toObject(), *it, name + QLatin1Char('/') + it.key());
        if (QTest::currentTestFailed())
            return;
    }
    checkMetrics(set.value(QLatin1String("macro")).toObject(), macro,
                 name + QLatin1String("/macro"));
    if (QTest::currentTestFailed())
        return;
    checkMetrics(set.value(QLatin1String("micro")).toObject(), micro,
                 name + QLatin1String("/micro"));
}

QJsonObject benchCase(const QString &task, int imageCount, const QString &question,
                      const QJsonArray &answer, const QString &additionalInfo = {})
{
    QJsonArray images;
    for (int i = 1; i <= imageCount; ++i)
        images << QStringLiteral("./MIG-Bench/images/t/%1_%2.jpg").arg(task).arg(i);
    return QJsonObject{{QStringLiteral("task"), task},
                       {QStringLiteral("images"), images},
                       {QStringLiteral("question"), question},
                       {QStringLiteral("answer"), answer},
                       {QStringLiteral("additional_info"), additionalInfo},
                       {QStringLiteral("need_format"), true}};
}

// Ten cases over four tasks; every y1 has one decimal and every y2 two, so the rescaled values
// (y1 * 1.05, y2 * 1.10) need no rounding at 3 decimals.
QJsonArray handBench()
{
    return QJsonArray{
            // 0: target = image 2 (the last image named in the question)
            benchCase(QStringLiteral("common_object"), 2,
                      QStringLiteral("These images share one object. Locate it in the second "
                                     "image."),
                      {0.1, 0.2, 0.5, 0.6}),
            // 1: target = image 1 (named last; Image-2 is named first)
            benchCase(QStringLiteral("common_object"), 2,
                      QStringLiteral("Image-2 shows the object; locate it in Image-1."),
                      {0.2, 0.2, 0.6, 0.6}),
            // 2: target = image 3
            benchCase(QStringLiteral("common_object"), 3,
                      QStringLiteral("Look at Image-1 and image-2, then locate the object in the "
                                     "3th image."),
                      {0.0, 0.0, 0.5, 0.5}),
            // 3: never predicted, so left out of every n
            benchCase(QStringLiteral("common_object"), 2, QStringLiteral("In the 1th image."),
                      {0.1, 0.1, 0.2, 0.2}),
            // 4: group_grounding: the target comes from additional_info (image 2)
            benchCase(QStringLiteral("group_grounding"), 2,
                      QStringLiteral("Which image holds the odd object? Locate it."),
                      {0.2, 0.2, 0.6, 0.8},
                      QStringLiteral("It is in the second image. The others are cats.")),
            // 5: group_grounding, target image 1
            benchCase(QStringLiteral("group_grounding"), 3,
                      QStringLiteral("Find the odd one out in the third image or elsewhere."),
                      {0.1, 0.1, 0.5, 0.5}, QStringLiteral("It is in the first image.")),
            // 6: region: the target is image 1 whatever the question says
            benchCase(QStringLiteral("region"), 2,
                      QStringLiteral("Find the region of the first image in the second image."),
                      {0.4, 0.4, 0.8, 0.8}),
            // 7: region
            benchCase(QStringLiteral("region"), 2,
                      QStringLiteral("Find the region of the first image in the second image."),
                      {0.0, 0.5, 0.5, 0.95}),
            // 8: diff: the target image is unknown
            benchCase(QStringLiteral("diff"), 2,
                      QStringLiteral("Find the difference between the two images."),
                      {0.1, 0.1, 0.3, 0.5}),
            // 9: target image 2
            benchCase(QStringLiteral("common_object"), 2,
                      QStringLiteral("Locate the shared object in the 2th image."),
                      {0.3, 0.3, 0.7, 0.7}),
    };
}

QJsonArray handPredictions()
{
    const auto answer = [](int index, const QString &text) {
        return QJsonObject{{QStringLiteral("index"), index}, {QStringLiteral("answer"), text}};
    };
    const auto box = [](int index, const QJsonArray &b, int image) {
        return QJsonObject{{QStringLiteral("index"), index},
                           {QStringLiteral("box"), b},
                           {QStringLiteral("image"), image}};
    };
    return QJsonArray{
            answer(0, QStringLiteral("It's in the second image. "
                                     "<|box_start|>(100,200),(500,600)<|box_end|>")),
            answer(1, QStringLiteral("In image-1: [0.2, 0.2, 0.6, 0.5]")),
            answer(2, QStringLiteral("Sorry, I cannot find it in the third image.")),
            box(4, {0.2, 0.2, 0.6, 0.8}, 1),
            answer(5,
                   QStringLiteral("The second image has a similar cat, but the odd one is in the "
                                  "first image: <|box_start|>(100,100),(500,340)<|box_end|>")),
            answer(6, QStringLiteral("<|box_start|>(800,800),(400,400)<|box_end|>")),
            box(7, {0.0, 0.5, 0.2, 0.95}, 1),
            answer(8, QStringLiteral("It's in the second image. "
                                     "<|box_start|>(100,100),(300,180)<|box_end|>")),
            answer(9, QStringLiteral("<|box_start|>(300,300),(700,700)<|box_end|> and "
                                     "<|box_start|>(0,0),(100,100)<|box_end|>")),
    };
}

// Raw IoUs (no rescaling; official without --migician-rescale is the same):
//   0: (100,200),(500,600) /1000 = the ground truth                                   -> 1
//   1: decimals kept: [0.2,0.2,0.6,0.5] inside gt [0.2,0.2,0.6,0.6]: 0.4*0.3 / (0.4*0.4)
//      = 0.12/0.16                                                                     -> 0.75
//   2: no box in the answer                                                            -> 0
//   4: the ground truth itself                                                         -> 1
//   5: [0.1,0.1,0.5,0.34] inside gt [0.1,0.1,0.5,0.5]: 0.4*0.24 / 0.16 = 0.096/0.16   -> 0.6
//   6: corners swapped: no intersection                                                -> 0
//   7: [0,0.5,0.2,0.95] inside gt [0,0.5,0.5,0.95]: 0.2*0.45 / (0.5*0.45) = 0.09/0.225 -> 0.4
//   8: [0.1,0.1,0.3,0.18] inside gt [0.1,0.1,0.3,0.5]: 0.2*0.08 / (0.2*0.4) = 0.016/0.08 -> 0.2
//   9: two boxes: the first is kept, = the ground truth                               -> 1
// common_object {0,1,2,9} = [1, 0.75, 0, 1]: acc 3/4 at every threshold, mIoU 2.75/4 = 0.6875
// group_grounding {4,5} = [1, 0.6]: acc@0.3 1, acc@0.5 1, acc@0.7 1/2, mIoU 1.6/2 = 0.8
// region {6,7} = [0, 0.4]: acc@0.3 1/2, acc@0.5 0, acc@0.7 0, mIoU 0.4/2 = 0.2
// diff {8} = [0.2]: accs 0, mIoU 0.2
// macro: acc@0.3 (0.75+1+0.5+0)/4 = 0.5625, acc@0.5 (0.75+1+0+0)/4 = 0.4375,
//        acc@0.7 (0.75+0.5+0+0)/4 = 0.3125, mIoU (0.6875+0.8+0.2+0.2)/4 = 0.471875
// micro (9 cases): >=0.3: 1,0.75,1,0.6,0.4,1 -> 6/9; >=0.5: 5/9; >=0.7: 4/9;
//        mIoU (1+0.75+0+1+0.6+0+0.4+0.2+1)/9 = 4.95/9 = 0.55
const TaskExpectations kRawTasks{
        {QStringLiteral("common_object"), {4, 0.75, 0.75, 0.75, 0.6875}},
        {QStringLiteral("diff"), {1, 0, 0, 0, 0.2}},
        {QStringLiteral("group_grounding"), {2, 1, 1, 0.5, 0.8}},
        {QStringLiteral("region"), {2, 0.5, 0, 0, 0.2}},
};
const Expected kRawMacro{9, 0.5625, 0.4375, 0.3125, 0.471875};
const Expected kRawMicro{9, 6.0 / 9, 5.0 / 9, 4.0 / 9, 0.55};

// Image-aware: raw, except a known target image that differs from the predicted one.
//   0: target 2 ("second image"), answer names the second image                       -> 1
//   1: target 1 (Image-1 is named last), answer names image-1                          -> 0.75
//   4: target 2 (additional_info), box in image 1                                      -> 0
//   5: target 1 (additional_info), the answer names "the second image" first           -> 0
//   7: region target 1, box in image 1                                                 -> 0.4
//   8: diff: unknown target, scores as raw                                             -> 0.2
//   9: no image named in the answer, scores as raw                                     -> 1
// common_object as raw; group_grounding [0, 0]: all 0; region and diff as raw.
// macro: acc@0.3 (0.75+0+0.5+0)/4 = 0.3125, acc@0.5 0.75/4 = 0.1875, acc@0.7 0.75/4 = 0.1875,
//        mIoU (0.6875+0+0.2+0.2)/4 = 0.271875
// micro: [1,0.75,0,1,0,0,0,0.4,0.2]: >=0.3 4/9, >=0.5 3/9, >=0.7 3/9, mIoU 3.35/9
const TaskExpectations kImageAwareTasks{
        {QStringLiteral("common_object"), {4, 0.75, 0.75, 0.75, 0.6875}},
        {QStringLiteral("diff"), {1, 0, 0, 0, 0.2}},
        {QStringLiteral("group_grounding"), {2, 0, 0, 0, 0}},
        {QStringLiteral("region"), {2, 0.5, 0, 0, 0.2}},
};
const Expected kImageAwareMacro{9, 0.3125, 0.1875, 0.1875, 0.271875};
const Expected kImageAwareMicro{9, 4.0 / 9, 3.0 / 9, 3.0 / 9, 3.35 / 9};

// Official with --migician-rescale (y1*1.05, y2*1.10, capped at 0.999; one-box answers and box
// predictions only):
//   0: [0.1,0.21,0.5,0.66] vs gt [0.1,0.2,0.5,0.6]: inter 0.4*0.39 = 0.156,
//      union 0.4*0.45 + 0.16 - 0.156 = 0.184                          -> 0.156/0.184 = 0.847826
//   1: [0.2,0.21,0.6,0.55] inside gt: 0.4*0.34 / 0.16 = 0.136/0.16                       -> 0.85
//   2: 0
//   4: [0.2,0.21,0.6,0.88] vs gt [0.2,0.2,0.6,0.8]: inter 0.4*0.59 = 0.236,
//      union 0.4*0.67 + 0.24 - 0.236 = 0.272                          -> 0.236/0.272 = 0.867647
//   5: [0.1,0.105,0.5,0.374] inside gt: 0.4*0.269 / 0.16 = 0.1076/0.16                 -> 0.6725
//   6: [0.8,0.84,0.4,0.44] still swapped                                                  -> 0
//   7: y2 0.95*1.10 = 1.045 capped at 0.999: [0,0.525,0.2,0.999] vs gt [0,0.5,0.5,0.95]:
//      inter 0.2*0.425 = 0.085, union 0.2*0.474 + 0.225 - 0.085 = 0.2348 -> 0.085/0.2348 = 0.362010
//   8: [0.1,0.105,0.3,0.198] inside gt: 0.2*0.093 / 0.08 = 0.0186/0.08                 -> 0.2325
//   9: two boxes: not rescaled                                                             -> 1
// Accuracies as raw (no IoU crosses a threshold); mIoUs:
// common_object (0.156/0.184 + 0.85 + 0 + 1)/4, group_grounding (0.236/0.272 + 0.6725)/2,
// region (0 + 0.085/0.2348)/2, diff 0.2325.
const double kIou0 = 0.156 / 0.184, kIou4 = 0.236 / 0.272, kIou7 = 0.085 / 0.2348;
const double kRescaledCommon = (kIou0 + 0.85 + 0 + 1) / 4;
const double kRescaledGroup = (kIou4 + 0.6725) / 2;
const double kRescaledRegion = kIou7 / 2;
const TaskExpectations kRescaledTasks{
        {QStringLiteral("common_object"), {4, 0.75, 0.75, 0.75, kRescaledCommon}},
        {QStringLiteral("diff"), {1, 0, 0, 0, 0.2325}},
        {QStringLiteral("group_grounding"), {2, 1, 1, 0.5, kRescaledGroup}},
        {QStringLiteral("region"), {2, 0.5, 0, 0, kRescaledRegion}},
};
const Expected kRescaledMacro{9, 0.5625, 0.4375, 0.3125,
                              (kRescaledCommon + kRescaledGroup + kRescaledRegion + 0.2325) / 4};
const Expected kRescaledMicro{9, 6.0 / 9, 5.0 / 9, 4.0 / 9,
                              (kIou0 + 0.85 + 0 + kIou4 + 0.6725 + 0 + kIou7 + 0.2325 + 1) / 9};

} // namespace

class CliScoreTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_bench, m_predictions;

    QJsonObject score(const QStringList &extra)
    {
        const auto result
                = runMigician(QStringList{QStringLiteral("score"), QStringLiteral("--bench"),
                                          m_bench, QStringLiteral("--predictions"), m_predictions,
                                          QStringLiteral("--json")}
                              + extra);
        if (result.exitCode != 0) {
            qWarning("migician score failed (%d): %s", result.exitCode, qPrintable(result.err));
            return {};
        }
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(result.out, &error);
        if (error.error != QJsonParseError::NoError)
            qWarning("migician score printed no JSON: %s", result.out.constData());
        return document.object();
    }

    QString path(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_bench = path(QStringLiteral("hand_bench.json"));
        m_predictions = path(QStringLiteral("hand_predictions.json"));
        QVERIFY(writeFile(m_bench, compact(handBench())));
        QVERIFY(writeFile(m_predictions, compact(handPredictions())));
    }

    void scoreWithoutRescaleMatchesHandComputedNumbers()
    {
        const QJsonObject report = score({});
        QCOMPARE(QStringList(report.keys()),
                 (QStringList{QStringLiteral("image_aware"), QStringLiteral("official"),
                              QStringLiteral("raw")}));
        // Without --migician-rescale the official score is the raw one.
        checkScoreSet(report.value(QLatin1String("official")).toObject(), kRawTasks, kRawMacro,
                      kRawMicro, QStringLiteral("official"));
        checkScoreSet(report.value(QLatin1String("raw")).toObject(), kRawTasks, kRawMacro,
                      kRawMicro, QStringLiteral("raw"));
        checkScoreSet(report.value(QLatin1String("image_aware")).toObject(), kImageAwareTasks,
                      kImageAwareMacro, kImageAwareMicro, QStringLiteral("image_aware"));
    }

    void scoreWithRescaleChangesOnlyOfficial()
    {
        const QJsonObject report = score({QStringLiteral("--migician-rescale")});
        QVERIFY(!report.isEmpty());
        checkScoreSet(report.value(QLatin1String("official")).toObject(), kRescaledTasks,
                      kRescaledMacro, kRescaledMicro, QStringLiteral("official (rescaled)"));
        checkScoreSet(report.value(QLatin1String("raw")).toObject(), kRawTasks, kRawMacro,
                      kRawMicro, QStringLiteral("raw"));
        checkScoreSet(report.value(QLatin1String("image_aware")).toObject(), kImageAwareTasks,
                      kImageAwareMacro, kImageAwareMicro, QStringLiteral("image_aware"));
    }

    void scoreRejectsBadPredictionFiles_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("malformed JSON") << QByteArray("[{\"index\": 0, \"answer\": ");
        QTest::newRow("not a list") << QByteArray("{\"index\": 0, \"answer\": \"x\"}");
        QTest::newRow("index out of range")
                << QByteArray("[{\"index\": 10, \"answer\": \"(1,2),(3,4)\"}]");
        QTest::newRow("negative index")
                << QByteArray("[{\"index\": -1, \"answer\": \"(1,2),(3,4)\"}]");
        QTest::newRow("box outside 0..1")
                << QByteArray("[{\"index\": 0, \"box\": [0.1, 0.2, 1.5, 0.6]}]");
        QTest::newRow("answer not a string") << QByteArray("[{\"index\": 0, \"answer\": 3}]");
    }

    void scoreRejectsBadPredictionFiles()
    {
        QFETCH(QByteArray, content);
        const QString file = path(QStringLiteral("bad_predictions.json"));
        QVERIFY(writeFile(file, content));
        const auto result
                = runMigician({QStringLiteral("score"), QStringLiteral("--bench"), m_bench,
                               QStringLiteral("--predictions"), file, QStringLiteral("--json")});
        QVERIFY2(result.exitCode > 0, qPrintable(result.err));
        QVERIFY2(result.err.contains(file), qPrintable(result.err));
        QVERIFY2(result.out.isEmpty(), result.out.constData());
    }

    void scoreRejectsAMissingPredictionFile()
    {
        const QString file = path(QStringLiteral("no_such_predictions.json"));
        const auto result
                = runMigician({QStringLiteral("score"), QStringLiteral("--bench"), m_bench,
                               QStringLiteral("--predictions"), file, QStringLiteral("--json")});
        QVERIFY2(result.exitCode > 0, qPrintable(result.err));
        QVERIFY2(result.err.contains(file), qPrintable(result.err));
    }

    // The real bench's own ground truth as predictions: every predicted case is a hit.
    void scoreRealBenchGroundTruthIsPerfect()
    {
        const QJsonArray bench = readJson(kRealBench).array();
        QCOMPARE(bench.size(), kRealBenchCases);
        QJsonArray predictions;
        QMap<QString, int> perTask;
        for (int i = 0; i < bench.size(); i += 7) {
            const QJsonObject c = bench.at(i).toObject();
            const QJsonArray a = c.value(QLatin1String("answer")).toArray();
            const double x1 = a.at(0).toDouble(), y1 = a.at(1).toDouble();
            const double x2 = a.at(2).toDouble(), y2 = a.at(3).toDouble();
            // A few official ground truths are swapped or beyond 1: not valid box predictions.
            if (!(0 <= x1 && x1 < x2 && x2 <= 1 && 0 <= y1 && y1 < y2 && y2 <= 1))
                continue;
            QJsonObject p{{QStringLiteral("index"), i}};
            if (predictions.size() % 2 == 0) {
                p.insert(QStringLiteral("box"), a);
            } else {
                // The official form on the 0-1000 scale (the bench's values have 3 decimals).
                p.insert(QStringLiteral("answer"),
                         QStringLiteral("<|box_start|>(%1,%2),(%3,%4)<|box_end|>")
                                 .arg(qRound(x1 * 1000))
                                 .arg(qRound(y1 * 1000))
                                 .arg(qRound(x2 * 1000))
                                 .arg(qRound(y2 * 1000)));
            }
            predictions << p;
            perTask[c.value(QLatin1String("task")).toString()] += 1;
        }
        QVERIFY(predictions.size() > 500);
        QCOMPARE(perTask.size(), 10); // every task of the bench
        const QString file = path(QStringLiteral("real_predictions.json"));
        QVERIFY(writeFile(file, compact(predictions)));
        const auto result
                = runMigician({QStringLiteral("score"), QStringLiteral("--bench"), kRealBench,
                               QStringLiteral("--predictions"), file, QStringLiteral("--json")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        const QJsonObject report = QJsonDocument::fromJson(result.out).object();
        TaskExpectations perfect;
        for (auto it = perTask.begin(); it != perTask.end(); ++it)
            perfect.insert(it.key(), Expected{it.value(), 1, 1, 1, 1});
        const Expected all{int(predictions.size()), 1, 1, 1, 1};
        checkScoreSet(report.value(QLatin1String("official")).toObject(), perfect, all, all,
                      QStringLiteral("official"));
        checkScoreSet(report.value(QLatin1String("raw")).toObject(), perfect, all, all,
                      QStringLiteral("raw"));
        checkScoreSet(report.value(QLatin1String("image_aware")).toObject(), perfect, all, all,
                      QStringLiteral("image_aware"));
    }
};

MIGICIAN_TEST_CLASS(CliScoreTest)
#include "tst_cli_score.moc"
