// The batch evaluation window on a synthetic MIG-Bench set drawn by the test, opened from the
// main window's Research menu: task subset, progress signals per case, pause after exactly three
// cases (requested from the worker's own progress signal), resume without redoing them,
// predictions stored in the open project next to an untouched human box, the results file, and
// the dashboard opened on it.
#include "gui_test_support.h"
#include "support/qt_test_registry.h"
#include "support/synthetic_bench.h"

#include "annotate/migbench_import.h"
#include "ui/batch_evaluation_window.h"
#include "ui/dashboard_window.h"
#include "ui/main_window.h"
#include "ui/research_windows.h"
#include "ui/workbench_controller.h"

#include <QComboBox>
#include <QJsonArray>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSqlQuery>
#include <QTableWidget>

#include <atomic>

using namespace migician;
using namespace migician::annotate;

class BatchEvaluationTest : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    static int predictionRows(const QString &projectFile)
    {
        auto store = ProjectStore::open(projectFile, ProjectStore::OpenMode::OpenExisting);
        if (!store)
            return -1;
        QSqlQuery q((*store)->database());
        if (!q.exec(QStringLiteral("SELECT count(*), count(DISTINCT case_id) FROM predictions"))
            || !q.next())
            return -1;
        // A case predicted twice would be a redone case.
        return q.value(0).toInt() == q.value(1).toInt() ? q.value(0).toInt() : -2;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::isolateSettings(m_dir);
    }

    void runsPausesResumesAndStores()
    {
        // 3 rounds of region, refer_grounding, diff and common_object: 12 cases.
        const QString root = m_dir.filePath(QStringLiteral("bench"));
        QVERIFY(QDir().mkpath(root));
        const test::SyntheticBench bench = test::writeBench(root, 3, true);
        const QString projectFile = m_dir.filePath(QStringLiteral("eval.migician"));
        const NormBox humanBox{0.1, 0.2, 0.3, 0.4};
        qint64 humanId = 0;
        {
            auto store = ProjectStore::open(projectFile);
            QVERIFY2(store, qPrintable(store.error()));
            QVERIFY(importMigBench(**store, bench.benchFile, bench.imagesRoot));
            NewAnnotation human;
            human.caseId = *(*store)->caseIdBySource(QStringLiteral("bench.json"), 0);
            human.image = 1;
            human.box = humanBox;
            const auto created
                    = (*store)->createAnnotation(human, EditContext{QStringLiteral("ann"), 900});
            QVERIFY2(created, qPrintable(created.error()));
            humanId = *created;
        }

        ui::StartupOptions options;
        options.openDemo = false;
        options.projectPath = projectFile;
        ui::MainWindow main(options);
        main.show();
        QVERIFY(QTest::qWaitForWindowExposed(&main));
        main.research()->showBatchEvaluation();
        ui::BatchEvaluationWindow *window = main.research()->batchEvaluation();
        QVERIFY(window && window->isWindow() && window->parentWidget() == &main);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        // No checkpoint configured: the built-in assistant is the only backend.
        QCOMPARE(window->backendCombo()->count(), 1);
        QVERIFY(!window->startButton()->isEnabled()
                || window->request().projectFile == projectFile);
        QCOMPARE(window->request().projectFile, projectFile);

        QVERIFY(window->setBenchFile(bench.benchFile));
        window->setImagesRoot(bench.imagesRoot);
        const QString results = m_dir.filePath(QStringLiteral("results.json"));
        window->setResultsFile(results);
        QCOMPARE(window->taskList()->count(), 4);
        for (int i = 0; i < window->taskList()->count(); ++i)
            if (window->taskList()->item(i)->data(Qt::UserRole) == QStringLiteral("common_object"))
                window->taskList()->item(i)->setCheckState(Qt::Unchecked);
        QCOMPARE(window->request().tasks.size(), 3);

        // Pause after exactly three stored cases: asked from the worker's thread, in its own
        // progress signal, so the runner sees the flag before the fourth case.
        std::atomic<int> seen{0};
        ui::BatchEvaluationWorker *worker = window->worker();
        connect(
                worker, &ui::BatchEvaluationWorker::progress, worker,
                [&seen, worker](int) {
                    if (++seen == 3)
                        worker->pause();
                },
                Qt::DirectConnection);
        QList<int> done;
        QList<int> caseIndices;
        int started = -1;
        connect(worker, &ui::BatchEvaluationWorker::started, this,
                [&](int total, int) { started = total; });
        connect(worker, &ui::BatchEvaluationWorker::progress, this,
                [&](int d, int total, double eta, int index, double seconds) {
                    QCOMPARE(total, 9);
                    QVERIFY(eta >= 0 && seconds > 0);
                    done << d;
                    caseIndices << index;
                    if (d == 5 && window->state() == ui::BatchEvaluationWindow::State::Running)
                        QVERIFY(window->grab().save(test::screenshotPath(
                                m_dir, QStringLiteral("batch_evaluation_running.png"))));
                });

        QTest::mouseClick(window->startButton(), Qt::LeftButton);
        QCOMPARE(window->state(), ui::BatchEvaluationWindow::State::Running);
        QVERIFY(!window->startButton()->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(window->state(), ui::BatchEvaluationWindow::State::Paused, 60000);
        QCOMPARE(started, 9);
        QCOMPARE(done, (QList<int>{1, 2, 3}));
        QCOMPARE(window->progressBar()->value(), 3);
        QCOMPARE(window->progressBar()->maximum(), 9);
        QCOMPARE(window->pauseButton()->text(), QStringLiteral("&Resume"));
        QCOMPARE(predictionRows(projectFile), 3);
        QVERIFY(!QFile::exists(results));
        QVERIFY(window->grab().save(
                test::screenshotPath(m_dir, QStringLiteral("batch_evaluation_paused.png"))));

        QTest::mouseClick(window->pauseButton(), Qt::LeftButton); // resume
        QTRY_COMPARE_WITH_TIMEOUT(window->state(), ui::BatchEvaluationWindow::State::Finished,
                                  120000);
        QVERIFY2(window->errorText().isEmpty(), qPrintable(window->errorText()));
        QCOMPARE(done, (QList<int>{1, 2, 3, 4, 5, 6, 7, 8, 9}));
        // The three paused-on cases were not run again; no common_object case was run.
        QCOMPARE(QSet<int>(caseIndices.begin(), caseIndices.end()).size(), 9);
        for (const int index : caseIndices)
            QVERIFY(index % 4 != 3);
        QCOMPARE(predictionRows(projectFile), 9);
        {
            auto store = ProjectStore::open(projectFile, ProjectStore::OpenMode::OpenExisting);
            QVERIFY(store);
            const auto human = (*store)->annotation(humanId);
            QVERIFY(human);
            QCOMPARE(human->box, humanBox);
            QVERIFY(human->source == AnnotationSource::Human);
            QCOMPARE((*store)->annotationsForCase(human->caseId)->size(), 1);
        }

        // The results file: nine predictions and the assistant's scores on the three tasks.
        QFile file(results);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(json.value(QLatin1String("predictions")).toArray().size(), 9);
        const QJsonObject perTask = json.value(QLatin1String("scores"))
                                            .toObject()
                                            .value(QLatin1String("official"))
                                            .toObject()
                                            .value(QLatin1String("per_task"))
                                            .toObject();
        QCOMPARE(perTask.keys(), (QStringList{"diff", "refer_grounding", "region"}));
        // The drawn cases are ones the assistant finds (as in the `migician eval` test).
        for (const QString &task : perTask.keys())
            QCOMPARE(perTask.value(task).toObject().value(QLatin1String("acc@0.5")).toDouble(),
                     1.0);

        // The dashboard offered at the end: the project's run and the results file agree.
        QVERIFY(window->dashboardButton()->isEnabled());
        QTest::mouseClick(window->dashboardButton(), Qt::LeftButton);
        ui::DashboardWindow *dashboard = main.research()->dashboard();
        QVERIFY(dashboard);
        QCOMPARE(dashboard->series().size(), 2);
        QCOMPARE(dashboard->series().at(1).name, QStringLiteral("results"));
        QCOMPARE(dashboard->table()->rowCount(), 2);
        for (int column = 1; column < dashboard->table()->columnCount(); ++column)
            QCOMPARE(dashboard->table()->item(0, column)->text(),
                     dashboard->table()->item(1, column)->text());
        QCOMPARE(dashboard->series().at(0).seconds.size(), 9);
    }

    void refusesWithoutProject()
    {
        ui::BatchEvaluationWindow window;
        QVERIFY(!window.startButton()->isEnabled());
        window.start();
        QCOMPARE(window.state(), ui::BatchEvaluationWindow::State::Idle);
        QVERIFY(window.errorText().contains(QLatin1String("project")));
        const QString missing = m_dir.filePath(QStringLiteral("no-such-bench.json"));
        QVERIFY(!window.setBenchFile(missing));
        QVERIFY(window.errorText().contains(missing));
    }
};

MIGICIAN_TEST_CLASS(BatchEvaluationTest)
#include "tst_batch_evaluation.moc"
