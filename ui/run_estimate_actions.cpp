#include "run_estimate_actions.h"

#include "ui/case_session.h"
#include "ui/query_panel.h"
#include "ui/run_calibration.h"
#include "ui/run_confirm_dialog.h"
#include "ui/workbench_controller.h"

#include <QPainter>
#include <QPlainTextEdit>
#include <QTimer>
#include <QToolButton>

namespace migician::ui {

namespace {

// Request ids of calibration runs live far above the controller's (which count from 1), so its
// handlers ignore them.
constexpr quint64 kCalibrationIds = quint64(1) << 62;

// A photo-like test card for the calibration run: the vision tower and the prefill see a real
// image of a typical size; the answer is not used.
QImage calibrationImage()
{
    QImage image(448, 336, QImage::Format_RGB888);
    image.fill(QColor(120, 150, 180));
    QPainter painter(&image);
    painter.fillRect(40, 60, 160, 120, QColor(200, 40, 40));
    painter.setBrush(QColor(30, 160, 60));
    painter.drawEllipse(QPoint(320, 200), 70, 50);
    return image;
}

} // namespace

RunEstimateActions::RunEstimateActions(WorkbenchController *controller, QueryPanel *query,
                                       QWidget *window)
    : QObject(window)
    , m_controller(controller)
    , m_query(query)
    , m_window(window)
    , m_service(new RunEstimateService(this))
    , m_debounce(new QTimer(this))
{
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250);
    connect(m_debounce, &QTimer::timeout, this, &RunEstimateActions::refresh);
    connect(m_query->editor(), &QPlainTextEdit::textChanged, this,
            &RunEstimateActions::refreshSoon);
    connect(m_controller, &WorkbenchController::referencesChanged, this,
            &RunEstimateActions::refreshSoon);
    connect(m_controller, &WorkbenchController::caseShown, this, &RunEstimateActions::refreshSoon);
    connect(m_controller->session(), &CaseSession::caseLoaded, this,
            &RunEstimateActions::refreshSoon);
    connect(m_controller->session(), &CaseSession::layoutChanged, this,
            &RunEstimateActions::refreshSoon);
    connect(m_query, &QueryPanel::measureSpeedRequested, this, &RunEstimateActions::measureSpeed);
    connect(m_service, &RunEstimateService::estimatorReady, this, &RunEstimateActions::refresh);

    InferenceWorker *worker = m_controller->inference()->worker();
    connect(worker, &InferenceWorker::progressed, this, &RunEstimateActions::onProgress);
    connect(worker, &InferenceWorker::finished, this, &RunEstimateActions::onFinished);
    connect(worker, &InferenceWorker::failed, this, [this](quint64 id, const QString &error) {
        if (id != m_calibrationId)
            return;
        m_calibrationId = 0;
        m_query->setBusy(false);
        Q_EMIT message(tr("Speed measurement failed: %1").arg(error));
    });
    connect(m_controller, &WorkbenchController::runStarted, this, [this] { m_progress.start(); });
    connect(m_controller, &WorkbenchController::answerReady, this,
            &RunEstimateActions::refreshSoon);
}

void RunEstimateActions::refreshSoon()
{
    m_debounce->start();
}

QList<QSize> RunEstimateActions::inputSizes() const
{
    QList<QSize> sizes;
    for (const QImage &image : m_controller->session()->images())
        sizes << image.size();
    for (const auto &reference : m_controller->references())
        sizes << reference.crop.size();
    return sizes;
}

std::optional<RunEstimateResult> RunEstimateActions::currentEstimate(QString *error)
{
    QString ignored;
    return m_service->estimate(m_controller->settings().engine, inputSizes(), m_query->query(),
                               error ? error : &ignored, true);
}

void RunEstimateActions::refresh()
{
    QString error;
    // Not waiting for the checkpoint's files: estimatorReady() calls this again.
    const auto result = m_service->estimate(m_controller->settings().engine, inputSizes(),
                                            m_query->query(), &error);
    if (!result) {
        // No checkpoint: nothing to estimate (the assistant answers at once); a broken one is
        // said here before Run says it again.
        const EngineSettings &engine = m_controller->settings().engine;
        const bool local = engine.effectiveBackend() == BackendKind::Local;
        const bool reading = local && m_service->isReading();
        m_query->setEstimate(local ? tr("No estimate: %1").arg(error) : QString(), QString(),
                             !reading);
        m_query->measureSpeedButton()->setVisible(false);
        return;
    }
    const double threshold = EstimateSettings::load().confirmAboveSeconds;
    const bool warn = !result->fits() || result->estimate.time.totalSeconds() > threshold;
    m_query->setEstimate(RunEstimateService::summary(*result), RunEstimateService::details(*result),
                         warn);
}

bool RunEstimateActions::confirmRun(const QString &query)
{
    QString error;
    const auto result
            = m_service->estimate(m_controller->settings().engine, inputSizes(), query, &error);
    if (!result)
        return true; // the assistant, or a folder the run itself will report
    EstimateSettings settings = EstimateSettings::load();
    if (result->fits() && result->estimate.time.totalSeconds() <= settings.confirmAboveSeconds)
        return true;

    RunConfirmDialog::Offer offer;
    offer.estimate = *result;
    offer.thresholdSeconds = settings.confirmAboveSeconds;
    offer.remoteEndpoint = m_remoteEndpoint;
    const EngineSettings engine = m_controller->settings().engine;
    offer.lowerMaxPixels
            = m_service->lowerPixelLimit(engine, inputSizes(), query, settings.confirmAboveSeconds);
    if (offer.lowerMaxPixels) {
        EngineSettings lower = engine;
        lower.maxPixels = *offer.lowerMaxPixels;
        offer.lowerEstimate = m_service->estimate(lower, inputSizes(), query, &error);
    }
    RunConfirmDialog dialog(offer, m_window);
    const int answer = dialog.exec();
    if (dialog.thresholdSeconds() != settings.confirmAboveSeconds) {
        settings.confirmAboveSeconds = dialog.thresholdSeconds();
        settings.save();
    }
    if (answer != QDialog::Accepted)
        return false;
    switch (dialog.choice()) {
    case RunConfirmDialog::Choice::LowerPixels: {
        AppSettings app = m_controller->settings();
        app.engine.maxPixels = *offer.lowerMaxPixels;
        app.save();
        m_controller->setSettings(app);
        refreshSoon();
        return true;
    }
    case RunConfirmDialog::Choice::UseRemote:
        Q_EMIT remoteRunRequested(query);
        return false;
    case RunConfirmDialog::Choice::RunAnyway:
        return true;
    case RunConfirmDialog::Choice::Cancel:
        break;
    }
    return false;
}

void RunEstimateActions::measureSpeed()
{
    const EngineSettings engine = m_controller->settings().engine;
    if (engine.effectiveBackend() != BackendKind::Local || m_controller->isRunning())
        return;
    InferenceRequest request;
    request.id = kCalibrationIds + ++m_calibrations;
    request.caseImages = {calibrationImage()};
    request.query = QStringLiteral("Where is the red rectangle in the image?");
    request.engine = engine;
    request.engine.maxNewTokens = std::min(engine.maxNewTokens, 8);
    if (!m_controller->inference()->submit(request))
        return;
    m_calibrationId = request.id;
    m_progress.start();
    m_query->setBusy(true);
    Q_EMIT message(tr("Measuring this machine's speed with a short query..."));
}

void RunEstimateActions::onProgress(quint64, const QString &stage, int done, int total)
{
    bool repaint = true;
    const RunProgress::View view = m_progress.update(stage, done, total, &repaint);
    if (repaint)
        m_query->setRunProgress(view.done, view.total, view.text);
}

void RunEstimateActions::onFinished(const InferenceResult &result)
{
    if (m_calibrationId != 0 && result.id == m_calibrationId) {
        m_calibrationId = 0;
        m_query->setBusy(false);
        refresh();
        Q_EMIT message(result.cancelled ? tr("Speed measurement cancelled.")
                                        : tr("Speed measured: estimates now use it."));
        Q_EMIT speedMeasured();
    }
}

} // namespace migician::ui
