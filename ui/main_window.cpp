#include "main_window.h"

#include "model/engine.h"
#include "ui/answer_panel.h"
#include "ui/case_canvas.h"
#include "ui/case_list_model.h"
#include "ui/case_list_view.h"
#include "ui/case_session.h"
#include "ui/composition_actions.h"
#include "ui/demo_project.h"
#include "ui/export_dialog.h"
#include "ui/history_panel.h"
#include "ui/image_warning_bar.h"
#include "ui/move_box_menu.h"
#include "ui/open_folder_dialog.h"
#include "ui/query_panel.h"
#include "ui/research_windows.h"
#include "ui/run_estimate_actions.h"
#include "ui/settings_dialog.h"
#include "ui/workbench_controller.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace migician::ui {

MainWindow::MainWindow(const StartupOptions &options, QWidget *parent)
    : QMainWindow(parent)
    , m_options(options)
    , m_controller(new WorkbenchController(this))
{
    setWindowTitle(tr("Migician Workbench"));
    if (!options.modelDir.isEmpty()) {
        AppSettings settings = m_controller->settings();
        settings.engine.modelDir = options.modelDir; // for this session; not saved
        settings.engine.backend = BackendKind::Local;
        m_controller->setSettings(settings);
    }
    buildWidgets();
    buildActions();
    connectController();
    QString error;
    if (!options.projectPath.isEmpty()) {
        if (!m_controller->openProject(options.projectPath, &error))
            showError(error);
    } else if (options.openDemo) {
        if (!m_controller->openDemo(&error))
            showError(error);
        else
            m_query->setQuery(DemoProject::query());
    }
    updateStatus();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildWidgets()
{
    auto *splitter = new QSplitter(this);
    m_caseList = new CaseListView(splitter);
    m_caseList->setObjectName(QStringLiteral("caseList"));
    m_caseList->setModel(m_controller->cases());
    m_caseList->setMinimumWidth(160);
    connect(m_caseList, &CaseListView::rowChosen, this, &MainWindow::showCaseRow);

    // The canvas with the bar that reports image files that moved or changed on disk.
    auto *centre = new QWidget(splitter);
    auto *centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    centreLayout->setSpacing(0);
    m_warning = new ImageWarningBar(centre);
    centreLayout->addWidget(m_warning);
    m_canvas = new CaseCanvas(centre);
    m_canvas->setObjectName(QStringLiteral("canvas"));
    centreLayout->addWidget(m_canvas, 1);

    auto *side = new QSplitter(Qt::Vertical, splitter);
    m_query = new QueryPanel(side);
    m_answer = new AnswerPanel(side);
    m_history = new HistoryPanel(side);
    side->setStretchFactor(0, 1);
    side->setStretchFactor(1, 1);
    side->setStretchFactor(2, 1);
    side->setMinimumWidth(300);

    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setStretchFactor(2, 0);
    splitter->setSizes({170, 730, 380});
    setCentralWidget(splitter);

    m_caseLabel = new QLabel(this);
    m_backendLabel = new QLabel(this);
    statusBar()->addWidget(m_caseLabel, 1);
    statusBar()->addPermanentWidget(m_backendLabel);
}

void MainWindow::buildActions()
{
    auto *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("New pro&ject..."), this, &MainWindow::newProject);
    file->addAction(tr("&Open project..."), QKeySequence::Open, this, &MainWindow::openProject);
    file->addAction(tr("Open image &folder..."), this, &MainWindow::openFolder);
    file->addAction(tr("Open &demo"), this, &MainWindow::openDemo);
    file->addAction(tr("&Export..."), this, &MainWindow::showExport);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::closeAllWindows);

    auto *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_controller->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_controller->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcuts(
            {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    edit->addMenu(m_canvas->moveMenu());
    edit->addSeparator();
    edit->addAction(tr("&Settings..."), this, &MainWindow::showSettings);

    m_composition = new CompositionActions(
            m_controller, {m_caseList, m_canvas, m_query, m_history, m_warning}, this);
    m_composition->addToMenus(file, edit);
    connect(m_composition, &CompositionActions::errorOccurred, this, &MainWindow::showError);
    connect(m_composition, &CompositionActions::rerunRequested, this, &MainWindow::runQuery);

    m_research = new ResearchWindows(m_controller, this);
    m_research->addMenu(menuBar());

    auto *toolbar = addToolBar(tr("Canvas"));
    toolbar->setObjectName(QStringLiteral("canvasToolbar"));
    toolbar->setMovable(false);
    auto canvasAction = [this, toolbar](const QString &text, const QKeySequence &key, auto slot) {
        QAction *action = toolbar->addAction(text);
        action->setShortcut(key);
        // Single-letter keys belong to the canvas so that typing a query is not hijacked.
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_canvas->addAction(action);
        m_caseList->addAction(action);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    canvasAction(tr("Fit"), QKeySequence(Qt::Key_F), [this] { m_canvas->fitAll(); });
    canvasAction(tr("1:1"), QKeySequence(Qt::Key_1), [this] { m_canvas->actualSize(); });
    canvasAction(tr("Zoom in"), QKeySequence(Qt::Key_Plus), [this] { m_canvas->zoomBy(1.25); });
    canvasAction(tr("Zoom out"), QKeySequence(Qt::Key_Minus), [this] { m_canvas->zoomBy(0.8); });
    toolbar->addSeparator();
    canvasAction(tr("New box (W)"), QKeySequence(Qt::Key_W),
                 [this] { m_canvas->caseScene()->setMode(CaseScene::Mode::CreateBox); });
    canvasAction(tr("Crop (C)"), QKeySequence(Qt::Key_C),
                 [this] { m_query->cropButton()->setChecked(true); });
    canvasAction(tr("Accept"), QKeySequence(), [this] {
        m_controller->reviewBox(m_canvas->caseScene()->selectedAnnotation(),
                                annotate::ReviewState::Accepted);
    });
    canvasAction(tr("Reject"), QKeySequence(Qt::Key_R), [this] {
        m_controller->reviewBox(m_canvas->caseScene()->selectedAnnotation(),
                                annotate::ReviewState::Rejected);
    });
    toolbar->addSeparator();
    toolbar->addAction(undo);
    toolbar->addAction(redo);
    toolbar->addSeparator();
    canvasAction(tr("Previous case"), QKeySequence(Qt::Key_A), &MainWindow::previousCase)
            ->setShortcuts({QKeySequence(Qt::Key_A), QKeySequence(Qt::Key_PageUp)});
    canvasAction(tr("Next case"), QKeySequence(Qt::Key_D), &MainWindow::nextCase)
            ->setShortcuts({QKeySequence(Qt::Key_D), QKeySequence(Qt::Key_PageDown)});

    auto *run = new QAction(tr("Run query"), this);
    run->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    connect(run, &QAction::triggered, this, &MainWindow::runQuery);
    addAction(run);
}

void MainWindow::connectController()
{
    CaseScene *scene = m_canvas->caseScene();
    CaseSession *session = m_controller->session();
    connect(session, &CaseSession::caseLoaded, this, [this, scene, session] {
        scene->setImages(session->images());
        scene->setGroundTruth(session->caseInfo().groundTruthImage,
                              session->caseInfo().groundTruth);
        m_canvas->fitAll();
    });
    connect(session, &CaseSession::annotationsChanged, scene, &CaseScene::setAnnotations);
    connect(m_controller, &WorkbenchController::errorOccurred, this, &MainWindow::showError);
    connect(m_controller, &WorkbenchController::projectOpened, this, [this] {
        m_queryDrafts.clear(); // case ids are the project's own
        m_queryCase = 0;
    });
    connect(m_controller, &WorkbenchController::caseShown, this, [this](int row) {
        m_answer->clear(); // a new case; a reorder of this one keeps its answer
        // The shown case becomes the selection (a multi-selection made it, or was before it).
        m_caseList->selectionModel()->setCurrentIndex(m_controller->cases()->index(row),
                                                      QItemSelectionModel::ClearAndSelect);
        // The query box follows the case: its unsent draft when the user typed one and went
        // elsewhere, else its question (empty for a new case: never the previous case's text). A
        // reorder of the same case keeps what is typed.
        const auto &info = m_controller->session()->caseInfo();
        if (info.id != m_queryCase) {
            if (m_queryCase != 0)
                m_queryDrafts.insert(m_queryCase, m_query->query());
            m_query->setQuery(m_queryDrafts.value(info.id, info.question));
            m_queryCase = info.id;
        }
        updateStatus();
    });
    connect(m_controller, &WorkbenchController::referencesChanged, this, [this, scene] {
        QList<QueryPanel::Chip> chips;
        QList<CaseScene::Reference> overlays;
        const auto &refs = m_controller->references();
        for (int i = 0; i < refs.size(); ++i) {
            chips.append({m_controller->referenceName(i), refs[i].crop});
            overlays.append({refs[i].sourceImage, refs[i].box, m_controller->referenceName(i)});
        }
        m_query->setChips(chips);
        scene->setReferences(overlays);
    });

    connect(scene, &CaseScene::cropDrawn, this, [this](int image, const annotate::NormBox &box) {
        m_controller->addReference(image, box);
        m_query->cropButton()->setChecked(false);
    });
    connect(scene, &CaseScene::boxDrawn, m_controller, &WorkbenchController::createBox);
    connect(scene, &CaseScene::boxEdited, m_controller, &WorkbenchController::editBox);
    connect(scene, &CaseScene::modeChanged, this, [this](CaseScene::Mode mode) {
        const QSignalBlocker block(m_query->cropButton());
        m_query->cropButton()->setChecked(mode == CaseScene::Mode::Crop);
    });
    connect(m_canvas, &CaseCanvas::deleteRequested, m_controller, &WorkbenchController::deleteBox);
    connect(m_canvas, &CaseCanvas::acceptRequested, this,
            [this](qint64 id) { m_controller->reviewBox(id, annotate::ReviewState::Accepted); });
    connect(m_query, &QueryPanel::cropToolToggled, this, [scene](bool on) {
        scene->setMode(on ? CaseScene::Mode::Crop : CaseScene::Mode::Select);
    });
    connect(m_query, &QueryPanel::chipRemoved, m_controller, &WorkbenchController::removeReference);
    connect(m_query, &QueryPanel::runRequested, this, &MainWindow::runQuery);
    connect(m_query, &QueryPanel::cancelRequested, m_controller, &WorkbenchController::cancel);
    connect(m_query, &QueryPanel::showPromptRequested, this, [this] {
        QDialog dialog(this);
        dialog.setWindowTitle(tr("Prompt sent to the model"));
        auto *layout = new QVBoxLayout(&dialog);
        auto *text = new QPlainTextEdit(m_controller->renderedPrompt(m_query->query()), &dialog);
        text->setReadOnly(true);
        layout->addWidget(text);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
        connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
        layout->addWidget(buttons);
        dialog.resize(640, 360);
        dialog.exec();
    });

    InferenceWorker *worker = m_controller->inference()->worker();
    // The estimate under the query, the confirmation before long runs and the progress bar
    // (loading included: the worker reports each tensor as progress too).
    m_estimates = new RunEstimateActions(m_controller, m_query, this);
    connect(m_estimates, &RunEstimateActions::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 15000); });
    connect(m_estimates, &RunEstimateActions::remoteRunRequested, this,
            [this](const QString &query) {
                QString error;
                if (!m_controller->runOnRemote(query, &error))
                    showError(error);
            });
    connect(worker, &InferenceWorker::stageChanged, this,
            [this](quint64, const QString &stage) { m_answer->setStage(stage); });
    connect(worker, &InferenceWorker::textStreamed, this,
            [this](quint64, qint64, const QString &text) { m_answer->setStreamedText(text); });
    connect(m_controller, &WorkbenchController::runStarted, this, [this] {
        m_answer->clear();
        m_answer->setStage(tr("Queued"));
        m_query->setBusy(true);
    });
    connect(m_controller, &WorkbenchController::answerReady, this, &MainWindow::onAnswer);
    connect(m_controller, &WorkbenchController::runFailed, this, [this](const QString &message) {
        m_query->setBusy(false);
        m_answer->showError(message);
    });
    connect(m_answer, &AnswerPanel::chooseModelRequested, this, &MainWindow::chooseModelFolder);
}

void MainWindow::showCaseRow(int row)
{
    if (row == m_controller->currentRow())
        return;
    QString error;
    if (!m_controller->showCase(row, &error))
        showError(error);
}

void MainWindow::nextCase()
{
    showCaseRow(std::min(m_controller->currentRow() + 1, m_controller->cases()->rowCount() - 1));
}

void MainWindow::previousCase()
{
    showCaseRow(std::max(m_controller->currentRow() - 1, 0));
}

void MainWindow::runQuery()
{
    // A run over the time threshold or the free memory asks first (a running query reports
    // itself below).
    if (!m_controller->isRunning() && !m_estimates->confirmRun(m_query->query()))
        return;
    QString error;
    if (!m_controller->run(m_query->query(), &error))
        showError(error);
}

void MainWindow::onAnswer(const InferenceResult &result)
{
    m_query->setBusy(false);
    m_answer->showAnswer(result.backend, result.text, int(result.boxes.size()), result.latencyMs,
                         result.cancelled, result.needsWeights);
    updateStatus();
}

void MainWindow::openProject()
{
    const QString file
            = QFileDialog::getOpenFileName(this, tr("Open project"), QString(),
                                           tr("Migician projects (*.migician);;All files (*)"));
    QString error;
    if (!file.isEmpty() && !m_controller->openProject(file, &error))
        showError(error);
}

void MainWindow::openFolder()
{
    OpenFolderDialog dialog(m_controller->folder(), this);
    if (dialog.exec() != QDialog::Accepted || dialog.folder().isEmpty())
        return;
    QString error;
    if (!m_controller->openFolder(dialog.folder(), &error, dialog.rule()))
        showError(error);
}

void MainWindow::newProject()
{
    // A project file whose folder is its images root: drop or paste images to compose cases;
    // the folder can be moved or shared with the images below it.
    QString file = QFileDialog::getSaveFileName(this, tr("New project"), QString(),
                                                tr("Migician projects (*.migician)"));
    if (file.isEmpty())
        return;
    if (!file.endsWith(QLatin1String(".migician")))
        file += QStringLiteral(".migician");
    auto created = annotate::ProjectStore::open(file, annotate::ProjectStore::OpenMode::CreateNew);
    if (!created) {
        showError(created.error());
        return;
    }
    created.value().reset();
    QString error;
    if (!m_controller->openProject(file, &error))
        showError(error);
}

void MainWindow::openDemo()
{
    QString error;
    if (!m_controller->openDemo(&error))
        showError(error);
    else
        m_query->setQuery(DemoProject::query());
}

void MainWindow::showSettings()
{
    SettingsDialog dialog(m_controller->settings(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const AppSettings settings = dialog.settings();
    settings.save();
    m_controller->setSettings(settings);
    updateStatus();
    m_estimates->refreshSoon();
}

void MainWindow::showExport()
{
    if (!m_controller->store()) {
        showError(tr("Open a project first."));
        return;
    }
    ExportDialog dialog(m_controller->store(), this);
    dialog.exec();
}

void MainWindow::chooseModelFolder()
{
    const QString folder
            = QFileDialog::getExistingDirectory(this, tr("Choose the Migician checkpoint folder"),
                                                m_controller->settings().engine.modelDir);
    if (folder.isEmpty())
        return;
    const auto problems = model::checkCheckpointFolder(folder.toStdString());
    if (!problems.empty()) {
        QStringList lines;
        for (const auto &p : problems)
            lines << QString::fromStdString(p);
        showError(tr("%1 is not a usable Migician checkpoint:\n%2")
                          .arg(folder, lines.join(QLatin1Char('\n'))));
        return;
    }
    AppSettings settings = m_controller->settings();
    settings.engine.modelDir = folder;
    settings.engine.backend = BackendKind::Local; // the user just chose a checkpoint to run
    settings.save();
    m_controller->setSettings(settings);
    updateStatus();
    m_estimates->refreshSoon();
}

void MainWindow::updateStatus()
{
    const EngineSettings &engine = m_controller->settings().engine;
    // A local run that would take too long is offered the remote endpoint, when there is one.
    m_estimates->setRemoteEndpoint(engine.remote.url.trimmed());
    switch (engine.effectiveBackend()) {
    case BackendKind::Assistant:
        m_backendLabel->setText(
                engine.backend == BackendKind::Assistant
                        ? tr("Backend: built-in assistant (OpenCV)")
                        : tr("Backend: built-in assistant (OpenCV) | no Migician checkpoint"));
        break;
    case BackendKind::Remote:
        m_backendLabel->setText(
                tr("Backend: remote endpoint %1 | model %2")
                        .arg(engine.remote.url, engine.remote.servedModel.isEmpty()
                                                        ? tr("(the server's first)")
                                                        : engine.remote.servedModel));
        break;
    case BackendKind::Local:
        m_backendLabel->setText(tr("Backend: Migician | device %1 | %2 | model %3")
                                        .arg(engine.device,
                                             engine.dtype == QLatin1String("auto")
                                                     ? SettingsDialog::autoPrecisionLabel(
                                                             engine.modelDir, engine.device)
                                                     : engine.dtype,
                                             engine.modelDir));
        break;
    }
    const int row = m_controller->currentRow();
    const int rows = m_controller->cases()->rowCount();
    m_caseLabel->setText(row < 0 ? tr("No case open")
                                 : tr("Case %1 of %2 | %n image(s)", nullptr,
                                      int(m_controller->session()->images().size()))
                                           .arg(row + 1)
                                           .arg(rows));
}

void MainWindow::showError(const QString &message)
{
    statusBar()->showMessage(message, 15000);
    if (isVisible() && QApplication::platformName() != QLatin1String("offscreen"))
        QMessageBox::warning(this, tr("Migician Workbench"), message);
}

bool MainWindow::saveScreenshot(const QString &path, QString *error)
{
    QApplication::processEvents();
    m_canvas->fitAll();
    QApplication::processEvents();
    const QPixmap pixmap = grab();
    if (pixmap.isNull() || !pixmap.save(path, "PNG")) {
        *error = tr("cannot write the screenshot to %1").arg(path);
        return false;
    }
    return true;
}

} // namespace migician::ui
