// `migician eval --assistant opencv` on a synthetic MIG-Bench-format set drawn by the test (known
// boxes): the accuracies the assistant can honestly reach, scores identical to `migician score
// --json`, resuming after SIGKILL without redoing finished cases, and project bookkeeping that
// leaves human annotations alone.
#include "process_runner.h"
#include "support/qt_test_registry.h"
#include "support/synthetic_bench.h"

#include "annotate/project_store.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using migician::test::appBinary;
using migician::test::runProcess;
using migician::test::SyntheticBench;
using migician::test::writeBench;

namespace {

QStringList evalArguments(const SyntheticBench &bench, const QString &out)
{
    return migician::test::assistantEvalArguments(bench, out);
}

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

// Records of a progress file: complete lines after the header.
QList<QJsonObject> progressRecords(const QString &path)
{
    QFile file(path);
    QList<QJsonObject> records;
    if (!file.open(QIODevice::ReadOnly))
        return records;
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (int i = 1; i + 1 < lines.size(); ++i)
        records << QJsonDocument::fromJson(lines[i]).object();
    return records;
}

// What `migician score --json` prints for the predictions of a results file.
QJsonObject scoreOf(const QString &benchFile, const QJsonObject &results, const QString &dir)
{
    const QString predictions = dir + QStringLiteral("/predictions-for-score.json");
    QFile file(predictions);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(QJsonDocument(results.value(QLatin1String("predictions")).toArray()).toJson());
    file.close();
    const auto scored
            = runProcess(appBinary("migician"),
                         {QStringLiteral("score"), QStringLiteral("--bench"), benchFile,
                          QStringLiteral("--predictions"), predictions, QStringLiteral("--json")});
    if (scored.exitCode != 0)
        qWarning("score failed: %s", qPrintable(scored.err));
    return QJsonDocument::fromJson(scored.out).object();
}

} // namespace

class CliEvalTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void assistantReachesTheExpectedAccuracies()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const SyntheticBench bench = writeBench(dir.path(), 3, true);
        const QString out = dir.filePath(QStringLiteral("results.json"));
        const auto result = runProcess(appBinary("migician"), evalArguments(bench, out));
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QVERIFY(QString::fromUtf8(result.out).contains(QLatin1String("12 cases, 0 already done")));
        QVERIFY2(!QFile::exists(out + QStringLiteral(".partial")),
                 "the progress file is removed once the results are written");

        const QJsonObject results = readJson(out);
        const QJsonArray predictions = results.value(QLatin1String("predictions")).toArray();
        QCOMPARE(predictions.size(), 12);
        for (int i = 0; i < predictions.size(); ++i) {
            const QJsonObject p = predictions[i].toObject();
            QCOMPARE(p.value(QLatin1String("index")).toInt(), i);
            QVERIFY(p.value(QLatin1String("seconds")).toDouble() > 0);
            const bool textOnly = i % 4 == 3;
            // What the assistant can do: a box for region, refer_grounding and diff, none else.
            QCOMPARE(p.value(QLatin1String("boxes")).toArray().isEmpty(), textOnly);
            if (i % 4 == 0) // region boxes are in the source image
                QCOMPARE(p.value(QLatin1String("image")).toInt(), 1);
            if (i % 4 == 1) // refer_grounding: found in image 2
                QCOMPARE(p.value(QLatin1String("image")).toInt(), 2);
        }

        // Exactly what `migician score --json` prints for these predictions.
        const QJsonObject scores = results.value(QLatin1String("scores")).toObject();
        QCOMPARE(scores, scoreOf(bench.benchFile, results, dir.path()));

        // Exact crops and a solid changed rectangle are found almost pixel-exactly (IoU > 0.7);
        // the text-only question gets no box: IoU 0. So per task 1, 1, 1, 0 at every threshold.
        for (const QString &kind :
             {QStringLiteral("official"), QStringLiteral("raw"), QStringLiteral("image_aware")}) {
            const QJsonObject set = scores.value(kind).toObject();
            const QJsonObject perTask = set.value(QLatin1String("per_task")).toObject();
            const QMap<QString, double> expected{{QStringLiteral("region"), 1.0},
                                                 {QStringLiteral("refer_grounding"), 1.0},
                                                 {QStringLiteral("diff"), 1.0},
                                                 {QStringLiteral("common_object"), 0.0}};
            QCOMPARE(perTask.size(), expected.size());
            for (auto it = expected.begin(); it != expected.end(); ++it) {
                const QJsonObject task = perTask.value(it.key()).toObject();
                QCOMPARE(task.value(QLatin1String("n")).toInt(), 3);
                for (const char *metric : {"acc@0.3", "acc@0.5", "acc@0.7"})
                    QCOMPARE(task.value(QLatin1String(metric)).toDouble(), it.value());
                if (it.value() > 0)
                    QVERIFY2(task.value(QLatin1String("miou")).toDouble() > 0.85,
                             qPrintable(it.key()));
                else
                    QCOMPARE(task.value(QLatin1String("miou")).toDouble(), 0.0);
            }
            const QJsonObject micro = set.value(QLatin1String("micro")).toObject();
            QCOMPARE(micro.value(QLatin1String("n")).toInt(), 12);
            QCOMPARE(micro.value(QLatin1String("acc@0.5")).toDouble(), 0.75);
            QCOMPARE(set.value(QLatin1String("macro"))
                             .toObject()
                             .value(QLatin1String("acc@0.5"))
                             .toDouble(),
                     0.75);
        }

        // --tasks and --limit select cases; indices stay those of the bench.
        const QString subsetOut = dir.filePath(QStringLiteral("subset.json"));
        auto subsetArguments = evalArguments(bench, subsetOut);
        subsetArguments << QStringLiteral("--tasks") << QStringLiteral("diff,region")
                        << QStringLiteral("--limit") << QStringLiteral("3");
        const auto subset = runProcess(appBinary("migician"), subsetArguments);
        QVERIFY2(subset.exitCode == 0, qPrintable(subset.err));
        QJsonArray indices;
        for (const auto &p : readJson(subsetOut).value(QLatin1String("predictions")).toArray())
            indices.append(p.toObject().value(QLatin1String("index")));
        QCOMPARE(indices, (QJsonArray{0, 2, 4}));
    }

    void killedRunResumesWithoutRedoingCases()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const SyntheticBench bench = writeBench(dir.path(), 16, false); // 48 cases

        const QString reference = dir.filePath(QStringLiteral("uninterrupted.json"));
        const auto whole = runProcess(appBinary("migician"), evalArguments(bench, reference));
        QVERIFY2(whole.exitCode == 0, qPrintable(whole.err));

        const QString out = dir.filePath(QStringLiteral("results.json"));
        const QString partial = out + QStringLiteral(".partial");
        QProcess first;
        first.start(appBinary("migician"), evalArguments(bench, out));
        QVERIFY(first.waitForStarted());
        QElapsedTimer waited;
        waited.start();
        while (progressRecords(partial).size() < 5 && waited.elapsed() < 60000
               && first.state() == QProcess::Running)
            QTest::qWait(5);
        QVERIFY2(first.state() == QProcess::Running, "the run ended before it could be killed");
        first.kill(); // SIGKILL
        QVERIFY(first.waitForFinished());
        const QList<QJsonObject> before = progressRecords(partial);
        QVERIFY(before.size() >= 5);
        QVERIFY2(before.size() < 48, "killed mid-run");

        const auto second = runProcess(appBinary("migician"), evalArguments(bench, out));
        QVERIFY2(second.exitCode == 0, qPrintable(second.err));
        const QString printed = QString::fromUtf8(second.out);
        QVERIFY2(printed.contains(QStringLiteral("48 cases, %1 already done").arg(before.size())),
                 qPrintable(printed));
        // Only the unfinished cases printed a progress line in the second invocation.
        QCOMPARE(printed.count(QLatin1String("\ncase ")), 48 - int(before.size()));

        const QJsonObject resumed = readJson(out);
        const QJsonArray predictions = resumed.value(QLatin1String("predictions")).toArray();
        QCOMPARE(predictions.size(), 48);
        // Finished cases kept their answer and their measured time: they were not run again.
        for (const QJsonObject &record : before) {
            const int index = record.value(QLatin1String("index")).toInt();
            const QJsonObject p = predictions[index].toObject();
            QCOMPARE(p.value(QLatin1String("seconds")).toDouble(),
                     record.value(QLatin1String("seconds")).toDouble());
            QCOMPARE(p.value(QLatin1String("answer")), record.value(QLatin1String("answer")));
        }
        // Same answers and exactly the same numbers as the uninterrupted run.
        const QJsonObject whole_results = readJson(reference);
        const QJsonArray wholePredictions
                = whole_results.value(QLatin1String("predictions")).toArray();
        for (int i = 0; i < 48; ++i)
            QCOMPARE(predictions[i].toObject().value(QLatin1String("answer")),
                     wholePredictions[i].toObject().value(QLatin1String("answer")));
        QCOMPARE(resumed.value(QLatin1String("scores")),
                 whole_results.value(QLatin1String("scores")));

        // A progress file of another selection is refused, not mixed in.
        QFile stale(partial);
        QVERIFY(stale.open(QIODevice::WriteOnly));
        stale.write("{\"evaluation\":{\"bench\":\"elsewhere\"}}\n");
        stale.close();
        const auto refused = runProcess(appBinary("migician"), evalArguments(bench, out));
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(partial)
                         && refused.err.contains(QLatin1String("another evaluation")),
                 qPrintable(refused.err));
    }

    void projectKeepsPredictionsAndHumanAnnotations()
    {
        using namespace migician::annotate;
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const SyntheticBench bench = writeBench(dir.path(), 2, true);
        const QString projectFile = dir.filePath(QStringLiteral("study.migician"));
        const QString out = dir.filePath(QStringLiteral("results.json"));
        QStringList arguments = evalArguments(bench, out);
        arguments << QStringLiteral("--project") << projectFile << QStringLiteral("--limit")
                  << QStringLiteral("4");
        // A human box on case 0 first; the evaluation must not replace it.
        const auto first = runProcess(appBinary("migician"), arguments);
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        qint64 humanId = 0;
        const NormBox humanBox{0.1, 0.2, 0.3, 0.4};
        {
            auto store = ProjectStore::open(projectFile, ProjectStore::OpenMode::OpenExisting);
            QVERIFY2(store.ok(), qPrintable(store.error()));
            const auto caseId = (*store)->caseIdBySource(QStringLiteral("bench.json"), 0);
            QVERIFY(caseId.ok() && *caseId > 0);
            NewAnnotation human;
            human.caseId = *caseId;
            human.image = 1;
            human.box = humanBox;
            const auto created
                    = (*store)->createAnnotation(human, EditContext{QStringLiteral("ann"), 900});
            QVERIFY2(created.ok(), qPrintable(created.error()));
            humanId = *created;
        }
        // A second invocation finds every case done in the project and redoes nothing.
        const auto second = runProcess(appBinary("migician"), arguments);
        QVERIFY2(second.exitCode == 0, qPrintable(second.err));
        QVERIFY2(QString::fromUtf8(second.out).contains(QLatin1String("4 cases, 4 already done")),
                 second.out.constData());
        QVERIFY(!QFile::exists(out + QStringLiteral(".partial")));

        auto store = ProjectStore::open(projectFile, ProjectStore::OpenMode::OpenExisting);
        QVERIFY(store.ok());
        QSqlQuery count((*store)->database());
        QVERIFY(count.exec(
                QStringLiteral("SELECT COUNT(*), COUNT(DISTINCT run_id) FROM predictions")));
        QVERIFY(count.next());
        QCOMPARE(count.value(0).toInt(), 4);
        QCOMPARE(count.value(1).toInt(), 1);
        const auto human = (*store)->annotation(humanId);
        QVERIFY(human.ok());
        QVERIFY(human->box == humanBox);
        QVERIFY(human->source == AnnotationSource::Human);
        const auto caseId = (*store)->caseIdBySource(QStringLiteral("bench.json"), 0);
        QCOMPARE((*store)->annotationsForCase(*caseId)->size(), 1);
        const QJsonObject results = readJson(out);
        QCOMPARE(results.value(QLatin1String("predictions")).toArray().size(), 4);
        QCOMPARE(results.value(QLatin1String("scores")),
                 QJsonValue(scoreOf(bench.benchFile, results, dir.path())));
    }

    void badInputIsAClearError()
    {
        QTemporaryDir dir;
        const SyntheticBench bench = writeBench(dir.path(), 1, false);
        const QString out = dir.filePath(QStringLiteral("r.json"));
        auto noBackend = evalArguments(bench, out);
        noBackend.removeAt(noBackend.indexOf(QStringLiteral("--assistant")) + 1);
        noBackend.removeOne(QStringLiteral("--assistant"));
        auto result = runProcess(appBinary("migician"), noBackend);
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(QLatin1String(
                         "give exactly one of --model DIR, --assistant opencv and --endpoint URL")),
                 qPrintable(result.err));

        auto badTask = evalArguments(bench, out);
        badTask << QStringLiteral("--tasks") << QStringLiteral("nonsense");
        result = runProcess(appBinary("migician"), badTask);
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(QLatin1String("'nonsense'")), qPrintable(result.err));

        // (A missing image is not a run error but a failed case: tst_cli_eval_protocol.)
        auto badFlag = evalArguments(bench, out);
        badFlag << QStringLiteral("--max-new-tokens") << QStringLiteral("many");
        result = runProcess(appBinary("migician"), badFlag);
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(QLatin1String("--max-new-tokens")), qPrintable(result.err));
        QVERIFY(!QFile::exists(out));
    }
};

MIGICIAN_TEST_CLASS(CliEvalTest)
#include "tst_cli_eval.moc"
