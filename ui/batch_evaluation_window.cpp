#include "ui/batch_evaluation_window.h"

#include "annotate/migbench_file.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMap>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace migician::ui {

namespace {

enum Backend { Migician, Assistant, Remote };

QString duration(double seconds)
{
    const qint64 s = qint64(seconds + 0.5);
    if (s >= 3600)
        return QStringLiteral("%1:%2:%3")
                .arg(s / 3600)
                .arg(s / 60 % 60, 2, 10, QLatin1Char('0'))
                .arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

BatchEvaluationWindow::BatchEvaluationWindow(QWidget *parent)
    : QWidget(parent)
    , m_thread(new BatchEvaluationThread(this))
    , m_project(new QLabel(this))
    , m_bench(new QLineEdit(this))
    , m_imagesRoot(new QLineEdit(this))
    , m_backend(new QComboBox(this))
    , m_device(new QComboBox(this))
    , m_dtype(new QComboBox(this))
    , m_endpoints(new QLineEdit(this))
    , m_concurrency(new QSpinBox(this))
    , m_protocol(new QLabel(this))
    , m_tasks(new QListWidget(this))
    , m_limit(new QSpinBox(this))
    , m_seeded(new QCheckBox(tr("Seeded random sample"), this))
    , m_seed(new QSpinBox(this))
    , m_results(new QLineEdit(this))
    , m_progress(new QProgressBar(this))
    , m_eta(new QLabel(this))
    , m_error(new QLabel(this))
    , m_log(new QPlainTextEdit(this))
    , m_start(new QPushButton(tr("&Start"), this))
    , m_pause(new QPushButton(tr("&Pause"), this))
    , m_cancel(new QPushButton(tr("&Cancel"), this))
    , m_dashboard(new QPushButton(tr("Open in &dashboard"), this))
{
    setWindowTitle(tr("Batch evaluation"));
    m_project->setWordWrap(true);
    m_bench->setPlaceholderText(tr("MIG-Bench JSON file"));
    m_imagesRoot->setPlaceholderText(tr("Folder the bench's image paths are relative to"));
    m_limit->setRange(0, 1000000);
    m_limit->setSpecialValueText(tr("all cases"));
    m_limit->setMinimumWidth(130); // room for the translated "all cases"
    m_seed->setRange(0, 1000000000);
    m_seed->setValue(42);
    m_seed->setEnabled(false);
    m_tasks->setMaximumHeight(150);
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(2000);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    m_progress->setFormat(tr("%v of %m cases"));
    m_device->addItem(tr("CPU"), QStringLiteral("cpu"));
    m_device->addItem(tr("GPU (CUDA)"), QStringLiteral("cuda"));
    m_dtype->addItem(tr("Automatic (the checkpoint's dtype)"), QStringLiteral("auto"));
    m_dtype->addItem(QStringLiteral("bfloat16"), QStringLiteral("bfloat16"));
    m_dtype->addItem(QStringLiteral("float32"), QStringLiteral("float32"));
    m_dtype->addItem(QStringLiteral("float16 (CUDA)"), QStringLiteral("float16"));
    m_protocol->setWordWrap(true);
    m_protocol->setText(
            tr("Official MIG-Bench protocol: every image, then the question with the format "
               "suffix; the checkpoint's generation settings; at most 128 new tokens; images at "
               "their native size (within the qwen-vl-utils limits)."));

    auto fileRow = [this](QLineEdit *edit, void (BatchEvaluationWindow::*choose)()) {
        auto *row = new QHBoxLayout;
        row->addWidget(edit, 1);
        auto *browse = new QToolButton(this);
        browse->setText(tr("Browse..."));
        m_browseButtons << browse;
        connect(browse, &QToolButton::clicked, this, choose);
        row->addWidget(browse);
        return row;
    };
    auto *form = new QFormLayout;
    form->addRow(tr("Project:"), m_project);
    form->addRow(tr("Bench file:"), fileRow(m_bench, &BatchEvaluationWindow::chooseBench));
    form->addRow(tr("Images root:"),
                 fileRow(m_imagesRoot, &BatchEvaluationWindow::chooseImagesRoot));
    form->addRow(tr("Backend:"), m_backend);
    auto *engineRow = new QHBoxLayout;
    engineRow->addWidget(m_device);
    engineRow->addWidget(new QLabel(tr("Precision:"), this));
    engineRow->addWidget(m_dtype);
    engineRow->addStretch(1);
    form->addRow(tr("Device:"), engineRow);
    // Remote: the cases are spread over every endpoint, with this many requests in flight on each
    // (vLLM and SGLang batch concurrent requests on the GPU).
    m_endpoints->setObjectName(QStringLiteral("evaluationEndpoints"));
    m_endpoints->setPlaceholderText(tr("http://gpu1:8000 http://gpu2:8000"));
    m_endpoints->setToolTip(tr("Servers of the same model, separated by spaces; a case that fails "
                               "on one is tried on another."));
    m_concurrency->setObjectName(QStringLiteral("evaluationConcurrency"));
    m_concurrency->setRange(1, 256);
    auto *endpointRow = new QHBoxLayout;
    endpointRow->addWidget(m_endpoints, 1);
    endpointRow->addWidget(new QLabel(tr("Requests in flight per endpoint:"), this));
    endpointRow->addWidget(m_concurrency);
    form->addRow(tr("Endpoints:"), endpointRow);
    form->addRow(tr("Protocol:"), m_protocol);
    form->addRow(tr("Tasks:"), m_tasks);
    auto *limitRow = new QHBoxLayout;
    limitRow->addWidget(m_limit);
    limitRow->addWidget(m_seeded);
    limitRow->addWidget(new QLabel(tr("seed"), this));
    limitRow->addWidget(m_seed);
    limitRow->addStretch(1);
    form->addRow(tr("Limit:"), limitRow);
    form->addRow(tr("Results file:"), fileRow(m_results, &BatchEvaluationWindow::chooseResults));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_pause);
    buttons->addWidget(m_cancel);
    buttons->addStretch(1);
    buttons->addWidget(m_dashboard);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_eta);
    layout->addWidget(m_error);
    layout->addWidget(m_log, 1);
    layout->addLayout(buttons);

    connect(m_seeded, &QCheckBox::toggled, m_seed, &QSpinBox::setEnabled);
    connect(m_backend, &QComboBox::currentIndexChanged, this, [this] { setState(m_state); });
    connect(m_bench, &QLineEdit::editingFinished, this, [this] {
        // Leaving the field also "finishes" it: keep the task choice unless the file changed.
        if (m_bench->text() != m_loadedBench)
            setBenchFile(m_bench->text());
    });
    connect(m_results, &QLineEdit::textEdited, this, [this] { m_resultsChosen = true; });
    connect(m_start, &QPushButton::clicked, this, &BatchEvaluationWindow::start);
    connect(m_pause, &QPushButton::clicked, this, &BatchEvaluationWindow::togglePause);
    connect(m_cancel, &QPushButton::clicked, this, &BatchEvaluationWindow::cancel);
    connect(m_dashboard, &QPushButton::clicked, this,
            [this] { Q_EMIT dashboardRequested(resultsFile(), m_bench->text()); });

    BatchEvaluationWorker *worker = m_thread->worker();
    connect(worker, &BatchEvaluationWorker::started, this, [this](int total, int alreadyDone) {
        m_progress->setRange(0, total);
        m_progress->setValue(alreadyDone);
        log(tr("%1 cases selected, %2 already in the project, %3 to run")
                    .arg(total)
                    .arg(alreadyDone)
                    .arg(total - alreadyDone));
    });
    connect(worker, &BatchEvaluationWorker::prepared, this,
            [this](const QString &protocol) { log(tr("Backend ready (%1).").arg(protocol)); });
    connect(worker, &BatchEvaluationWorker::progress, this, &BatchEvaluationWindow::onProgress);
    connect(worker, &BatchEvaluationWorker::note, this, [this](const QString &line) { log(line); });
    connect(worker, &BatchEvaluationWorker::caseFailed, this,
            [this](int caseIndex, const QString &reason) {
                log(tr("case %1 failed (not scored; retried when the run is started again): %2")
                            .arg(caseIndex)
                            .arg(reason));
            });
    connect(worker, &BatchEvaluationWorker::paused, this, [this](int done, int total) {
        log(tr("Paused after %1 of %2 cases.").arg(done).arg(total));
        m_eta->setText(tr("Paused"));
        setState(State::Paused);
    });
    connect(worker, &BatchEvaluationWorker::cancelled, this, [this](int done, int total) {
        log(tr("Cancelled after %1 of %2 cases; start again to resume.").arg(done).arg(total));
        m_eta->setText(tr("Cancelled"));
        setState(State::Idle);
    });
    connect(worker, &BatchEvaluationWorker::finished, this,
            [this](const QString &file, int predictions, int failedCases, double seconds) {
                log(tr("Finished: %1 predictions in %2; results in %3")
                            .arg(predictions)
                            .arg(duration(seconds), file));
                if (failedCases > 0)
                    log(tr("%n case(s) failed and are not scored; start the run again to retry "
                           "them.",
                           nullptr, failedCases));
                m_eta->setText(failedCases > 0
                                       ? tr("Finished, %n case(s) failed", nullptr, failedCases)
                                       : tr("Finished"));
                setState(State::Finished);
                Q_EMIT projectChanged(m_projectFile);
            });
    connect(worker, &BatchEvaluationWorker::failed, this, [this](const QString &message) {
        showError(message);
        setState(State::Idle);
    });

    setProjectFile(QString());
    setEngineSettings(EngineSettings());
    setState(State::Idle);
    resize(720, 640);
}

BatchEvaluationWindow::~BatchEvaluationWindow() = default;

QString BatchEvaluationWindow::errorText() const
{
    return m_error->text();
}

void BatchEvaluationWindow::setProjectFile(const QString &file)
{
    m_projectFile = file;
    m_project->setText(file.isEmpty() ? tr("No project open: open or create one first.")
                                      : QDir::toNativeSeparators(file));
    setState(m_state);
}

void BatchEvaluationWindow::setEngineSettings(const EngineSettings &engine)
{
    m_engine = engine;
    m_backend->clear();
    if (!engine.modelDir.isEmpty())
        m_backend->addItem(tr("Migician (%1)").arg(engine.modelDir), Migician);
    if (!engine.remote.allUrls().isEmpty())
        m_backend->addItem(tr("Remote endpoints"), Remote);
    m_backend->addItem(tr("Built-in assistant (OpenCV)"), Assistant);
    m_backend->setCurrentIndex(std::max(
            0, m_backend->findData(engine.effectiveBackend() == BackendKind::Remote ? Remote
                                                                                    : Migician)));
    m_endpoints->setText(engine.remote.allUrls().join(QLatin1Char(' ')));
    m_concurrency->setValue(engine.remote.concurrency);
    m_device->setCurrentIndex(std::max(0, m_device->findData(engine.device)));
    m_dtype->setCurrentIndex(std::max(0, m_dtype->findData(engine.dtype)));
    setState(m_state);
}

void BatchEvaluationWindow::setSharedEngine(std::shared_ptr<model::SharedEngine> engines)
{
    m_engines = std::move(engines);
}

bool BatchEvaluationWindow::setBenchFile(const QString &file)
{
    if (file.isEmpty())
        return false;
    m_bench->setText(file);
    m_loadedBench = file;
    m_tasks->clear();
    const auto bench = annotate::readMigBench(file);
    if (!bench) {
        showError(bench.error());
        return false;
    }
    m_error->clear();
    QMap<QString, int> perTask;
    for (const annotate::BenchCase &c : bench->cases)
        ++perTask[c.task];
    for (auto it = perTask.begin(); it != perTask.end(); ++it) {
        auto *item
                = new QListWidgetItem(tr("%1 (%2 cases)").arg(it.key()).arg(it.value()), m_tasks);
        item->setData(Qt::UserRole, it.key());
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
    if (m_imagesRoot->text().isEmpty())
        m_imagesRoot->setText(QFileInfo(file).absolutePath());
    if (!m_resultsChosen) {
        const QString folder = m_projectFile.isEmpty() ? QFileInfo(file).absolutePath()
                                                       : QFileInfo(m_projectFile).absolutePath();
        m_results->setText(folder + QLatin1Char('/') + QFileInfo(file).completeBaseName()
                           + QStringLiteral("-results.json"));
    }
    return true;
}

void BatchEvaluationWindow::setImagesRoot(const QString &folder)
{
    m_imagesRoot->setText(folder);
}

void BatchEvaluationWindow::setResultsFile(const QString &file)
{
    m_results->setText(file);
    m_resultsChosen = true;
}

QString BatchEvaluationWindow::resultsFile() const
{
    return m_results->text();
}

BatchEvaluationRequest BatchEvaluationWindow::request() const
{
    BatchEvaluationRequest r;
    r.benchFile = m_bench->text();
    r.imagesRoot = m_imagesRoot->text();
    r.projectFile = m_projectFile;
    r.resultsFile = m_results->text();
    if (m_backend->currentData().toInt() == Migician) {
        r.modelDir = m_engine.modelDir;
        r.device = m_device->currentData().toString();
        r.dtype = m_dtype->currentData().toString();
        r.engines = m_engines;
    } else if (m_backend->currentData().toInt() == Remote) {
        r.backend = BackendKind::Remote;
        r.remote = m_engine.remote;
        const QStringList urls = m_endpoints->text().split(
                QRegularExpression(QStringLiteral("[\\s,]+")), Qt::SkipEmptyParts);
        r.remote.url = urls.value(0);
        r.remote.moreUrls = urls.mid(1);
        r.remote.concurrency = m_concurrency->value();
        r.modelDir = m_engine.modelDir; // its generation_config.json, when there is one
    }
    bool all = true;
    for (int i = 0; i < m_tasks->count(); ++i) {
        if (m_tasks->item(i)->checkState() == Qt::Checked)
            r.tasks << m_tasks->item(i)->data(Qt::UserRole).toString();
        else
            all = false;
    }
    if (all)
        r.tasks.clear(); // every task: the same evaluation whatever the bench's task list
    r.limit = m_limit->value();
    r.seeded = m_seeded->isChecked();
    r.seed = quint64(m_seed->value());
    return r;
}

void BatchEvaluationWindow::start()
{
    if (m_state == State::Running || m_state == State::Pausing)
        return;
    m_error->clear();
    const BatchEvaluationRequest r = request();
    if (r.projectFile.isEmpty())
        return showError(tr("Open a project first: the predictions are stored in it."));
    if (r.benchFile.isEmpty() || r.imagesRoot.isEmpty() || r.resultsFile.isEmpty())
        return showError(tr("Choose a bench file, its images root and a results file."));
    bool anyTask = m_tasks->count() == 0;
    for (int i = 0; i < m_tasks->count(); ++i)
        anyTask = anyTask || m_tasks->item(i)->checkState() == Qt::Checked;
    if (!anyTask)
        return showError(tr("Choose at least one task."));
    log(tr("Starting %1 on %2").arg(m_backend->currentText(), r.benchFile));
    m_eta->setText(tr("Preparing (loading the backend and the project)..."));
    setState(State::Running);
    m_thread->start(r);
}

void BatchEvaluationWindow::togglePause()
{
    if (m_state == State::Running) {
        m_thread->pause();
        m_eta->setText(tr("Pausing after the current case..."));
        setState(State::Pausing);
    } else if (m_state == State::Paused) {
        log(tr("Resuming."));
        setState(State::Running);
        m_thread->resume();
    }
}

void BatchEvaluationWindow::cancel()
{
    if (m_state == State::Running || m_state == State::Pausing) {
        m_thread->cancel();
        m_eta->setText(tr("Cancelling after the current case..."));
        setState(State::Pausing);
    } else if (m_state == State::Paused) {
        log(tr("Cancelled; start again to resume where it stopped."));
        m_eta->setText(tr("Cancelled"));
        setState(State::Idle);
    }
}

void BatchEvaluationWindow::onProgress(int done, int total, double eta, int caseIndex,
                                       double seconds)
{
    m_progress->setRange(0, total);
    m_progress->setValue(done);
    if (m_state == State::Running)
        m_eta->setText(tr("ETA %1 (last case %2 s)").arg(duration(eta)).arg(seconds, 0, 'f', 2));
    log(tr("case %1 done in %2 s (%3/%4)")
                .arg(caseIndex)
                .arg(seconds, 0, 'f', 2)
                .arg(done)
                .arg(total));
}

void BatchEvaluationWindow::setState(State state)
{
    m_state = state;
    const bool busy = state == State::Running || state == State::Pausing;
    const bool configurable = !busy && state != State::Paused;
    for (QWidget *w : std::initializer_list<QWidget *>{m_bench, m_imagesRoot, m_backend, m_tasks,
                                                       m_limit, m_seeded, m_results})
        w->setEnabled(configurable);
    const bool model = m_backend->currentData().toInt() == Migician;
    m_device->setEnabled(configurable && model);
    m_dtype->setEnabled(configurable && model);
    const bool remote = m_backend->currentData().toInt() == Remote;
    m_endpoints->setEnabled(configurable && remote);
    m_concurrency->setEnabled(configurable && remote);
    m_seed->setEnabled(configurable && m_seeded->isChecked());
    for (QWidget *browse : std::as_const(m_browseButtons))
        browse->setEnabled(configurable);
    m_start->setEnabled(configurable && !m_projectFile.isEmpty());
    m_pause->setEnabled(state == State::Running || state == State::Paused);
    m_pause->setText(state == State::Paused ? tr("&Resume") : tr("&Pause"));
    m_cancel->setEnabled(busy || state == State::Paused);
    m_dashboard->setEnabled(state == State::Finished);
}

void BatchEvaluationWindow::log(const QString &line)
{
    m_log->appendPlainText(line);
}

void BatchEvaluationWindow::showError(const QString &message)
{
    m_error->setText(message);
    log(message);
}

void BatchEvaluationWindow::chooseBench()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("MIG-Bench file"), m_bench->text(),
                                                      tr("JSON files (*.json);;All files (*)"));
    if (!file.isEmpty())
        setBenchFile(file);
}

void BatchEvaluationWindow::chooseImagesRoot()
{
    const QString folder
            = QFileDialog::getExistingDirectory(this, tr("Images root"), m_imagesRoot->text());
    if (!folder.isEmpty())
        m_imagesRoot->setText(folder);
}

void BatchEvaluationWindow::chooseResults()
{
    const QString file = QFileDialog::getSaveFileName(this, tr("Results file"), m_results->text(),
                                                      tr("JSON files (*.json)"));
    if (!file.isEmpty())
        setResultsFile(file);
}

} // namespace migician::ui
