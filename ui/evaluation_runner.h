// Batch evaluation over MIG-Bench cases with one backend (the Migician model, an endpoint or the
// built-in OpenCV assistant; evaluation_pool.h spreads a run over several endpoints), under an
// annotate::EvaluationProtocol (the official one unless the user chose deviations), resumable
// through an annotate::EvaluationLog: answered cases are skipped, failed ones are tried again,
// every new record is persisted before the next case starts. No widgets: the command line runs it
// on its main thread, the GUI in its worker thread.
#pragma once

#include "annotate/evaluation_log.h"
#include "annotate/evaluation_protocol.h"
#include "annotate/migbench_file.h"
#include "model/run_control.h"
#include "ui/grounding_backend.h"

#include <QImage>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

namespace migician::ui {

// Resolves a bench image path ("./MIG-Bench/images/x.jpg") against `imagesRoot`, following
// symlinks; empty with *error when the path or a link on it leads out of the root.
QString resolveBenchImage(const QString &imagesRoot, const QString &benchPath, QString *error);

struct EvaluationProgress
{
    int done = 0;    // attempted cases (answered or failed), resumed answers included
    int total = 0;   // selected cases
    int resumed = 0; // answered by an earlier invocation
    int failed = 0;  // failed in this invocation
    double etaSeconds = 0;
    annotate::EvalRecord last;
};

class EvaluationRunner
{
public:
    EvaluationRunner(QList<annotate::BenchCase> cases, QString imagesRoot,
                     GroundingBackend &backend, annotate::EvaluationLog &log);
    // Several backends (one per endpoint, each prepared, each safe to call from several threads)
    // with `concurrency` cases in flight on each: the cases are spread over them, and a case whose
    // backend failed for its own reasons (BackendAnswer::retryElsewhere: the server went away,
    // timed out, is overloaded) is tried again on another one. An endpoint that fails
    // kEndpointDownAfter cases in a row in that way gets no more cases in this run.
    EvaluationRunner(QList<annotate::BenchCase> cases, QString imagesRoot,
                     QList<GroundingBackend *> backends, int concurrency,
                     annotate::EvaluationLog &log);
    EvaluationRunner(QList<annotate::BenchCase> cases, QString imagesRoot,
                     const std::vector<std::unique_ptr<GroundingBackend>> &backends,
                     int concurrency, annotate::EvaluationLog &log);

    static constexpr int kEndpointDownAfter = 3;

    // Runs every index of `indices` not answered yet, in order (failed ones again). Stops early
    // (ok) when `stop` becomes true between cases, or when control.cancel becomes true, which
    // also interrupts the case in progress (not recorded); the next run resumes there. A case
    // whose images cannot be read or whose backend fails is recorded as failed and the run goes
    // on; only a progress record that cannot be written stops it with an error.
    // The log is written and onCase called on the calling thread only, also when the cases run
    // on several threads (one per backend and concurrency slot), so a project log's database
    // connection stays on its thread; records are appended as cases finish.
    annotate::Status run(const QList<int> &indices,
                         const std::function<void(const EvaluationProgress &)> &onCase = {},
                         const std::atomic<bool> *stop = nullptr,
                         const model::RunControl &control = {});

    // The latest record of every attempted case: answers (resumed and new) and failures.
    QList<annotate::EvalRecord> records() const;
    // True when the last run() returned because of `stop` or `cancel`, before the last case.
    bool stoppedEarly() const { return m_stoppedEarly; }

private:
    struct Attempt;
    Attempt attempt(GroundingBackend &backend, int index, const model::RunControl &control) const;
    annotate::Status runParallel(const QList<int> &pending, EvaluationProgress progress,
                                 const std::function<void(const EvaluationProgress &)> &onCase,
                                 const std::atomic<bool> *stop, const model::RunControl &control);

    QList<annotate::BenchCase> m_cases;
    QString m_imagesRoot;
    QList<GroundingBackend *> m_backends;
    int m_concurrency = 1;
    annotate::EvaluationLog &m_log;
    bool m_stoppedEarly = false;
};

// Picks the cases of a run: those of `tasks` (all when empty), then, with `limit` > 0, the
// first `limit` of them, or a sample of `limit` drawn with `seed` when `seeded`.
QList<int> selectCases(const QList<annotate::BenchCase> &cases, const QStringList &tasks, int limit,
                       bool seeded, quint64 seed);

} // namespace migician::ui
