// Runs a batch evaluation (ui/evaluation_runner.h) off the GUI thread, storing every answer as a
// prediction of one run in a project (annotate::openProjectLog: predictions only, never human
// annotations) and writing the results file of `migician eval` at the end.
//
// Threading contract (as InferenceWorker's):
// - A BatchEvaluationWorker lives in its own QThread, owned by BatchEvaluationThread, which
//   starts it, deletes the worker on QThread::finished, and on destruction cancels, quit()s and
//   wait()s. Requests go in through queued calls, progress comes out through queued signals;
//   both carry values only.
// - The worker opens its own ProjectStore connection on its thread (a connection belongs to the
//   thread that opened it) and keeps it, the backend (a Migician model is loaded once) and the
//   run's bookkeeping between a pause and the resume.
// - pause() and cancel() may be called from any thread: they set atomic flags the runner polls
//   between cases, so the case in progress is finished and stored first. Resuming runs the same
//   evaluation again: the runner skips the cases already stored, exactly as after a crash.
// - Nothing throws out of the slots: every error becomes failed(message).
#pragma once

#include "annotate/evaluation_log.h"
#include "annotate/migbench_file.h"

#include <QObject>
#include <QStringList>
#include <QThread>

#include <atomic>
#include <memory>

namespace migician::ui {

class EvaluationBackend;

struct BatchEvaluationRequest
{
    QString benchFile;   // MIG-Bench JSON
    QString imagesRoot;  // the bench's image paths are relative to it
    QString projectFile; // predictions go here (the bench is imported into it, idempotently)
    QString resultsFile; // `migician eval` results, written at the end
    QString modelDir;    // empty: the built-in OpenCV assistant
    QString device = QStringLiteral("cpu");
    QStringList tasks; // empty: every task
    int limit = 0;     // 0: no limit
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
    void started(int total, int alreadyDone);
    // After every stored case: `done` of `total`, ETA in seconds, and the case just finished.
    void progress(int done, int total, double etaSeconds, int caseIndex, double caseSeconds);
    void paused(int done, int total);
    void cancelled(int done, int total);
    void finished(const QString &resultsFile, int predictions, double seconds);
    void failed(const QString &message);

private:
    void runSelected();
    annotate::Status writeResults();

    std::atomic<bool> m_pause{false};
    std::atomic<bool> m_cancel{false};
    BatchEvaluationRequest m_request;
    QList<annotate::BenchCase> m_cases;
    QList<int> m_indices;
    std::unique_ptr<EvaluationBackend> m_backend;
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
