// Bookkeeping of a batch evaluation over a MIG-Bench file: which cases are finished and what the
// backend answered, persisted after every case so that a killed run restarts where it stopped.
// Two places can hold it: a sidecar JSON-lines file next to the results (a header line naming
// the run, then one line per finished or failed case, flushed per case), or a project database
// (a run row whose parameters name the evaluation, one prediction per answered case, one
// evaluation_failures row per failed one). Predictions never touch the human annotations of a
// project.
//
// A failed case (the backend ran out of memory, could not decode, an image was missing) is not
// an answer: it is kept with its reason, left out of the scores, and tried again by the next
// invocation of the same evaluation.
//
// The results file and its scores are built here too, with the scorer `migician score` uses, so
// that the numbers of `migician eval` are exactly the ones `migician score --json` prints.
#pragma once

#include "annotate/evaluation_protocol.h"
#include "annotate/migbench_file.h"
#include "annotate/project_store.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMap>

#include <memory>

namespace migician::annotate {

// One attempted case: answered, or failed with a reason.
struct EvalRecord
{
    int index = -1; // 0-based case index in bench order
    QString answer; // the backend's text as the protocol decodes it
    QList<PredictedBox> boxes;
    double seconds = 0;     // wall time of this case
    QDateTime finished;     // UTC, when it was recorded
    QString prompt;         // the text sent with the images; empty when not recorded
    QList<qint64> tokenIds; // generated ids, when the backend reports them
    QString failure;        // non-empty: no answer, and why (retried by the next run)
    int attempts = 1;       // failed records: how many invocations tried it
    bool failed() const { return !failure.isEmpty(); }
    int image() const { return boxes.isEmpty() ? 0 : boxes.first().image; }
};

// Answered: {"index", "answer", "boxes": [{"image", "box": [x1,y1,x2,y2]}], "image" (null when
// no box), "seconds", "finished", "prompt" and "token_ids" when known}.
// Failed: {"index", "failed": reason, "attempts", "seconds", "finished", "prompt" when known}.
QJsonObject toJson(const EvalRecord &record);
Result<EvalRecord> evalRecordFromJson(const QJsonObject &object, const QString &name);

// What makes two invocations the same evaluation (a progress file of another one is refused).
struct EvalIdentity
{
    QString benchFile;    // absolute path
    QString backend;      // "opencv" | "migician"
    QString model;        // checkpoint folder; empty for the assistant
    QList<int> indices;   // the selected cases, in run order
    QJsonObject protocol; // EvaluationProtocol::identity()
    QJsonObject toJson() const;
};

class EvaluationLog
{
public:
    virtual ~EvaluationLog() = default;
    // Cases answered, by this or an earlier (possibly killed) invocation, by index.
    const QMap<int, EvalRecord> &finished() const { return m_finished; }
    // Cases whose latest attempt failed and that have no answer yet, by index: the runner tries
    // them again.
    const QMap<int, EvalRecord> &failures() const { return m_failures; }
    // What was skipped while reading earlier progress (a damaged line, ...), for the user.
    const QStringList &warnings() const { return m_warnings; }
    // Persists one answered or failed case before returning.
    virtual Status append(const EvalRecord &record) = 0;
    // Called once every selected case is answered (none failed).
    virtual Status complete(qint64 durationMs) = 0;
    virtual QString location() const = 0; // for messages

protected:
    // Bookkeeping of an appended or re-read record: a later answer clears an earlier failure.
    void remember(const EvalRecord &record);
    int failedAttempts(int index) const; // 0 when the case has not failed

    QMap<int, EvalRecord> m_finished;
    QMap<int, EvalRecord> m_failures;
    QStringList m_warnings;
};

// The sidecar file `path` (JSON lines). A torn last line (the process was killed while writing
// it) is dropped; a damaged line in the middle is skipped with a warning naming its line number
// (its case runs again), the records after it are kept; a header of another evaluation is an
// error naming the file. complete() removes the file.
Result<std::unique_ptr<EvaluationLog>> openSidecarLog(const QString &path,
                                                      const EvalIdentity &identity);

// Progress kept in a project: the bench is imported into it (idempotent) with `imagesRoot`, the
// run is found again by its identity, each case becomes one prediction of that run.
Result<std::unique_ptr<EvaluationLog>>
openProjectLog(ProjectStore &store, const QString &imagesRoot, const EvalIdentity &identity);

// The score predictions behind records: the answer text and the image of the first box, or the
// failure of a failed case.
QList<BenchPrediction> toBenchPredictions(const QList<EvalRecord> &records);

// {"protocol": protocol.toJson(), "backend", "migician_rescale",
//  "predictions": [answered records in index order, each with its "prompt" and, when known, its
//  "token_ids"], "failed": [{"index", "task", "reason", "attempts"}],
//  "scores": what `migician score --json` prints for this file (failed cases not scored,
//  counted per task as "failed" next to "n")}.
Result<QJsonObject> evaluationResults(const QList<BenchCase> &cases,
                                      const QList<EvalRecord> &records,
                                      const EvaluationProtocol &protocol);

} // namespace migician::annotate
