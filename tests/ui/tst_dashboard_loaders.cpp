// The dashboard fed by its real loaders: two `migician eval` results files produced here by the
// evaluation runner on a drawn synthetic bench (the built-in assistant, and a weaker backend that
// answers only region cases), and a human study recorded in a project. The Table-1 view shows the
// two runs and the humans with the numbers of the results files and of the study.
#include "gui_test_support.h"
#include "support/qt_test_registry.h"
#include "support/synthetic_bench.h"

#include "annotate/evaluation_log.h"
#include "annotate/migbench_import.h"
#include "annotate/study.h"
#include "ui/dashboard_window.h"
#include "ui/evaluation_runner.h"
#include "ui/qcustomplot_include.h"

#include <QJsonDocument>
#include <QSaveFile>
#include <QTableWidget>

using namespace migician;
using namespace migician::annotate;

namespace {

// Answers region cases like the assistant, everything else with a sentence and no box.
class RegionOnlyBackend : public ui::GroundingBackend
{
public:
    QString name() const override { return QStringLiteral("region-only"); }
    QString label() const override { return name(); }
    migician::model::SamplingOptions defaultSampling(const migician::model::RunControl &c) override
    {
        return m_assistant->defaultSampling(c);
    }
    ui::GroundingOutcome ground(const ui::GroundingQuery &query,
                                const ui::GroundingCallbacks &callbacks) override
    {
        return m_assistant->ground(query, callbacks);
    }
    bool prepare(EvaluationProtocol *protocol, QString *error,
                 const migician::model::RunControl &control) override
    {
        const bool prepared = m_assistant->prepare(protocol, error, control);
        protocol->backend[QStringLiteral("name")] = name();
        return prepared;
    }
    ui::BackendAnswer answer(const BenchCase &benchCase, const QList<QImage> &images,
                             const migician::model::RunControl &control) override
    {
        if (benchCase.task == QLatin1String("region"))
            return m_assistant->answer(benchCase, images, control);
        ui::BackendAnswer none;
        none.text = QStringLiteral("I cannot tell.");
        return none;
    }

private:
    std::unique_ptr<ui::GroundingBackend> m_assistant = ui::makeAssistantBackend();
};

// Runs `backend` over every case with the runner and writes the results file as `migician eval`.
QString runToResults(const test::SyntheticBench &bench, const QList<BenchCase> &cases,
                     ui::GroundingBackend &backend, const QString &out)
{
    EvaluationProtocol protocol;
    QString error;
    if (!backend.prepare(&protocol, &error, {}))
        return error;
    EvalIdentity identity;
    identity.benchFile = bench.benchFile;
    identity.backend = backend.name();
    identity.protocol = protocol.identity();
    for (int i = 0; i < cases.size(); ++i)
        identity.indices << i;
    auto log = openSidecarLog(out + QStringLiteral(".partial"), identity);
    if (!log)
        return log.error();
    ui::EvaluationRunner runner(cases, bench.imagesRoot, backend, **log);
    if (const Status ran = runner.run(identity.indices); !ran)
        return ran.error();
    const auto results = evaluationResults(cases, runner.records(), protocol);
    if (!results)
        return results.error();
    QSaveFile file(out);
    if (!file.open(QIODevice::WriteOnly))
        return file.errorString();
    file.write(QJsonDocument(*results).toJson());
    if (!file.commit())
        return file.errorString();
    return (*log)->complete(1).ok() ? QString() : QStringLiteral("cannot complete");
}

QString percent(double share)
{
    return QString::number(share * 100, 'f', 2);
}

} // namespace

class DashboardLoadersTest : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void twoRunsAndAStudy()
    {
        QVERIFY(m_dir.isValid());
        const QString root = m_dir.filePath(QStringLiteral("bench"));
        QVERIFY(QDir().mkpath(root));
        const test::SyntheticBench bench = test::writeBench(root, 3, true); // 12 cases
        const auto benchFile = readMigBench(bench.benchFile);
        QVERIFY(benchFile);
        const QList<BenchCase> cases = benchFile->cases;

        const QString assistantResults = m_dir.filePath(QStringLiteral("assistant.json"));
        const QString regionResults = m_dir.filePath(QStringLiteral("region-only.json"));
        auto assistant = ui::makeAssistantBackend();
        QString error = runToResults(bench, cases, *assistant, assistantResults);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        RegionOnlyBackend regionOnly;
        error = runToResults(bench, cases, regionOnly, regionResults);
        QVERIFY2(error.isEmpty(), qPrintable(error));

        const auto runA = ui::seriesFromResults(QStringLiteral("OpenCV assistant"),
                                                assistantResults, cases);
        const auto runB
                = ui::seriesFromResults(QStringLiteral("Region only"), regionResults, cases);
        QVERIFY2(runA, qPrintable(runA.error()));
        QVERIFY2(runB, qPrintable(runB.error()));
        QCOMPARE(runA->ious.size(), 12);
        QCOMPARE(runA->seconds.size(), 12);
        for (const double s : runA->seconds)
            QVERIFY(s > 0);
        // The series carry the results files' own scores.
        QFile file(assistantResults);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject official = QJsonDocument::fromJson(file.readAll())
                                             .object()
                                             .value(QLatin1String("scores"))
                                             .toObject()
                                             .value(QLatin1String("official"))
                                             .toObject();
        for (const QString &task : runA->scores.perTask.keys())
            QCOMPARE(runA->scores.perTask.value(task).acc50,
                     official.value(QLatin1String("per_task"))
                             .toObject()
                             .value(task)
                             .toObject()
                             .value(QLatin1String("acc@0.5"))
                             .toDouble());
        QCOMPARE(runB->scores.perTask.value(QStringLiteral("region")).acc50, 1.0);
        QCOMPARE(runB->scores.perTask.value(QStringLiteral("diff")).acc50, 0.0);

        // A blind study over every case: the annotator draws the ground truth, except that they
        // skip the first common_object case and miss the first diff case.
        auto opened = ProjectStore::open(m_dir.filePath(QStringLiteral("study.migician")));
        QVERIFY2(opened, qPrintable(opened.error()));
        ProjectStore &store = **opened;
        QVERIFY(importMigBench(store, bench.benchFile, bench.imagesRoot));
        StudySpec spec;
        spec.name = QStringLiteral("Humans (blind)");
        for (const QString &task : {"region", "refer_grounding", "diff", "common_object"})
            spec.fractionPerTask.insert(task, 1.0);
        spec.seed = 7;
        const auto studyId = createStudy(store, spec);
        QVERIFY2(studyId, qPrintable(studyId.error()));
        QCOMPARE(*assignAnnotator(store, *studyId, QStringLiteral("ana")), 12);
        bool skipped = false, missed = false;
        while (true) {
            const auto item = nextItem(store, *studyId, QStringLiteral("ana"));
            QVERIFY(item);
            if (!*item)
                break;
            const CaseInfo info = *store.caseById((*item)->caseId);
            std::optional<NormBox> box = *info.groundTruth;
            if (info.task == QLatin1String("common_object") && !skipped) {
                box.reset();
                skipped = true;
            } else if (info.task == QLatin1String("diff") && !missed) {
                box = NormBox{0.0, 0.0, 0.05, 0.05};
                missed = true;
            }
            QVERIFY(recordResponse(store, (*item)->assignmentId, std::max(1, info.groundTruthImage),
                                   box, 4000 + 100 * (*item)->position));
        }
        const auto humans = ui::seriesFromStudy(store, *studyId);
        QVERIFY2(humans, qPrintable(humans.error()));
        QVERIFY(humans->kind == ui::DashboardSeries::Kind::Human);
        QCOMPARE(humans->seconds.size(), 12);
        QCOMPARE(humans->scores.perTask.value(QStringLiteral("diff")).acc50, 2.0 / 3.0);
        QCOMPARE(humans->scores.perTask.value(QStringLiteral("common_object")).acc50, 2.0 / 3.0);
        QCOMPARE(humans->scores.perTask.value(QStringLiteral("region")).acc50, 1.0);

        ui::DashboardWindow window;
        window.setSeries({*runA, *runB, *humans});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTableWidget *table = window.table();
        QCOMPARE(table->rowCount(), 3);
        // Columns: series, common_object, diff, refer_grounding, region, average.
        QCOMPARE(table->columnCount(), 6);
        const QStringList expected[3]
                = {{"OpenCV assistant", "0.00", "100.00", "100.00", "100.00", "75.00"},
                   {"Region only", "0.00", "0.00", "0.00", "100.00", "25.00"},
                   {"Humans (blind)", percent(2.0 / 3), percent(2.0 / 3), "100.00", "100.00",
                    percent((2.0 / 3 + 2.0 / 3 + 2) / 4)}};
        for (int row = 0; row < 3; ++row)
            for (int column = 0; column < 6; ++column)
                QCOMPARE(table->item(row, column)->text(), expected[row][column]);
        // Bars and Wilson error bars for each of the three series, five groups (4 tasks + AVE).
        QCustomPlot *table1 = window.plot(ui::DashboardWindow::Table1);
        QCOMPARE(table1->plottableCount(), 6);
        QCOMPARE(qobject_cast<QCPBars *>(table1->plottable(4))->data()->size(), 5);
        QCOMPARE(window.plot(ui::DashboardWindow::Latency)->graphCount(), 3);

        QTest::qWait(50);
        QVERIFY(window.grab().save(
                test::screenshotPath(m_dir, QStringLiteral("dashboard_two_runs_and_study.png"))));
        window.tabs()->setCurrentIndex(4);
        QTest::qWait(50);
        QVERIFY(window.grab().save(
                test::screenshotPath(m_dir, QStringLiteral("dashboard_humans_vs_model.png"))));
    }

    void badResultsFile()
    {
        const QString notResults = m_dir.filePath(QStringLiteral("not-results.json"));
        QFile file(notResults);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"scores\": {}}");
        file.close();
        const auto series = ui::seriesFromResults(QStringLiteral("x"), notResults, {});
        QVERIFY(!series);
        QVERIFY(series.error().contains(notResults));
        const auto missing = ui::seriesFromResults(QStringLiteral("x"),
                                                   m_dir.filePath(QStringLiteral("none.json")), {});
        QVERIFY(!missing);
        QVERIFY(missing.error().contains(QLatin1String("none.json")));
    }
};

MIGICIAN_TEST_CLASS(DashboardLoadersTest)
#include "tst_dashboard_loaders.moc"
