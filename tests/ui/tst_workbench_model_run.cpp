// The tiny fixture checkpoint as the model, driven through the main window as a user would: the
// checkpoint given like `--model DIR`, a project whose case is the fixture's single-grounding
// image, the Run button, the tokens streaming into the answer panel, Cancel pressed after the
// first streamed token, and a second Run whose tokens are the reference's (cases.json,
// generated_ids_rp: the checkpoint's generation_config.json, repetition penalty included). A
// timer on the GUI thread measures its longest stall over both runs, model loading included.
#include "gui_test_support.h"
#include "model_test_support.h"
#include "support/qt_test_registry.h"

#include "annotate/project_store.h"
#include "ui/answer_panel.h"
#include "ui/case_session.h"
#include "ui/main_window.h"
#include "ui/query_panel.h"
#include "ui/workbench_controller.h"

#include <QJsonArray>
#include <QPushButton>
#include <QSignalSpy>

#include <atomic>
#include <chrono>
#include <thread>

using namespace migician;

class WorkbenchModelRunTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString tinyProject(const QString &name, const QJsonObject &c)
    {
        return test::writeTinyProject(m_dir.filePath(name), c);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::isolateSettings(m_dir);
    }

    void runCancelAndRerunFromTheMainWindow()
    {
        const QJsonObject c = test::tinyCase(QStringLiteral("single_grounding"));
        QVERIFY(!c.isEmpty());
        const QList<qint64> golden = test::tokenIds(c.value(QStringLiteral("generated_ids_rp")));
        const QString goldenText = c.value(QStringLiteral("generated_text_rp")).toString();
        QCOMPARE(golden.size(), 16);
        const QString query = c.value(QStringLiteral("query")).toString();

        // A project whose one case is the fixture image, with the fixture's query.
        const QString project = tinyProject(QStringLiteral("tiny.migician"), c);
        QVERIFY(!project.isEmpty());

        ui::StartupOptions options;
        options.openDemo = false;
        options.projectPath = project;
        options.modelDir = test::tinyCheckpoint(); // what `--model DIR` sets
        ui::MainWindow window(options);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ui::WorkbenchController *controller = window.controller();
        QCOMPARE(controller->settings().engine.modelDir, test::tinyCheckpoint());
        QCOMPARE(controller->session()->images().size(), 1);
        QCOMPARE(window.queryPanel()->query(), query); // the case's question fills the query
        ui::AnswerPanel *answer = window.answerPanel();
        QPushButton *run = window.queryPanel()->runButton();
        QPushButton *cancel = window.queryPanel()->cancelButton();

        // Tokens as the worker produces them (its thread) and as the GUI receives them.
        ui::InferenceWorker *worker = controller->inference()->worker();
        std::atomic<int> produced{0};
        connect(
                worker, &ui::InferenceWorker::textStreamed, worker,
                [&produced](quint64, qint64, const QString &) { ++produced; },
                Qt::DirectConnection);
        QList<qint64> streamed;
        QString lastStreamedText;
        int producedAtCancel = -1;
        QString panelAtCancel;
        // Connected after the main window's own connection: the panel already shows the token.
        connect(worker, &ui::InferenceWorker::textStreamed, this,
                [&](quint64, qint64 token, const QString &text) {
                    streamed << token;
                    lastStreamedText = text;
                    if (producedAtCancel == -2) { // armed: press Cancel on the first token
                        producedAtCancel = -3;    // the click may deliver queued tokens
                        panelAtCancel = answer->text();
                        QTest::mouseClick(cancel, Qt::LeftButton);
                        producedAtCancel = produced.load(); // the flag is set by now
                    }
                });
        QSignalSpy answers(controller, &ui::WorkbenchController::answerReady);
        QSignalSpy failures(controller, &ui::WorkbenchController::runFailed);

        test::StallDetector detector;

        // Run 1: room for many tokens, cancelled after the first one reaches the panel.
        ui::AppSettings settings = controller->settings();
        settings.engine.maxNewTokens = 4000;
        settings.engine.dtype = QStringLiteral("float32"); // the goldens are float32
        controller->setSettings(settings);
        producedAtCancel = -2;
        QTest::mouseClick(run, Qt::LeftButton);
        QVERIFY(!run->isEnabled());
        QVERIFY(cancel->isEnabled());
        QVERIFY(answers.wait(180000));
        QVERIFY2(failures.isEmpty(),
                 failures.isEmpty() ? "" : qPrintable(failures.first().first().toString()));
        const auto cancelled = answers.takeFirst().first().value<ui::InferenceResult>();
        QVERIFY(producedAtCancel >= 1);
        qInfo("cancel pressed with %d token(s) produced; the run stopped after %lld",
              producedAtCancel, qint64(cancelled.tokenIds.size()));
        QVERIFY(cancelled.cancelled);
        QVERIFY(!panelAtCancel.isEmpty());
        // Stopped within one decode step of the press.
        QVERIFY(cancelled.tokenIds.size() >= producedAtCancel);
        QVERIFY(cancelled.tokenIds.size() <= producedAtCancel + 1);
        QCOMPARE(streamed, cancelled.tokenIds);
        const qsizetype common = std::min<qsizetype>(cancelled.tokenIds.size(), golden.size());
        QCOMPARE(cancelled.tokenIds.mid(0, common), golden.mid(0, common));
        // The panel shows the cancelled answer and stops growing.
        const QString panelAfterCancel = answer->text();
        QCOMPARE(panelAfterCancel, cancelled.text);
        QVERIFY(panelAfterCancel.startsWith(panelAtCancel));
        QTest::qWait(300);
        QCOMPARE(answer->text(), panelAfterCancel);
        QCOMPARE(produced.load(), int(cancelled.tokenIds.size()));
        QVERIFY(run->isEnabled());
        QVERIFY(!cancel->isEnabled());

        // Run 2: the reference's 16 new tokens, to the end.
        settings.engine.maxNewTokens = 16;
        controller->setSettings(settings);
        streamed.clear();
        QTest::mouseClick(run, Qt::LeftButton);
        QVERIFY(answers.wait(180000));
        QVERIFY(failures.isEmpty());
        const auto full = answers.takeFirst().first().value<ui::InferenceResult>();
        QVERIFY(!full.cancelled);
        QCOMPARE(full.tokenIds, golden);
        QCOMPARE(streamed, golden);
        QCOMPARE(lastStreamedText, goldenText);
        QCOMPARE(full.text, goldenText);
        QCOMPARE(answer->text(), goldenText);
        QVERIFY(full.backend.startsWith(QStringLiteral("Migician")));

        qInfo("longest GUI-thread stall over both runs: %lld ms of work (%lld ms wall)",
              detector.longestMs(), detector.longestWallMs());
        QVERIFY2(detector.longestMs() < 50, qPrintable(QString::number(detector.longestMs())));
    }

    void closingDuringAnyStageReturnsWithinOneSecond_data();
    void closingDuringAnyStageReturnsWithinOneSecond();
};

// Closing the main window while the model is loading, in the vision tower, in the prefill or
// decoding returns within 1 s. The tiny model is made slow where it is asked to stop: from the
// stage under test on, every progress point of the engine (where it polls cancel) sleeps 200 ms
// in the worker thread, so without cancellation at those points the rest of that stage alone
// would take seconds (hundreds of tensors, 16 tokens), and closing would wait for it.
void WorkbenchModelRunTest::closingDuringAnyStageReturnsWithinOneSecond_data()
{
    QTest::addColumn<QString>("stage");
    QTest::addColumn<int>("at");
    QTest::newRow("loading") << QStringLiteral("load") << 5;
    QTest::newRow("vision tower") << QStringLiteral("vision") << 1;
    QTest::newRow("prefill") << QStringLiteral("prefill") << 1;
    QTest::newRow("decode") << QStringLiteral("decode") << 2;
}

void WorkbenchModelRunTest::closingDuringAnyStageReturnsWithinOneSecond()
{
    QFETCH(QString, stage);
    QFETCH(int, at);
    const QJsonObject c = test::tinyCase(QStringLiteral("single_grounding"));
    QVERIFY(!c.isEmpty());
    const QString project = tinyProject(QStringLiteral("close-%1.migician").arg(stage), c);
    QVERIFY(!project.isEmpty());

    ui::StartupOptions options;
    options.openDemo = false;
    options.projectPath = project;
    options.modelDir = test::tinyCheckpoint();
    auto *window = new ui::MainWindow(options);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    ui::AppSettings settings = window->controller()->settings();
    settings.engine.maxNewTokens = 16;
    window->controller()->setSettings(settings);

    std::atomic<bool> reached{false};
    std::atomic<bool> closing{false};
    std::atomic<int> stepsAfterClose{0};
    ui::InferenceWorker *worker = window->controller()->inference()->worker();
    connect(
            worker, &ui::InferenceWorker::progressed, worker,
            [&, stage, at](quint64, const QString &name, int done, int) {
                if (closing)
                    ++stepsAfterClose;
                if (name == stage && done == at)
                    reached = true;
                if (reached)
                    std::this_thread::sleep_for(std::chrono::milliseconds(200));
            },
            Qt::DirectConnection);
    QTest::mouseClick(window->queryPanel()->runButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(reached.load(), 120000);

    QElapsedTimer clock;
    clock.start();
    closing = true;
    window->close();
    delete window; // the workbench's main() does this when its last window closes
    const qint64 closeMs = clock.elapsed();
    qInfo("closed during %s in %lld ms, after %d more engine step(s)", qPrintable(stage), closeMs,
          stepsAfterClose.load());
    QVERIFY2(closeMs < 1000, qPrintable(QString::number(closeMs)));
    QVERIFY(stepsAfterClose.load() <= 1); // it stopped at the next step
}

MIGICIAN_TEST_CLASS(WorkbenchModelRunTest)
#include "tst_workbench_model_run.moc"
