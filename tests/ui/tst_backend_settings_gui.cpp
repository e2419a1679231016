// Settings -> Backend as a user meets it, against a real `migician serve` of the tiny fixture on a
// loopback port the OS picks (started with an API key): Test connection lists the server's models
// with the round-trip time and says what is wrong otherwise; the workbench then answers on the
// endpoint, streaming into the answer panel, with the same text and boxes as the local engine;
// the status bar names the backend; the API key is in no settings file or project; and a local run
// estimated too long offers the configured endpoint and runs there.
#include "app/fixture_bench.h"
#include "app/serve_process.h"
#include "gui_test_support.h"
#include "model_test_support.h"
#include "support/qt_test_registry.h"

#include "ui/answer_panel.h"
#include "ui/app_settings.h"
#include "ui/batch_evaluation_window.h"
#include "ui/inference_worker.h"
#include "ui/main_window.h"
#include "ui/query_panel.h"
#include "ui/research_windows.h"
#include "ui/run_calibration.h"
#include "ui/run_confirm_dialog.h"
#include "ui/run_estimate_actions.h"
#include "ui/settings_dialog.h"
#include "ui/workbench_controller.h"

#include <QApplication>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTimer>

using namespace migician;

namespace {

const QByteArray kKey = "sk-migician-test-7f3a9c";

QString statusBackendText(ui::MainWindow *window)
{
    for (QLabel *label : window->statusBar()->findChildren<QLabel *>())
        if (label->text().startsWith(QStringLiteral("Backend:")))
            return label->text();
    return {};
}

} // namespace

class BackendSettingsGuiTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_keyFile;
    std::unique_ptr<test::ServeProcess> m_server;

    // The remote backend of the running server, everything else as the user's settings say.
    ui::AppSettings remoteSettings() const
    {
        ui::AppSettings settings = ui::AppSettings::load();
        settings.engine.backend = ui::BackendKind::Remote;
        settings.engine.remote.url = m_server->url();
        settings.engine.remote.apiKeyFile = m_keyFile;
        settings.engine.maxNewTokens = 16;
        return settings;
    }

    std::unique_ptr<ui::MainWindow> window(const QString &projectName, bool localModel)
    {
        const QString project = test::writeTinyProject(
                m_dir.filePath(projectName), test::tinyCase(QStringLiteral("single_grounding")));
        if (project.isEmpty())
            return nullptr;
        return test::shownWindow(project, localModel ? test::tinyCheckpoint() : QString());
    }

    // Runs the window's query and returns the answer (empty backend on failure or timeout).
    ui::InferenceResult runQuery(ui::MainWindow *window)
    {
        QSignalSpy answers(window->controller(), &ui::WorkbenchController::answerReady);
        QSignalSpy failures(window->controller(), &ui::WorkbenchController::runFailed);
        QTest::mouseClick(window->queryPanel()->runButton(), Qt::LeftButton);
        if (!answers.wait(120000) && failures.isEmpty())
            return {};
        if (!failures.isEmpty()) {
            qWarning("run failed: %s", qPrintable(failures.first().first().toString()));
            return {};
        }
        return answers.first().first().value<ui::InferenceResult>();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::isolateSettings(m_dir);
        m_keyFile = m_dir.filePath(QStringLiteral("api-key.txt"));
        QFile key(m_keyFile);
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.write(kKey + '\n');
        key.close();
        m_server = std::make_unique<test::ServeProcess>(
                QStringList{QStringLiteral("--api-key-file"), m_keyFile});
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->firstLine() + m_server->errors()));
    }

    void testConnectionListsTheModelsOrSaysWhatIsWrong()
    {
        ui::SettingsDialog dialog(ui::AppSettings::load());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *remote = dialog.findChild<QRadioButton *>(QStringLiteral("backend_remote"));
        QVERIFY(remote);
        remote->click();
        // Only the chosen backend's fields can be edited.
        QVERIFY(!dialog.findChild<QLineEdit *>(QStringLiteral("checkpointFolder"))->isEnabled());
        auto *url = dialog.findChild<QLineEdit *>(QStringLiteral("endpointUrl"));
        auto *keyFile = dialog.findChild<QLineEdit *>(QStringLiteral("apiKeyFile"));
        auto *test = dialog.findChild<QPushButton *>(QStringLiteral("testConnection"));
        auto *status = dialog.findChild<QLabel *>(QStringLiteral("connectionStatus"));
        QVERIFY(url && keyFile && test && status);
        QVERIFY(url->isEnabled());

        // Connecting... then the outcome (the button is disabled while the test runs).
        const auto testAndWait = [&]() -> QString {
            status->clear();
            QTest::mouseClick(test, Qt::LeftButton);
            if (!QTest::qWaitFor([&] { return test->isEnabled() && !status->text().isEmpty(); },
                                 30000))
                return QStringLiteral("(no outcome after 30 s)");
            return status->text();
        };

        // Without the key: the server refuses, and the message says so.
        url->setText(m_server->url());
        QString said = testAndWait();
        QVERIFY2(said.startsWith(QStringLiteral("No connection")), qPrintable(said));
        QVERIFY2(said.contains(QStringLiteral("key"), Qt::CaseInsensitive), qPrintable(said));

        // With the key: the models and the round-trip time.
        keyFile->setText(m_keyFile);
        said = testAndWait();
        QVERIFY2(said.contains(QStringLiteral("qwen2vl-tiny"))
                         && said.contains(QStringLiteral(" ms")),
                 qPrintable(said));
        QCOMPARE(status->property("connected").toBool(), true);
        QVERIFY(!said.contains(QString::fromLatin1(kKey)));
        QVERIFY(dialog.grab().save(
                test::screenshotPath(m_dir, QStringLiteral("settings-backend.png"))));

        // A port nobody listens on.
        url->setText(QStringLiteral("http://127.0.0.1:9"));
        said = testAndWait();
        QVERIFY2(said.startsWith(QStringLiteral("No connection")), qPrintable(said));
        QCOMPARE(status->property("connected").toBool(), false);

        // What the dialog gives back, and what the settings file keeps: the key file's path, never
        // the key.
        url->setText(m_server->url());
        const ui::AppSettings chosen = dialog.settings();
        QCOMPARE(chosen.engine.backend, ui::BackendKind::Remote);
        QCOMPARE(chosen.engine.remote.url, m_server->url());
        QCOMPARE(chosen.engine.remote.apiKeyFile, m_keyFile);
        chosen.save();
        QSettings settings;
        settings.sync();
        QCOMPARE(ui::AppSettings::load().engine.remote.url, m_server->url());
        QFile file(settings.fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(kKey));
    }

    void workbenchAnswersOnTheEndpointAsTheLocalEngineDoes()
    {
        // The same query on the local engine first (float32, as the server runs it).
        ui::AppSettings local = ui::AppSettings::load();
        local.engine.backend = ui::BackendKind::Local;
        local.engine.modelDir = test::tinyCheckpoint();
        local.engine.dtype = QStringLiteral("float32");
        local.engine.maxNewTokens = 16;
        local.save();
        auto localWindow = window(QStringLiteral("local.migician"), true);
        QVERIFY(localWindow);
        localWindow->controller()->setSettings(local);
        const ui::InferenceResult expected = runQuery(localWindow.get());
        QVERIFY(!expected.backend.isEmpty());
        localWindow.reset();

        remoteSettings().save();
        auto remoteWindow = window(QStringLiteral("remote.migician"), false);
        QVERIFY(remoteWindow);
        const QString status = statusBackendText(remoteWindow.get());
        QVERIFY2(status.contains(QStringLiteral("remote endpoint"))
                         && status.contains(m_server->url()),
                 qPrintable(status));
        QStringList streamed;
        connect(remoteWindow->controller()->inference()->worker(),
                &ui::InferenceWorker::textStreamed, this,
                [&](quint64, qint64, const QString &text) { streamed << text; });
        const ui::InferenceResult answered = runQuery(remoteWindow.get());
        QVERIFY2(answered.backend.contains(m_server->url()), qPrintable(answered.backend));
        QVERIFY(!answered.cancelled);
        // Streamed: the text grew in steps, and the panel showed it.
        QVERIFY2(streamed.size() >= 2, qPrintable(streamed.join(QLatin1Char('|'))));
        // The server stops at the end token and leaves it out of the text; the local engine keeps
        // it (README, "Serving the model").
        QString localText = expected.text;
        localText.remove(QStringLiteral("<|im_end|>"));
        QCOMPARE(answered.text, localText);
        QCOMPARE(answered.boxes.size(), expected.boxes.size());
        for (int i = 0; i < answered.boxes.size(); ++i) {
            QCOMPARE(answered.boxes[i].image, expected.boxes[i].image);
            QCOMPARE(answered.boxes[i].box, expected.boxes[i].box);
        }
        QVERIFY(remoteWindow->grab().save(
                test::screenshotPath(m_dir, QStringLiteral("remote-answer.png"))));
        remoteWindow.reset();
        // The project keeps where the answer came from, never the key.
        QFile project(m_dir.filePath(QStringLiteral("remote.migician")));
        QVERIFY(project.open(QIODevice::ReadOnly));
        const QByteArray bytes = project.readAll();
        QVERIFY(bytes.contains(m_server->url().toUtf8()));
        QVERIFY(!bytes.contains(kKey));
    }

    void slowLocalRunOffersTheRemoteEndpoint()
    {
        ui::AppSettings settings = remoteSettings();
        settings.engine.backend = ui::BackendKind::Local;
        settings.engine.modelDir = test::tinyCheckpoint();
        settings.engine.dtype = QStringLiteral("auto");
        settings.save();
        auto window = this->window(QStringLiteral("offer.migician"), true);
        QVERIFY(window);
        // This machine measured as very slow: the local run is estimated over the threshold.
        QString error;
        const auto base = window->estimates()->currentEstimate(&error);
        QVERIFY2(base, qPrintable(error));
        model::SpeedCalibration slow;
        slow.visionFlops = base->estimate.work.vision / 100.0;
        slow.prefillFlops = base->estimate.work.prefill / 100.0;
        slow.decodeFlops = 1e15;
        slow.measured = true;
        ui::SpeedCalibrationStore::save(model::Device::Cpu, base->estimate.dtype, slow);

        QString offered;
        QTimer::singleShot(0, this, [&] {
            QTRY_VERIFY_WITH_TIMEOUT(
                    qobject_cast<ui::RunConfirmDialog *>(QApplication::activeModalWidget()), 5000);
            auto *dialog = qobject_cast<ui::RunConfirmDialog *>(QApplication::activeModalWidget());
            auto *remote = dialog->findChild<QPushButton *>(QStringLiteral("useRemote"));
            QVERIFY(remote);
            offered = remote->text();
            QVERIFY(dialog->grab().save(
                    test::screenshotPath(m_dir, QStringLiteral("confirmation-remote.png"))));
            QTest::mouseClick(remote, Qt::LeftButton);
        });
        const ui::InferenceResult answered = runQuery(window.get());
        QVERIFY2(offered.contains(m_server->url()), qPrintable(offered));
        QVERIFY2(answered.backend.contains(m_server->url()), qPrintable(answered.backend));
        // Only that run went to the endpoint: the setting is still the local checkpoint.
        QCOMPARE(window->controller()->settings().engine.backend, ui::BackendKind::Local);
    }

    void batchWindowEvaluatesOverTheEndpoints()
    {
        test::ServeProcess second;
        QVERIFY2(second.isRunning(), qPrintable(second.firstLine() + second.errors()));
        ui::AppSettings settings = remoteSettings();
        settings.engine.remote.moreUrls = {second.url()};
        settings.engine.remote.concurrency = 2;
        settings.save();
        auto main = window(QStringLiteral("batch.migician"), false);
        QVERIFY(main);
        main->research()->showBatchEvaluation();
        ui::BatchEvaluationWindow *batch = main->research()->batchEvaluation();
        QVERIFY(QTest::qWaitForWindowExposed(batch));
        // The remote backend is offered first, with every endpoint of the settings.
        QCOMPARE(batch->backendCombo()->currentText(), QStringLiteral("Remote endpoints"));
        auto *endpoints = batch->findChild<QLineEdit *>(QStringLiteral("evaluationEndpoints"));
        QVERIFY(endpoints && endpoints->isEnabled());
        QCOMPARE(endpoints->text(), m_server->url() + QLatin1Char(' ') + second.url());
        QVERIFY(!batch->deviceCombo()->isEnabled());

        const QString bench = m_dir.filePath(QStringLiteral("batch-bench.json"));
        QFile file(bench);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(test::fixtureBench()).toJson());
        file.close();
        QVERIFY(batch->setBenchFile(bench));
        batch->setImagesRoot(test::tinyCheckpoint());
        const QString results = m_dir.filePath(QStringLiteral("batch-results.json"));
        batch->setResultsFile(results);
        QVERIFY(batch->grab().save(
                test::screenshotPath(m_dir, QStringLiteral("batch-evaluation-remote.png"))));
        QTest::mouseClick(batch->startButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(batch->state(), ui::BatchEvaluationWindow::State::Finished,
                                  180000);
        QVERIFY2(batch->errorText().isEmpty(), qPrintable(batch->errorText()));
        QFile written(results);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(written.readAll()).object();
        QCOMPARE(json.value(QLatin1String("predictions")).toArray().size(),
                 test::fixtureBench().size());
        const QJsonObject backend = json.value(QLatin1String("protocol"))
                                            .toObject()
                                            .value(QLatin1String("backend"))
                                            .toObject();
        QCOMPARE(backend.value(QLatin1String("name")).toString(), QStringLiteral("remote"));
        QCOMPARE(backend.value(QLatin1String("endpoints")).toArray().size(), 2);
        QCOMPARE(backend.value(QLatin1String("concurrency")).toInt(), 2);
    }

    void cleanupTestCase()
    {
        if (m_server)
            QCOMPARE(m_server->stop(), 0);
    }
};

MIGICIAN_TEST_CLASS(BackendSettingsGuiTest)
#include "tst_backend_settings_gui.moc"
