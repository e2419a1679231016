#include "inference_worker.h"

#include "model/model_error.h"
#include "model/shared_engine.h"
#include "ui/remote_error.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QMetaObject>

#include <exception>

Q_LOGGING_CATEGORY(lcInference, "migician.ui.inference")

namespace migician::ui {

InferenceWorker::InferenceWorker(std::shared_ptr<model::SharedEngine> engines)
    : m_engines(std::move(engines))
{
    qRegisterMetaType<InferenceRequest>();
    qRegisterMetaType<InferenceResult>();
}

InferenceWorker::~InferenceWorker() = default;

void InferenceWorker::run(const InferenceRequest &request)
{
    try {
        Q_EMIT finished(runBackend(request));
    } catch (const model::Cancelled &) { // while loading or waiting for the engine
        InferenceResult result;
        result.id = request.id;
        result.cancelled = true;
        Q_EMIT finished(result);
    } catch (const model::ModelError &error) {
        Q_EMIT failed(request.id, QString::fromStdString(error.what()));
    } catch (const RemoteError &error) {
        Q_EMIT failed(request.id, tr("The remote endpoint did not answer: %1")
                                          .arg(QString::fromStdString(error.what())));
    } catch (const std::bad_alloc &) {
        Q_EMIT failed(request.id, tr("Out of memory while answering the query; try smaller images "
                                     "(max pixels in the settings) or another device."));
    } catch (const std::exception &error) {
        Q_EMIT failed(request.id,
                      tr("Inference failed: %1").arg(QString::fromLocal8Bit(error.what())));
    } catch (...) {
        Q_EMIT failed(request.id, tr("Inference failed with an unknown error."));
    }
}

GroundingBackend &InferenceWorker::backendFor(const EngineSettings &settings)
{
    // Kept between requests: a remote backend remembers the served model it asked for.
    if (!m_backend || !(m_backendSettings == settings)) {
        m_backend.reset();
        m_backend = makeBackend(settings, m_engines);
        m_backendSettings = settings;
    }
    return *m_backend;
}

InferenceResult InferenceWorker::runBackend(const InferenceRequest &request)
{
    QElapsedTimer timer;
    timer.start();
    GroundingBackend &backend = backendFor(request.engine);
    const bool assistant = request.engine.effectiveBackend() == BackendKind::Assistant;
    if (assistant)
        Q_EMIT stageChanged(request.id, tr("Matching"));

    GroundingQuery query;
    query.images = request.caseImages;
    query.references = request.references;
    query.text = request.query;
    query.limits.minPixels = request.engine.minPixels;
    query.limits.maxPixels = request.engine.maxPixels;
    query.maxNewTokens = request.engine.maxNewTokens;

    GroundingCallbacks callbacks;
    callbacks.control.cancel = &m_cancel;
    callbacks.control.onProgress = [this, &request](model::Stage stage, int done, int total) {
        Q_EMIT progressed(request.id, QString::fromLatin1(model::stageName(stage)), done, total);
    };
    callbacks.onLoad = [this](double fraction, const QString &what) {
        Q_EMIT loadProgress(fraction, what);
    };
    callbacks.onWaiting = [this, &request] {
        Q_EMIT stageChanged(request.id, QStringLiteral("waiting"));
    };
    if (!assistant)
        callbacks.onStage = [this, &request](model::Stage stage) {
            Q_EMIT stageChanged(request.id, QString::fromLatin1(model::stageName(stage)));
        };
    callbacks.onText = [this, &request](qint64 token, const QString &textSoFar) {
        Q_EMIT textStreamed(request.id, token, textSoFar);
    };
    callbacks.onRetry = [this, &request](int attempt, double delay, const QString &why) {
        Q_EMIT stageChanged(
                request.id,
                tr("server busy (%1); try %2 in %3 s").arg(why).arg(attempt).arg(delay, 0, 'f', 1));
    };
    const GroundingOutcome outcome = backend.ground(query, callbacks);

    InferenceResult result;
    result.id = request.id;
    result.backend = outcome.backendLabel;
    result.text = QString::fromStdString(outcome.result.text);
    result.boxes = outcome.boxes;
    result.needsWeights = outcome.needsWeights;
    result.cancelled = outcome.result.cancelled || (assistant && m_cancel.load());
    for (const model::TokenId token : outcome.result.tokenIds)
        result.tokenIds << qint64(token);
    result.latencyMs = timer.elapsed();
    result.promptTokens = outcome.result.promptTokens;
    if (outcome.stagesKnown) {
        result.visionMs = outcome.result.timings.visionMs;
        result.prefillMs = outcome.result.timings.prefillMs;
        result.decodeMs = outcome.result.timings.decodeMs;
        result.decodeSteps = outcome.result.timings.decodeSteps;
    }
    return result;
}

InferenceThread::InferenceThread(std::shared_ptr<model::SharedEngine> engines, QObject *parent)
    : QObject(parent)
    , m_engines(engines ? std::move(engines) : std::make_shared<model::SharedEngine>())
    , m_worker(new InferenceWorker(m_engines))
{
    m_thread.setObjectName(QStringLiteral("migician-inference"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &InferenceWorker::finished, this, [this] { m_busy = false; });
    connect(m_worker, &InferenceWorker::failed, this, [this] { m_busy = false; });
    m_thread.start();
}

InferenceThread::~InferenceThread()
{
    m_worker->cancel();
    m_thread.quit();
    m_thread.wait();
}

bool InferenceThread::submit(const InferenceRequest &request)
{
    if (m_busy)
        return false;
    m_busy = true;
    m_worker->resetCancel();
    // Runs on the worker's thread: the functor's context object is the worker.
    QMetaObject::invokeMethod(
            m_worker, [worker = m_worker, request] { worker->run(request); }, Qt::QueuedConnection);
    return true;
}

void InferenceThread::cancel()
{
    m_worker->cancel();
}

} // namespace migician::ui
