// Batch evaluation over MIG-Bench cases with one backend (the Migician model or the built-in
// OpenCV assistant), under an annotate::EvaluationProtocol (the official one unless the user
// chose deviations), resumable through an annotate::EvaluationLog: answered cases are skipped,
// failed ones are tried again, every new record is persisted before the next case starts. No
// widgets: the command line runs it on its main thread, the GUI in its worker thread.
#pragma once

#include "annotate/evaluation_log.h"
#include "annotate/evaluation_protocol.h"
#include "annotate/migbench_file.h"
#include "model/run_control.h"

#include <QImage>

#include <atomic>
#include <functional>
#include <memory>

namespace migician::model {
class SharedEngine;
}

namespace migician::ui {

struct BackendAnswer
{
    QString prompt; // the text sent with the images (the protocol's question)
    QString text;   // the answer as the protocol decodes it
    QList<annotate::PredictedBox> boxes;
    QList<qint64> tokenIds; // generated ids, when the backend has them
    QString failure;        // non-empty: no answer (out of memory, a decode error, ...)
    bool cancelled = false; // stopped by the cancel flag: neither an answer nor a failure
};

class EvaluationBackend
{
public:
    virtual ~EvaluationBackend() = default;
    virtual QString name() const = 0; // "opencv" | "migician"
    // Prepares the backend (a model is loaded here, unless already loaded) and fills
    // protocol->backend with what it runs: name, checkpoint, resolved dtype and sampling, ...
    // Throws nothing; false and *error when it cannot run. Returns false with an empty *error
    // when control.cancel was set first.
    virtual bool prepare(annotate::EvaluationProtocol *protocol, QString *error,
                         const model::RunControl &control)
            = 0;
    // One case under the protocol given to prepare(). Throws nothing: a failure is an answer
    // with `failure` set. control.cancel (set from any thread) stops it at the next model step
    // (`cancelled` answer); control.onProgress reports those steps.
    virtual BackendAnswer answer(const annotate::BenchCase &benchCase, const QList<QImage> &images,
                                 const model::RunControl &control)
            = 0;
};

// The built-in assistant mapped onto the MIG-Bench tasks it can do:
// - region: image k+1 is the k-th region cut from image 1 -> template matching in image 1;
// - refer_grounding: image 1 shows the object -> template matching in the other images;
// - diff (or a two-image question about differences) -> the largest changed region;
// - anything else: no box (the assistant says the Migician model is needed).
std::unique_ptr<EvaluationBackend> makeAssistantBackend();

// The Migician model of `engines` (loaded there with `modelDir`, `device`, `dtype` unless it
// already is: the workbench and the batch evaluation share one copy of the weights), run as
// the protocol says: the question with its suffix, the checkpoint's generation_config.json (or
// greedy), max_new_tokens, the protocol's image limits, the answer decoded without special
// tokens.
std::unique_ptr<EvaluationBackend>
makeMigicianBackend(std::shared_ptr<model::SharedEngine> engines, const QString &modelDir,
                    const QString &device = QStringLiteral("cpu"),
                    const QString &dtype = QStringLiteral("auto"));

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
                     EvaluationBackend &backend, annotate::EvaluationLog &log);

    // Runs every index of `indices` not answered yet, in order (failed ones again). Stops early
    // (ok) when `stop` becomes true between cases, or when control.cancel becomes true, which
    // also interrupts the case in progress (not recorded); the next run resumes there. A case
    // whose images cannot be read or whose backend fails is recorded as failed and the run goes
    // on; only a progress record that cannot be written stops it with an error.
    annotate::Status run(const QList<int> &indices,
                         const std::function<void(const EvaluationProgress &)> &onCase = {},
                         const std::atomic<bool> *stop = nullptr,
                         const model::RunControl &control = {});

    // The latest record of every attempted case: answers (resumed and new) and failures.
    QList<annotate::EvalRecord> records() const;
    // True when the last run() returned because of `stop` or `cancel`, before the last case.
    bool stoppedEarly() const { return m_stoppedEarly; }

private:
    annotate::EvalRecord attempt(int index, const model::RunControl &control, bool *cancelled);

    QList<annotate::BenchCase> m_cases;
    QString m_imagesRoot;
    EvaluationBackend &m_backend;
    annotate::EvaluationLog &m_log;
    bool m_stoppedEarly = false;
};

// Picks the cases of a run: those of `tasks` (all when empty), then, with `limit` > 0, the
// first `limit` of them, or a sample of `limit` drawn with `seed` when `seeded`.
QList<int> selectCases(const QList<annotate::BenchCase> &cases, const QStringList &tasks, int limit,
                       bool seeded, quint64 seed);

} // namespace migician::ui
