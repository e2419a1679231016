// `migician study` run as a user would (issue 15): create (the same seed draws the same cases,
// refusals on stderr), export-annotator, answers given in the exported file, merge twice
// (counted once), a file of another study refused; and the report of a 3-per-task study on the
// real MIG-Bench import with one evaluation run (recorded predictions, written through the
// project log `migician eval --project` uses) in JSON, CSV and Markdown.
#include "cli_files.h"
#include "support/qt_test_registry.h"

#include "annotate/evaluation_log.h"
#include "annotate/migbench_tasks.h"
#include "annotate/study_exchange.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace migician::annotate;
using namespace migician::test;

namespace {

qint64 createdId(const ProcessResult &result)
{
    const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("^created study (\\d+) "))
                                              .match(QString::fromUtf8(result.out));
    return m.hasMatch() ? m.captured(1).toLongLong() : 0;
}

// `migician study ACTION PROJECT ARGUMENTS...`
ProcessResult runStudyCommand(const QString &action, const QString &project,
                              const QStringList &arguments)
{
    return runMigician(QStringList{QStringLiteral("study"), action, project} + arguments);
}

QString bench()
{
    return QFileInfo(kRealBench).absoluteFilePath();
}

// The real bench imported into `file` (the images are not available: the import records them
// as missing, which the study does not need).
bool importRealBench(const QString &file, const QString &imagesRoot)
{
    QDir().mkpath(imagesRoot);
    const ProcessResult r = runMigician(
            {QStringLiteral("project"), QStringLiteral("import-migbench"), file,
             QStringLiteral("--bench"), bench(), QStringLiteral("--images-root"), imagesRoot});
    if (r.exitCode != 0)
        qWarning("%s", qPrintable(r.err));
    return r.exitCode == 0;
}

} // namespace

class CliStudyTest : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_project;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_project = m_dir.filePath(QStringLiteral("bench.migician"));
        QVERIFY(importRealBench(m_project, m_dir.filePath(QStringLiteral("images"))));
    }

    void sameSeedSameCases()
    {
        auto create = [&](const QString &name, const QString &seed) {
            return runStudyCommand(QStringLiteral("create"), m_project,
                                   {QStringLiteral("--name"), name, QStringLiteral("--per-task"),
                                    QStringLiteral("3"), QStringLiteral("--seed"), seed});
        };
        const ProcessResult first = create(QStringLiteral("seed 7 a"), QStringLiteral("7"));
        QCOMPARE(first.exitCode, 0);
        QVERIFY2(first.out.contains("30 cases, 3 per task"), first.out.constData());
        QVERIFY(first.out.contains("Static Diff (diff)"));
        const ProcessResult second = create(QStringLiteral("seed 7 b"), QStringLiteral("7"));
        const ProcessResult other = create(QStringLiteral("seed 8"), QStringLiteral("8"));
        QCOMPARE(second.exitCode, 0);
        QCOMPARE(other.exitCode, 0);
        auto store = ProjectStore::open(m_project, ProjectStore::OpenMode::OpenExisting);
        QVERIFY(store.ok());
        const QList<qint64> a = *studyCases(**store, createdId(first));
        QCOMPARE(a.size(), 30);
        QCOMPARE(*studyCases(**store, createdId(second)), a);
        QVERIFY(*studyCases(**store, createdId(other)) != a);

        // Refusals name the problem; nothing is created.
        const int before = int(listStudies(**store)->size());
        const ProcessResult tooMany
                = runStudyCommand(QStringLiteral("create"), m_project,
                                  {QStringLiteral("--name"), QStringLiteral("big"),
                                   QStringLiteral("--per-task"), QStringLiteral("100")});
        QCOMPARE(tooMany.exitCode, 1);
        QVERIFY2(tooMany.err.contains(QLatin1String("'view_diff' has only 94 case(s) with ground "
                                                    "truth, fewer than the 100")),
                 qPrintable(tooMany.err));
        const ProcessResult noRun = runStudyCommand(
                QStringLiteral("create"), m_project,
                {QStringLiteral("--name"), QStringLiteral("assisted"), QStringLiteral("--per-task"),
                 QStringLiteral("1"), QStringLiteral("--mode"), QStringLiteral("assisted")});
        QCOMPARE(noRun.exitCode, 1);
        QVERIFY(noRun.err.contains(QLatin1String("choose one")));
        const ProcessResult dry = runStudyCommand(
                QStringLiteral("create"), m_project,
                {QStringLiteral("--name"), QStringLiteral("dry"), QStringLiteral("--per-task"),
                 QStringLiteral("2"), QStringLiteral("--annotators"), QStringLiteral("ann,ben,cy"),
                 QStringLiteral("--overlap"), QStringLiteral("2"), QStringLiteral("--dry-run")});
        QCOMPARE(dry.exitCode, 0);
        QVERIFY2(dry.out.contains("  ann: 14 cases"), dry.out.constData()); // 40 over 3
        QCOMPARE(int(listStudies(**store)->size()), before);
    }

    void exportAnswerMergeTwiceAndRefuseAnother()
    {
        const ProcessResult created = runStudyCommand(
                QStringLiteral("create"), m_project,
                {QStringLiteral("--name"), QStringLiteral("split"), QStringLiteral("--per-task"),
                 QStringLiteral("1"), QStringLiteral("--annotators"), QStringLiteral("ann,ben"),
                 QStringLiteral("--seed"), QStringLiteral("3")});
        QCOMPARE(created.exitCode, 0);
        const qint64 study = createdId(created);
        QVERIFY(created.out.contains("  ann: 5 cases"));
        const QString out = m_dir.filePath(QStringLiteral("ann.migician"));
        const ProcessResult exported = runStudyCommand(
                QStringLiteral("export-annotator"), m_project,
                {QStringLiteral("--study"), QString::number(study), QStringLiteral("--annotator"),
                 QStringLiteral("ann"), QStringLiteral("--out"), out, QStringLiteral("--images"),
                 QStringLiteral("reference")});
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        QVERIFY(exported.out.contains("5 cases of ann in study 'split'"));
        // ann answers on her laptop, through the store API.
        {
            auto laptop = ProjectStore::open(out, ProjectStore::OpenMode::OpenExisting);
            QVERIFY(laptop.ok());
            const qint64 copy = listStudies(**laptop)->first().id;
            for (int i = 0; i < 5; ++i) {
                const auto next = nextItem(**laptop, copy, QStringLiteral("ann"));
                QVERIFY(next.ok() && next->has_value());
                QVERIFY(recordResponse(**laptop, (*next)->assignmentId, 1,
                                       i == 4 ? std::nullopt
                                              : std::optional<NormBox>(NormBox{0.1, 0.1, 0.4, 0.4}),
                                       2000)
                                .ok());
            }
        }
        const QStringList merge{QStringLiteral("study"), QStringLiteral("merge"), m_project, out};
        const ProcessResult once = runMigician(merge);
        QVERIFY2(once.exitCode == 0, qPrintable(once.err));
        QVERIFY2(once.out.contains("5 added, 0 replaced by later answers, 0 already merged"),
                 once.out.constData());
        const ProcessResult twice = runMigician(merge);
        QCOMPARE(twice.exitCode, 0);
        QVERIFY(twice.out.contains("0 added, 0 replaced by later answers, 5 already merged"));
        {
            auto store = ProjectStore::open(m_project, ProjectStore::OpenMode::OpenExisting);
            const auto responses = studyResponses(**store, study);
            QCOMPARE(responses->size(), 5); // counted once
            int skipped = 0;
            for (const StudyResponse &r : responses.value())
                skipped += r.skipped;
            QCOMPARE(skipped, 1);
        }

        // A file of another study (another project with a study of the same name) is refused.
        const QString elsewhere = m_dir.filePath(QStringLiteral("elsewhere.migician"));
        QVERIFY(importRealBench(elsewhere, m_dir.filePath(QStringLiteral("images"))));
        const ProcessResult foreign = runStudyCommand(
                QStringLiteral("create"), elsewhere,
                {QStringLiteral("--name"), QStringLiteral("split"), QStringLiteral("--per-task"),
                 QStringLiteral("1"), QStringLiteral("--annotators"), QStringLiteral("ann,ben"),
                 QStringLiteral("--seed"), QStringLiteral("3")});
        QCOMPARE(foreign.exitCode, 0);
        const QString foreignOut = m_dir.filePath(QStringLiteral("foreign-ann.migician"));
        QCOMPARE(runStudyCommand(QStringLiteral("export-annotator"), elsewhere,
                                 {QStringLiteral("--study"), QStringLiteral("split"),
                                  QStringLiteral("--annotator"), QStringLiteral("ann"),
                                  QStringLiteral("--out"), foreignOut})
                         .exitCode,
                 0);
        const ProcessResult refused
                = runStudyCommand(QStringLiteral("merge"), m_project, {foreignOut});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QLatin1String("is not a study of")), qPrintable(refused.err));
        QVERIFY(refused.err.contains(QLatin1String("nothing merged")));
        const ProcessResult list = runStudyCommand(QStringLiteral("list"), m_project, {});
        QVERIFY(list.out.contains("  ann: 5 of 5 done (1 skipped)"));
    }

    void reportOnTheRealBenchWithAnEvaluationRun()
    {
        const ProcessResult created = runStudyCommand(
                QStringLiteral("create"), m_project,
                {QStringLiteral("--name"), QStringLiteral("table 1"), QStringLiteral("--per-task"),
                 QStringLiteral("3"), QStringLiteral("--seed"), QStringLiteral("2025")});
        QCOMPARE(created.exitCode, 0);
        const qint64 study = createdId(created);
        // One evaluation run over exactly the study's cases, recorded as `migician eval
        // --project` records it: the ground truth for diff, a far-off box elsewhere.
        QMap<QString, int> runHits;
        {
            auto store = ProjectStore::open(m_project, ProjectStore::OpenMode::OpenExisting);
            QVERIFY(store.ok());
            EvalIdentity identity;
            identity.benchFile = bench();
            identity.backend = QStringLiteral("opencv");
            QMap<int, CaseInfo> byIndex;
            for (const qint64 id : studyCases(**store, study).value()) {
                const CaseInfo c = *(*store)->caseById(id);
                identity.indices << c.sourceIndex;
                byIndex.insert(c.sourceIndex, c);
            }
            auto log = openProjectLog(**store, m_dir.filePath(QStringLiteral("images")), identity);
            QVERIFY2(log.ok(), qPrintable(log.error()));
            for (auto it = byIndex.begin(); it != byIndex.end(); ++it) {
                const bool hit = it->task == QLatin1String("diff");
                const NormBox b = hit ? *it->groundTruth : NormBox{0.0, 0.0, 0.001, 0.001};
                EvalRecord record;
                record.index = it.key();
                record.answer = QStringLiteral("<|box_start|>(%1,%2),(%3,%4)<|box_end|>")
                                        .arg(qRound(b.x1 * 1000))
                                        .arg(qRound(b.y1 * 1000))
                                        .arg(qRound(b.x2 * 1000))
                                        .arg(qRound(b.y2 * 1000));
                record.boxes = {PredictedBox{1, b, std::nullopt}};
                record.seconds = 0.5;
                record.finished = QDateTime::currentDateTimeUtc();
                QVERIFY((*log)->append(record).ok());
                runHits[it->task] += hit;
            }
            QVERIFY((*log)->complete(1000).ok());
        }

        const ProcessResult json = runStudyCommand(
                QStringLiteral("report"), m_project,
                {QStringLiteral("--study"), QString::number(study), QStringLiteral("--json")});
        QVERIFY2(json.exitCode == 0, qPrintable(json.err));
        const QJsonObject report = QJsonDocument::fromJson(json.out).object();
        const QJsonArray tasks = report[QLatin1String("tasks")].toArray();
        QCOMPARE(tasks.size(), 10);
        QCOMPARE(tasks.first().toString(), QStringLiteral("diff")); // Table 1 order
        QCOMPARE(tasks.last().toString(), QStringLiteral("correspondence"));
        const QJsonArray rows = report[QLatin1String("rows")].toArray();
        QCOMPARE(rows.size(), 2); // nobody has answered yet: humans (empty) and the run
        const QJsonObject run = rows.last().toObject();
        QCOMPARE(run[QLatin1String("kind")].toString(), QStringLiteral("run"));
        QCOMPARE(run[QLatin1String("backend")].toString(), QStringLiteral("opencv"));
        const QJsonObject perTask = run[QLatin1String("per_task")].toObject();
        QCOMPARE(perTask.size(), 10);
        for (const QJsonValue &task : tasks) {
            const QJsonObject m = perTask[task.toString()].toObject();
            QCOMPARE(m[QLatin1String("n")].toInt(), 3);
            QCOMPARE(m[QLatin1String("acc@0.5")].toDouble(), runHits.value(task.toString()) / 3.0);
            QCOMPARE(m[QLatin1String("acc@0.5_ci")].toArray().size(), 2);
        }
        QCOMPARE(run[QLatin1String("macro")][QLatin1String("acc@0.5")].toDouble(), 0.1);
        QCOMPARE(rows.first().toObject()[QLatin1String("micro")][QLatin1String("n")].toInt(), 0);

        const ProcessResult md
                = runStudyCommand(QStringLiteral("report"), m_project,
                                  {QStringLiteral("--study"), QStringLiteral("table 1"),
                                   QStringLiteral("--markdown")});
        QCOMPARE(md.exitCode, 0);
        QVERIFY2(
                md.out.contains("| Model | Static Diff | Robust Diff | Common | OT | MV | Region | "
                                "Refer | GG | Reason | Co-Re | AVE |"),
                md.out.constData());
        QVERIFY(md.out.contains("| 100.00 | 0.00 | 0.00 | 0.00 | 0.00 | 0.00 | 0.00 | 0.00 | 0.00 "
                                "| 0.00 | 10.00 |"));
        const ProcessResult csv = runStudyCommand(
                QStringLiteral("report"), m_project,
                {QStringLiteral("--study"), QString::number(study), QStringLiteral("--csv")});
        QCOMPARE(csv.exitCode, 0);
        // Header; humans: AVE + ALL (no task answered); the run: 10 tasks + AVE + ALL.
        QCOMPARE(csv.lines().size(), 1 + 2 + 12);
        const ProcessResult unknown
                = runStudyCommand(QStringLiteral("report"), m_project,
                                  {QStringLiteral("--study"), QStringLiteral("no such")});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY(unknown.err.contains(QLatin1String("no study 'no such'")));
    }
};

MIGICIAN_TEST_CLASS(CliStudyTest)
#include "tst_cli_study.moc"
