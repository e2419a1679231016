// The batch evaluation window on a synthetic MIG-Bench set drawn by the test, opened from the
// main window's Research menu: task subset, progress signals per case, pause after exactly three
// cases (requested from the worker's own progress signal), resume without redoing them,
// predictions stored in the open project next to an untouched human box, the results file, and
// the dashboard opened on it.
#include "gui_test_support.h"
#include "model_test_support.h"
#include "support/qt_test_registry.h"
#include "support/synthetic_bench.h"

#include "annotate/migbench_import.h"
#include "model/shared_engine.h"
#include "ui/batch_evaluation_window.h"
#include "ui/dashboard_window.h"
#include "ui/main_window.h"
#include "ui/query_panel.h"
#include "ui/research_windows.h"
#include "ui/workbench_controller.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableWidget>

#include <atomic>
#include <chrono>
#include <thread>

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

    // A two-case bench over the tiny fixture's images (images root: the fixture folder), imported
    // into a new project so that the workbench shows its first case.
    QString fixtureBenchProject(const QString &name, QString *benchFile)
    {
        const auto item = [](const QStringList &images, const QString &question, bool format) {
            QJsonArray paths;
            for (const QString &image : images)
                paths.append(QStringLiteral("./images/") + image);
            return QJsonObject{{QStringLiteral("task"), QStringLiteral("refer_grounding")},
                               {QStringLiteral("images"), paths},
                               {QStringLiteral("question"), question},
                               {QStringLiteral("answer"), QJsonArray{0.2, 0.2, 0.6, 0.7}},
                               {QStringLiteral("additional_info"), QString()},
                               {QStringLiteral("need_format"), format}};
        };
        const QJsonArray cases{
                item({QStringLiteral("objects_crop_70x98.png"),
                      QStringLiteral("objects_256x192.png")},
                     QStringLiteral("Find and locate where does the object in image-1 locate in "
                                    "the image-2."),
                     false),
                item({QStringLiteral("red_circle_224.png"), QStringLiteral("micro_45x31.png")},
                     QStringLiteral("Locate the red circle in the first image."), true)};
        *benchFile = m_dir.filePath(name + QStringLiteral(".json"));
        QFile file(*benchFile);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(QJsonDocument(cases).toJson());
        file.close();
        const QString projectFile = m_dir.filePath(name + QStringLiteral(".migician"));
        auto store = ProjectStore::open(projectFile);
        if (!store || !importMigBench(**store, *benchFile, test::tinyCheckpoint()))
            return {};
        return projectFile;
    }

    static ui::StartupOptions tinyOptions(const QString &projectFile)
    {
        ui::StartupOptions options;
        options.openDemo = false;
        options.projectPath = projectFile;
        options.modelDir = test::tinyCheckpoint();
        return options;
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

    void migicianRunsOnTheWorkbenchEngineUnderTheOfficialProtocol()
    {
        QString benchFile;
        const QString projectFile = fixtureBenchProject(QStringLiteral("shared"), &benchFile);
        QVERIFY(!projectFile.isEmpty());
        ui::MainWindow main(tinyOptions(projectFile));
        main.show();
        QVERIFY(QTest::qWaitForWindowExposed(&main));
        ui::WorkbenchController *controller = main.controller();
        ui::AppSettings settings = controller->settings();
        settings.engine.maxNewTokens = 4;
        controller->setSettings(settings);

        // The workbench loads the model with its first query.
        QSignalSpy answers(controller, &ui::WorkbenchController::answerReady);
        QTest::mouseClick(main.queryPanel()->runButton(), Qt::LeftButton);
        QVERIFY(answers.wait(120000));
        const std::shared_ptr<model::SharedEngine> engine = controller->sharedEngine();
        QCOMPARE(engine->loads(), 1);

        main.research()->showBatchEvaluation();
        ui::BatchEvaluationWindow *window = main.research()->batchEvaluation();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QCOMPARE(window->backendCombo()->count(), 2); // the model first, then the assistant
        QCOMPARE(window->backendCombo()->currentIndex(), 0);
        // Device and precision start as the workbench's (the checkpoint's own dtype).
        QCOMPARE(window->deviceCombo()->currentData().toString(), QStringLiteral("cpu"));
        QCOMPARE(window->dtypeCombo()->currentData().toString(), QStringLiteral("auto"));
        QVERIFY(window->protocolLabel()->text().contains(QLatin1String("Official")));
        QVERIFY(window->setBenchFile(benchFile));
        window->setImagesRoot(test::tinyCheckpoint());
        const QString results = m_dir.filePath(QStringLiteral("shared-results.json"));
        window->setResultsFile(results);
        QVERIFY(window->grab().save(
                test::screenshotPath(m_dir, QStringLiteral("batch_evaluation_model.png"))));
        QTest::mouseClick(window->startButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(window->state(), ui::BatchEvaluationWindow::State::Finished,
                                  180000);
        QVERIFY2(window->errorText().isEmpty(), qPrintable(window->errorText()));
        QVERIFY(window->grab().save(
                test::screenshotPath(m_dir, QStringLiteral("batch_evaluation_model_done.png"))));
        // The batch ran on the weights the workbench loaded: no second load.
        QCOMPARE(engine->loads(), 1);
        {
            auto store = ProjectStore::open(projectFile, ProjectStore::OpenMode::OpenExisting);
            QVERIFY(store);
            QSqlQuery q((*store)->database());
            QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM predictions")) && q.next());
            QCOMPARE(q.value(0).toInt(), 3); // the workbench's answer and the two cases
        }

        QFile file(results);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
        const QJsonObject protocol = json.value(QLatin1String("protocol")).toObject();
        QCOMPARE(protocol.value(QLatin1String("official")).toBool(), true);
        const QJsonObject backend = protocol.value(QLatin1String("backend")).toObject();
        QCOMPARE(backend.value(QLatin1String("dtype")).toString(), QStringLiteral("bfloat16"));
        QCOMPARE(backend.value(QLatin1String("device")).toString(), QStringLiteral("cpu"));
        const QJsonArray predictions = json.value(QLatin1String("predictions")).toArray();
        QCOMPARE(predictions.size(), 2);
        for (const QJsonValue &p : predictions) {
            QVERIFY(p.toObject()
                            .value(QLatin1String("prompt"))
                            .toString()
                            .endsWith(annotate::EvaluationProtocol::officialFormatSuffix()));
            QVERIFY(!p.toObject().value(QLatin1String("token_ids")).toArray().isEmpty());
        }

        // And the workbench goes on with the same engine.
        QTest::mouseClick(main.queryPanel()->runButton(), Qt::LeftButton);
        QVERIFY(answers.wait(120000));
        QCOMPARE(engine->loads(), 1);
    }

    void cancelStopsTheCaseInProgressAndClosingReturnsWithinOneSecond()
    {
        QString benchFile;
        const QString projectFile = fixtureBenchProject(QStringLiteral("cancel"), &benchFile);
        QVERIFY(!projectFile.isEmpty());
        auto *main = new ui::MainWindow(tinyOptions(projectFile));
        main->show();
        QVERIFY(QTest::qWaitForWindowExposed(main));
        main->research()->showBatchEvaluation();
        ui::BatchEvaluationWindow *window = main->research()->batchEvaluation();
        QVERIFY(window->setBenchFile(benchFile));
        window->setImagesRoot(test::tinyCheckpoint());
        window->setResultsFile(m_dir.filePath(QStringLiteral("cancel-results.json")));

        // From the middle of the first case's prefill on, every engine step takes 200 ms: the
        // rest of the case (128 decode steps) would take half a minute without cancellation.
        std::atomic<bool> reached{false};
        std::atomic<bool> stopping{false};
        std::atomic<int> stepsAfterStop{0};
        ui::BatchEvaluationWorker *worker = window->worker();
        connect(
                worker, &ui::BatchEvaluationWorker::caseProgress, worker,
                [&](const QString &stage, int done, int) {
                    if (stopping)
                        ++stepsAfterStop;
                    if (stage == QLatin1String("prefill") && done == 1)
                        reached = true;
                    if (reached)
                        std::this_thread::sleep_for(std::chrono::milliseconds(200));
                },
                Qt::DirectConnection);
        QTest::mouseClick(window->startButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(reached.load(), 120000);

        // Cancel: the case in progress stops at the engine's next step and is not stored.
        QElapsedTimer clock;
        clock.start();
        stopping = true;
        QTest::mouseClick(window->cancelButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(window->state(), ui::BatchEvaluationWindow::State::Idle, 5000);
        const qint64 cancelMs = clock.elapsed();
        qInfo("batch cancelled mid-prefill in %lld ms after %d more step(s)", cancelMs,
              stepsAfterStop.load());
        QVERIFY2(cancelMs < 1000, qPrintable(QString::number(cancelMs)));
        QVERIFY(stepsAfterStop.load() <= 1);
        QCOMPARE(predictionRows(projectFile), 0);

        // Start again, and close the main window in the middle of the prefill.
        reached = false;
        stopping = false;
        stepsAfterStop = 0;
        QTest::mouseClick(window->startButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(reached.load(), 120000);
        clock.restart();
        stopping = true;
        main->close();
        delete main;
        const qint64 closeMs = clock.elapsed();
        qInfo("main window closed during a batch prefill in %lld ms", closeMs);
        QVERIFY2(closeMs < 1000, qPrintable(QString::number(closeMs)));
        QCOMPARE(predictionRows(projectFile), 0);
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
