// Runs a batch evaluation (ui/evaluation_runner.h) off the GUI thread under an
// annotate::EvaluationProtocol (the official MIG-Bench one by default), storing every answer as a
// prediction of one run in a project (annotate::openProjectLog: predictions only, never human
// annotations; failed cases apart, retried by the next start) and writing the results file of
// `migician eval` at the end.
//
// Threading contract (as InferenceWorker's):
// - A BatchEvaluationWorker lives in its own QThread, owned by BatchEvaluationThread, which
//   starts it, deletes the worker on QThread::finished, and on destruction cancels, quit()s and
//   wait()s. Requests go in through queued calls, progress comes out through queued signals;
//   both carry values only.
// - The worker opens its own ProjectStore connection on its thread (a connection belongs to the
//   thread that opened it) and keeps it, the backend and the run's bookkeeping between a pause
//   and the resume.
// - The Migician backend runs on the request's model::SharedEngine: the workbench's engine, so
//   the weights the workbench loaded are used as they are (loaded here only when none is, or
//   with another device or dtype). The worker holds the engine's lease for one case at a time.
// - pause() and cancel() may be called from any thread. pause() is polled between cases: the case
//   in progress is finished and stored first. cancel() also stops the case in progress at the
//   engine's next step (it is not stored) and a wait for the engine. Resuming runs the same
//   evaluation again: the runner skips the cases already answered, exactly as after a crash.
// - Nothing throws out of the slots: every error becomes failed(message).
#pragma once

#include "annotate/evaluation_log.h"
#include "annotate/evaluation_protocol.h"
#include "annotate/migbench_file.h"
#include "ui/backend_settings.h"
#include "ui/grounding_backend.h"

#include <QObject>
#include <QStringList>
#include <QThread>

#include <atomic>
#include <memory>

namespace migician::model {
class SharedEngine;
}

namespace migician::ui {

struct BatchEvaluationRequest
{
    QString benchFile;   // MIG-Bench JSON
    QString imagesRoot;  // the bench's image paths are relative to it
    QString projectFile; // predictions go here (the bench is imported into it, idempotently)
    QString resultsFile; // `migician eval` results, written at the end
    // Local: the Migician model of modelDir (the built-in OpenCV assistant when it is empty);
    // Remote: every endpoint of `remote`, remote.concurrency cases in flight on each.
    BackendKind backend = BackendKind::Local;
    RemoteSettings remote;
    QString modelDir; // Remote: only its generation_config.json is read, when there is one
    QString device = QStringLiteral("cpu");
    QString dtype = QStringLiteral("auto");
    // The engine to run the model on (the workbench's); a new one when null.
    std::shared_ptr<model::SharedEngine> engines;
    annotate::EvaluationProtocol protocol; // the official one unless changed
    QStringList tasks;                     // empty: every task
    int limit = 0;                         // 0: no limit
    bool seeded = false;
    quint64 seed = 0;
};

class BatchEvaluationWorker : public QObject
{
    Q_OBJECT
public:
    explicit BatchEvaluationWorker(QObject *parent = nullptr);
    ~BatchEvaluationWorker() override;

    // Any thread.
    void pause() { m_pause = true; }
    void cancel() { m_cancel = true; }

public Q_SLOTS:
    // Worker thread (queued). Prepares the run (backend, project, bookkeeping) and runs it.
    void start(const migician::ui::BatchEvaluationRequest &request);
    // Worker thread (queued). Continues the paused run.
    void resume();

Q_SIGNALS:
    // The backend is ready (a model loaded); `protocol` is what results.json will record.
    void prepared(const QString &protocolSummary);
    void started(int total, int alreadyDone);
    // After every stored case: `done` of `total`, ETA in seconds, and the case just finished.
    void progress(int done, int total, double etaSeconds, int caseIndex, double caseSeconds);
    // Inside the case in progress, at every point the engine polls cancel: `done` of `total` units
    // of `stage` ("vision", "prefill", "decode", "load"). From the worker thread, often.
    void caseProgress(const QString &stage, int done, int total);
    // A case the backend failed on (stored as failed, retried by the next start).
    void caseFailed(int caseIndex, const QString &reason);
    // Something the user should read in the log (an endpoint left out of the run, ...).
    void note(const QString &message);
    void paused(int done, int total);
    void cancelled(int done, int total);
    // Every case attempted; `failedCases` of them failed (then the run stays open for a retry).
    void finished(const QString &resultsFile, int predictions, int failedCases, double seconds);
    void failed(const QString &message);

private:
    void runSelected();
    annotate::Status writeResults();

    std::atomic<bool> m_pause{false};
    std::atomic<bool> m_cancel{false};
    BatchEvaluationRequest m_request;
    annotate::EvaluationProtocol m_protocol; // as the backend prepared it
    QList<annotate::BenchCase> m_cases;
    QList<int> m_indices;
    std::vector<std::unique_ptr<GroundingBackend>> m_backends; // one per endpoint
    std::unique_ptr<annotate::ProjectStore> m_store;
    std::unique_ptr<annotate::EvaluationLog> m_log;
    qint64 m_elapsedMs = 0; // over every start and resume of this run
};

// Owns the worker's thread; see the threading contract above.
class BatchEvaluationThread : public QObject
{
    Q_OBJECT
public:
    explicit BatchEvaluationThread(QObject *parent = nullptr);
    ~BatchEvaluationThread() override;

    BatchEvaluationWorker *worker() const { return m_worker; }
    void start(const BatchEvaluationRequest &request);
    void resume();
    void pause() { m_worker->pause(); }
    void cancel() { m_worker->cancel(); }

private:
    QThread m_thread;
    BatchEvaluationWorker *m_worker;
};

} // namespace migician::ui

Q_DECLARE_METATYPE(migician::ui::BatchEvaluationRequest)
