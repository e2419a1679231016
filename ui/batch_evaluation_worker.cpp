#include "ui/batch_evaluation_worker.h"

#include "model/shared_engine.h"
#include "ui/evaluation_runner.h"
#include "ui/remote_backend.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

namespace migician::ui {

using namespace migician::annotate;

BatchEvaluationWorker::BatchEvaluationWorker(QObject *parent)
    : QObject(parent)
{}

BatchEvaluationWorker::~BatchEvaluationWorker() = default;

void BatchEvaluationWorker::start(const BatchEvaluationRequest &request)
{
    m_pause = false;
    m_cancel = false;
    m_log.reset();
    m_store.reset();
    m_backends.clear();
    m_request = request;
    m_elapsedMs = 0;

    const QString benchPath = QFileInfo(request.benchFile).absoluteFilePath();
    const auto bench = readMigBench(benchPath);
    if (!bench) {
        Q_EMIT failed(bench.error());
        return;
    }
    m_cases = bench->cases;
    if (!QFileInfo(request.imagesRoot).isDir()) {
        Q_EMIT failed(tr("%1: the images root is not a folder").arg(request.imagesRoot));
        return;
    }
    m_indices = selectCases(m_cases, request.tasks, request.limit, request.seeded, request.seed);
    if (m_indices.isEmpty()) {
        Q_EMIT failed(tr("%1: no case of the chosen tasks").arg(benchPath));
        return;
    }
    m_protocol = request.protocol;
    m_protocol.dtype = request.dtype;
    m_protocol.device = request.device;
    QString error;
    model::RunControl control;
    control.cancel = &m_cancel;
    bool ready = false;
    try {
        if (request.backend == BackendKind::Remote) {
            QList<EndpointSettings> endpoints;
            for (const QString &url : request.remote.allUrls())
                endpoints << endpointSettings(request.remote, url);
            QStringList warnings;
            ready = prepareEndpoints(endpoints, remoteGenerationConfig(request.modelDir),
                                     request.remote.concurrency, &m_protocol, &m_backends,
                                     &warnings, &error, control);
            for (const QString &warning : warnings)
                Q_EMIT note(tr("Endpoint left out: %1").arg(warning));
        } else {
            m_backends.push_back(
                    request.modelDir.isEmpty() || request.backend == BackendKind::Assistant
                            ? makeAssistantBackend()
                            : makeMigicianBackend(request.engines
                                                          ? request.engines
                                                          : std::make_shared<model::SharedEngine>(),
                                                  request.modelDir, request.device, request.dtype));
            ready = m_backends.front()->prepare(&m_protocol, &error, control);
        }
    } catch (const std::exception &failure) {
        Q_EMIT failed(QString::fromUtf8(failure.what()));
        return;
    }
    if (!ready) {
        if (error.isEmpty())
            Q_EMIT cancelled(0, int(m_indices.size()));
        else
            Q_EMIT failed(error);
        return;
    }
    Q_EMIT prepared(m_protocol.isOfficial()
                            ? tr("official MIG-Bench protocol")
                            : tr("deviating from the official protocol: %1")
                                      .arg(m_protocol.deviations().join(QStringLiteral(", "))));
    auto store = ProjectStore::open(request.projectFile);
    if (!store) {
        Q_EMIT failed(store.error());
        return;
    }
    m_store = std::move(store.value());
    EvalIdentity identity;
    identity.benchFile = benchPath;
    identity.backend = m_backends.front()->name();
    if (request.backend == BackendKind::Remote)
        identity.model = m_protocol.backend.value(QStringLiteral("served_model")).toString();
    else if (!request.modelDir.isEmpty() && request.backend != BackendKind::Assistant)
        identity.model = QFileInfo(request.modelDir).absoluteFilePath();
    identity.indices = m_indices;
    identity.protocol = m_protocol.identity();
    auto log = openProjectLog(*m_store, request.imagesRoot, identity);
    if (!log) {
        Q_EMIT failed(log.error());
        return;
    }
    m_log = std::move(log.value());
    const int alreadyDone = int(std::count_if(m_indices.begin(), m_indices.end(), [this](int i) {
        return m_log->finished().contains(i);
    }));
    Q_EMIT started(int(m_indices.size()), alreadyDone);
    runSelected();
}

void BatchEvaluationWorker::resume()
{
    if (!m_log) {
        Q_EMIT failed(tr("There is no paused evaluation to resume."));
        return;
    }
    m_pause = false;
    m_cancel = false;
    runSelected();
}

void BatchEvaluationWorker::runSelected()
{
    std::atomic<bool> stop{false};
    // The runner polls one flag between cases: pause and cancel both stop it there.
    QElapsedTimer timer;
    timer.start();
    const int concurrency = m_request.backend == BackendKind::Remote
                                    ? std::max(1, m_request.remote.concurrency)
                                    : 1;
    EvaluationRunner runner(m_cases, m_request.imagesRoot, m_backends, concurrency, *m_log);
    model::RunControl control;
    control.cancel = &m_cancel;
    control.onProgress = [this](model::Stage stage, int done, int total) {
        Q_EMIT caseProgress(QString::fromLatin1(model::stageName(stage)), done, total);
    };
    const Status ran = runner.run(
            m_indices,
            [this, &stop](const EvaluationProgress &p) {
                if (p.last.failed())
                    Q_EMIT caseFailed(p.last.index, p.last.failure);
                Q_EMIT progress(p.done, p.total, p.etaSeconds, p.last.index, p.last.seconds);
                stop = m_pause.load() || m_cancel.load();
            },
            &stop, control);
    m_elapsedMs += timer.elapsed();
    if (!ran) {
        Q_EMIT failed(ran.error());
        return;
    }
    const auto attempted = [this](int i) {
        return m_log->finished().contains(i) || m_log->failures().contains(i);
    };
    const int done = int(std::count_if(m_indices.begin(), m_indices.end(), attempted));
    const int total = int(m_indices.size());
    if (runner.stoppedEarly()) {
        if (m_cancel)
            Q_EMIT cancelled(done, total);
        else
            Q_EMIT paused(done, total);
        return;
    }
    if (const Status written = writeResults(); !written) {
        Q_EMIT failed(written.error());
        return;
    }
    Q_EMIT finished(m_request.resultsFile, int(m_log->finished().size()),
                    int(m_log->failures().size()), m_elapsedMs / 1000.0);
}

Status BatchEvaluationWorker::writeResults()
{
    QList<EvalRecord> records;
    for (const int index : std::as_const(m_indices)) {
        if (m_log->finished().contains(index))
            records << m_log->finished().value(index);
        else if (m_log->failures().contains(index))
            records << m_log->failures().value(index);
    }
    const auto results = evaluationResults(m_cases, records, m_protocol);
    if (!results)
        return results.status();
    QSaveFile file(m_request.resultsFile);
    const QByteArray bytes = QJsonDocument(*results).toJson(QJsonDocument::Indented);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return Status::failure(tr("%1: cannot write the results: %2")
                                       .arg(m_request.resultsFile, file.errorString()));
    // A run with failed cases stays open: starting it again retries them.
    return m_log->failures().isEmpty() ? m_log->complete(m_elapsedMs) : Status();
}

BatchEvaluationThread::BatchEvaluationThread(QObject *parent)
    : QObject(parent)
    , m_worker(new BatchEvaluationWorker)
{
    qRegisterMetaType<BatchEvaluationRequest>();
    m_thread.setObjectName(QStringLiteral("migician-batch-evaluation"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

BatchEvaluationThread::~BatchEvaluationThread()
{
    m_worker->cancel();
    m_thread.quit();
    m_thread.wait();
}

void BatchEvaluationThread::start(const BatchEvaluationRequest &request)
{
    // Runs on the worker's thread: the functor's context object is the worker.
    QMetaObject::invokeMethod(
            m_worker, [worker = m_worker, request] { worker->start(request); },
            Qt::QueuedConnection);
}

void BatchEvaluationThread::resume()
{
    QMetaObject::invokeMethod(
            m_worker, [worker = m_worker] { worker->resume(); }, Qt::QueuedConnection);
}

} // namespace migician::ui
