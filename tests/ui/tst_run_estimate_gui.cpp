// Issue 16 in the main window, as a user meets it: the estimate under the query (tokens,
// memory, time) follows the query and the images; a run estimated over the threshold asks first
// (with a lower pixel limit and its token count on offer); the determinate progress bar moves
// through the prefill of a model made slow; the precision "Automatic (...)" names the
// checkpoint's dtype; and a new answer hides the unreviewed boxes of earlier runs.
#include "gui_test_support.h"
#include "model_test_support.h"
#include "support/qt_test_registry.h"

#include "annotate/project_store.h"
#include "model/run_estimator.h"
#include "ui/case_canvas.h"
#include "ui/case_scene.h"
#include "ui/case_session.h"
#include "ui/history_panel.h"
#include "ui/main_window.h"
#include "ui/query_panel.h"
#include "ui/run_calibration.h"
#include "ui/run_confirm_dialog.h"
#include "ui/run_estimate_actions.h"
#include "ui/settings_dialog.h"
#include "ui/workbench_controller.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QSignalSpy>
#include <QTimer>

#include <thread>

using namespace migician;

class RunEstimateGuiTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    // Where the pictures go: $MIGICIAN_SCREENSHOT_DIR (a real X server: the whole screen, dialogs
    // included), else the test folder (the window only).
    void shot(QWidget *window, const QString &name)
    {
        const QString path = test::screenshotPath(m_dir, name);
        QPixmap pixmap;
        if (QGuiApplication::platformName() == QLatin1String("xcb"))
            pixmap = QGuiApplication::primaryScreen()->grabWindow(0);
        if (pixmap.isNull())
            pixmap = window->grab();
        QVERIFY(pixmap.save(path));
    }

    QString tinyProject(const QString &name)
    {
        return test::writeTinyProject(m_dir.filePath(name),
                                      test::tinyCase(QStringLiteral("single_grounding")));
    }

    std::unique_ptr<ui::MainWindow> tinyWindow(const QString &projectName)
    {
        const QString project = tinyProject(projectName);
        return project.isEmpty() ? nullptr : test::shownWindow(project, test::tinyCheckpoint());
    }

    // The prompt the window would send now, planned independently of the window.
    int expectedTokens(ui::MainWindow *window)
    {
        const model::RunEstimator estimator(test::tinyCheckpoint().toStdString());
        ui::WorkbenchController *controller = window->controller();
        std::vector<model::ImageSize> sizes;
        for (const QImage &image : controller->session()->images())
            sizes.push_back({image.height(), image.width()});
        for (const auto &reference : controller->references())
            sizes.push_back({reference.crop.height(), reference.crop.width()});
        model::ResizeLimits limits{controller->settings().engine.minPixels,
                                   controller->settings().engine.maxPixels};
        return int(estimator
                           .plan(sizes, std::vector<model::ResizeLimits>(sizes.size(), limits),
                                 window->queryPanel()->query().toStdString())
                           .ids.size());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::isolateSettings(m_dir);
    }

    void estimateFollowsQueryAndImages()
    {
        auto window = tinyWindow(QStringLiteral("estimate.migician"));
        QVERIFY(window);
        QLabel *estimate = window->queryPanel()->estimateLabel();
        QTRY_VERIFY_WITH_TIMEOUT(estimate->isVisible(), 10000);
        const auto tokensShown = [&] {
            return estimate->text().startsWith(
                    QStringLiteral("%1 tokens")
                            .arg(QLocale().toString(expectedTokens(window.get()))));
        };
        QTRY_VERIFY2_WITH_TIMEOUT(tokensShown(), qPrintable(estimate->text()), 5000);
        QVERIFY(estimate->text().contains(QStringLiteral("free")));
        QVERIFY2(estimate->text().contains(QStringLiteral("not measured here yet")),
                 qPrintable(estimate->text()));
        QVERIFY(estimate->toolTip().contains(QStringLiteral("KV cache")));
        const QString before = estimate->text();

        // A longer query: more text tokens, the label follows.
        window->queryPanel()->setQuery(window->queryPanel()->query()
                                       + QStringLiteral(" Give every box you can find, please."));
        QTRY_VERIFY_WITH_TIMEOUT(estimate->text() != before, 5000);
        QVERIFY2(tokensShown(), qPrintable(estimate->text()));

        // A visual reference: a second image in the prompt, counted on its own.
        window->controller()->addReference(1, annotate::NormBox{0.1, 0.1, 0.6, 0.6});
        QTRY_VERIFY_WITH_TIMEOUT(tokensShown(), 5000);
        QVERIFY2(estimate->text().contains(QStringLiteral(" + ")), qPrintable(estimate->text()));
        shot(window.get(), QStringLiteral("estimate.png"));

        // The precision the settings call "Automatic" is the checkpoint's.
        QCOMPARE(ui::SettingsDialog::autoPrecisionLabel(test::tinyCheckpoint(),
                                                        QStringLiteral("cpu")),
                 QStringLiteral("Automatic (bfloat16)"));
    }

    void automaticPrecisionNamesTheCheckpointsDtype()
    {
        // A copy of the fixture's config.json that says float32.
        const QString folder = m_dir.filePath(QStringLiteral("float32-checkpoint"));
        QVERIFY(QDir().mkpath(folder));
        QFile in(test::tinyCheckpoint() + QStringLiteral("/config.json"));
        QVERIFY(in.open(QIODevice::ReadOnly));
        QJsonObject config = QJsonDocument::fromJson(in.readAll()).object();
        config[QStringLiteral("torch_dtype")] = QStringLiteral("float32");
        QFile out(folder + QStringLiteral("/config.json"));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(config).toJson());
        out.close();
        QCOMPARE(ui::SettingsDialog::autoPrecisionLabel(folder, QStringLiteral("cpu")),
                 QStringLiteral("Automatic (float32)"));
        // In the dialog itself, as the folder is typed.
        ui::AppSettings settings;
        settings.engine.modelDir = test::tinyCheckpoint();
        ui::SettingsDialog dialog(settings);
        auto *precision = dialog.findChild<QComboBox *>(QStringLiteral("precision"));
        QVERIFY(precision);
        QCOMPARE(precision->currentText(), QStringLiteral("Automatic (bfloat16)"));
        auto *folderEdit = dialog.findChild<QLineEdit *>(QStringLiteral("checkpointFolder"));
        QVERIFY(folderEdit);
        folderEdit->setText(folder);
        QCOMPARE(precision->currentText(), QStringLiteral("Automatic (float32)"));
        QCOMPARE(dialog.settings().engine.dtype, QStringLiteral("auto"));
    }

    void longRunAsksFirstAndProgressMovesThroughPrefill()
    {
        auto window = tinyWindow(QStringLiteral("confirm.migician"));
        QVERIFY(window);
        ui::WorkbenchController *controller = window->controller();
        ui::AppSettings settings = controller->settings();
        settings.engine.maxNewTokens = 4;
        controller->setSettings(settings);

        // This machine measured as very slow in vision and prefill: the run is estimated at
        // about 110 s, over the 60 s default, and a quarter of the pixels would bring it under.
        QString error;
        const auto base = window->estimates()->currentEstimate(&error);
        QVERIFY2(base, qPrintable(error));
        QCOMPARE(ui::EstimateSettings::load().confirmAboveSeconds, 60.0);
        model::SpeedCalibration slow;
        slow.visionFlops = base->estimate.work.vision / 100.0;
        slow.prefillFlops = base->estimate.work.prefill / 10.0;
        slow.decodeFlops = 1e15;
        slow.measured = true;
        ui::SpeedCalibrationStore::save(model::Device::Cpu, model::DType::BFloat16, slow);
        const auto estimated = window->estimates()->currentEstimate(&error);
        QVERIFY(estimated && estimated->estimate.time.calibrated);
        QVERIFY(estimated->estimate.time.totalSeconds() > 100);

        // The worker's model made slow where it reports progress: each prefill layer takes
        // 400 ms more (in the worker thread, as a slow CPU would).
        ui::InferenceWorker *worker = controller->inference()->worker();
        connect(
                worker, &ui::InferenceWorker::progressed, worker,
                [](quint64, const QString &stage, int done, int total) {
                    if (stage == QLatin1String("prefill") && done < total)
                        std::this_thread::sleep_for(std::chrono::milliseconds(400));
                },
                Qt::DirectConnection);
        // What the bar shows at each report (connected after the window: already updated).
        struct Seen
        {
            QString stage;
            int value, maximum;
            QString text;
        };
        QList<Seen> seen;
        QProgressBar *bar = window->queryPanel()->progressBar();
        connect(worker, &ui::InferenceWorker::progressed, this,
                [&](quint64, const QString &stage, int, int) {
                    seen.append({stage, bar->value(), bar->maximum(), bar->text()});
                    if (stage == QLatin1String("prefill") && bar->value() == 1)
                        shot(window.get(), QStringLiteral("progress-prefill.png"));
                });

        // Run: the confirmation comes up, says why, and offers a lower pixel limit.
        QString title, lowerText, details;
        bool sawDialog = false;
        QTimer::singleShot(0, this, [&] {
            QTRY_VERIFY_WITH_TIMEOUT(
                    qobject_cast<ui::RunConfirmDialog *>(QApplication::activeModalWidget()), 5000);
            auto *dialog = qobject_cast<ui::RunConfirmDialog *>(QApplication::activeModalWidget());
            sawDialog = true;
            title = dialog->windowTitle();
            auto *lower = dialog->findChild<QPushButton *>(QStringLiteral("lowerPixels"));
            lowerText = lower ? lower->text() : QString();
            details = dialog->findChild<QLabel *>(QStringLiteral("estimateDetails"))->text();
            QVERIFY(QTest::qWaitForWindowExposed(dialog));
            QTest::qWait(200); // painted before the picture
            shot(dialog, QStringLiteral("confirmation.png"));
            QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("runAnyway")),
                              Qt::LeftButton);
        });
        QSignalSpy answers(controller, &ui::WorkbenchController::answerReady);
        QSignalSpy failures(controller, &ui::WorkbenchController::runFailed);
        QTest::mouseClick(window->queryPanel()->runButton(), Qt::LeftButton);
        QVERIFY(sawDialog);
        QCOMPARE(title, QStringLiteral("This run may take long"));
        QVERIFY2(lowerText.contains(QStringLiteral("tokens")), qPrintable(lowerText));
        QVERIFY2(details.contains(QStringLiteral("measured speed")), qPrintable(details));
        QVERIFY(answers.wait(180000));
        QVERIFY(failures.isEmpty());
        QVERIFY(!answers.first().first().value<ui::InferenceResult>().cancelled);

        // The bar went through every prefill layer, determinate, with the stage on it.
        const int layers = model::RunEstimator(test::tinyCheckpoint().toStdString())
                                   .config()
                                   .numHiddenLayers;
        QCOMPARE(layers, 2);
        QList<int> prefill;
        for (const Seen &s : std::as_const(seen))
            if (s.stage == QLatin1String("prefill")) {
                prefill << s.value;
                QCOMPARE(s.maximum, layers);
                QVERIFY2(s.text.startsWith(QStringLiteral("Prefill: layer")), qPrintable(s.text));
                QVERIFY(s.text.contains(QStringLiteral("elapsed")));
            }
        QCOMPARE(prefill, (QList<int>{0, 1, 2}));
        // With one slow layer done, the time left is said.
        for (const Seen &s : std::as_const(seen))
            if (s.stage == QLatin1String("prefill") && s.value == 1)
                QVERIFY2(s.text.contains(QStringLiteral("left")), qPrintable(s.text));
        bool decodeRate = false;
        for (const Seen &s : std::as_const(seen))
            decodeRate |= s.stage == QLatin1String("decode")
                          && s.text.contains(QStringLiteral("tokens/s"));
        QVERIFY(decodeRate);
        QTRY_VERIFY(!bar->isVisible());

        // The run measured this machine: the stored calibration changed.
        const model::SpeedCalibration after
                = ui::SpeedCalibrationStore::load(model::Device::Cpu, model::DType::BFloat16);
        QVERIFY(after.prefillFlops != slow.prefillFlops);

        // Cancel in the dialog: nothing runs.
        ui::SpeedCalibrationStore::save(model::Device::Cpu, model::DType::BFloat16, slow);
        window->estimates()->refresh();
        QTimer::singleShot(0, this, [&] {
            QTRY_VERIFY_WITH_TIMEOUT(QApplication::activeModalWidget(), 5000);
            QTest::mouseClick(QApplication::activeModalWidget()->findChild<QPushButton *>(
                                      QStringLiteral("cancelRun")),
                              Qt::LeftButton);
        });
        QTest::mouseClick(window->queryPanel()->runButton(), Qt::LeftButton);
        QVERIFY(!controller->isRunning());
        QCOMPARE(controller->history().size(), 1);
        ui::SpeedCalibrationStore::forget(model::Device::Cpu, model::DType::BFloat16);
    }

    void newAnswerHidesEarlierRunsBoxes()
    {
        ui::StartupOptions options;
        options.openDemo = false;
        ui::MainWindow window(options);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ui::WorkbenchController *controller = window.controller();
        QString error;
        QVERIFY2(controller->openDemo(&error, m_dir.filePath(QStringLiteral("demo")),
                                      test::demoSourceFolder()),
                 qPrintable(error));
        ui::CaseScene *scene = window.canvas()->caseScene();
        controller->addReference(1, annotate::NormBox{0.30, 0.22, 0.46, 0.70});
        window.queryPanel()->setQuery(QStringLiteral("Where is the person of Image-5?"));
        QSignalSpy answers(controller, &ui::WorkbenchController::answerReady);
        QTest::mouseClick(window.queryPanel()->runButton(), Qt::LeftButton);
        QVERIFY(answers.wait(60000));
        QCOMPARE(controller->history().size(), 1);
        const annotate::CaseRunInfo first = controller->history().first();
        QVERIFY(!first.boxes.isEmpty());
        QCOMPARE(scene->hiddenEarlierBoxes(), 0);
        for (ui::BoxItem *item : scene->boxesOfRun(first.runId))
            QVERIFY(item->isVisible());

        // A second answer: the first run's boxes leave the canvas, the history keeps them.
        window.queryPanel()->setQuery(QStringLiteral("And where is Image-5 now?"));
        QTest::mouseClick(window.queryPanel()->runButton(), Qt::LeftButton);
        QVERIFY(answers.wait(60000));
        QCOMPARE(controller->history().size(), 2);
        const annotate::CaseRunInfo second = controller->history().first();
        QVERIFY(second.runId != first.runId);
        QTRY_COMPARE(scene->hiddenEarlierBoxes(), int(first.boxes.size()));
        for (ui::BoxItem *item : scene->boxesOfRun(first.runId))
            QVERIFY(!item->isVisible());
        for (ui::BoxItem *item : scene->boxesOfRun(second.runId))
            QVERIFY(item->isVisible());
        auto *count = window.historyPanel()->findChild<QLabel *>(QStringLiteral("historyCount"));
        QTRY_VERIFY2(count->text().contains(QStringLiteral("hidden")), qPrintable(count->text()));
        // Still in the history: selecting the first run draws its boxes again.
        window.historyPanel()->selectRun(first.runId);
        int shown = 0;
        for (ui::BoxItem *item : scene->boxesOfRun(first.runId))
            shown += item->kind() == ui::BoxItem::Kind::History && item->isVisible();
        QCOMPARE(shown, int(first.boxes.size()));
        // Boxes stay stored: the project still holds both runs' model boxes.
        int stored = 0;
        for (const auto &a : controller->session()->annotations())
            stored += a.source == annotate::AnnotationSource::Model;
        QCOMPARE(stored, int(first.boxes.size() + second.boxes.size()));
        QTest::qWait(300); // the X server shows what was painted, not what is about to be
        shot(&window, QStringLiteral("stale-boxes-hidden.png"));
    }
};

MIGICIAN_TEST_CLASS(RunEstimateGuiTest)
#include "tst_run_estimate_gui.moc"
