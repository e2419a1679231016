// Bookkeeping of a batch evaluation over a MIG-Bench file: which cases are finished and what the
// backend answered, persisted after every case so that a killed run restarts where it stopped.
// Two places can hold it: a sidecar JSON-lines file next to the results (a header line naming
// the run, then one line per finished case, flushed per case), or a project database (a run row
// whose parameters name the evaluation, one prediction per case). Predictions never touch the
// human annotations of a project.
//
// The results file and its scores are built here too, with the scorer `migician score` uses, so
// that the numbers of `migician eval` are exactly the ones `migician score --json` prints.
#pragma once

#include "annotate/migbench_file.h"
#include "annotate/project_store.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMap>

#include <memory>

namespace migician::annotate {

// One finished case.
struct EvalRecord
{
    int index = -1; // 0-based case index in bench order
    QString answer; // the backend's text, verbatim
    QList<PredictedBox> boxes;
    double seconds = 0; // wall time of this case
    QDateTime finished; // UTC, when it was recorded
    int image() const { return boxes.isEmpty() ? 0 : boxes.first().image; }
};

// {"index", "answer", "boxes": [{"image", "box": [x1,y1,x2,y2]}], "image" (null when no box),
//  "seconds", "finished"}
QJsonObject toJson(const EvalRecord &record);
Result<EvalRecord> evalRecordFromJson(const QJsonObject &object, const QString &name);

// What makes two invocations the same evaluation (a progress file of another one is refused).
struct EvalIdentity
{
    QString benchFile;  // absolute path
    QString backend;    // "opencv" | "migician"
    QString model;      // checkpoint folder; empty for the assistant
    QList<int> indices; // the selected cases, in run order
    QJsonObject toJson() const;
};

class EvaluationLog
{
public:
    virtual ~EvaluationLog() = default;
    // Cases already finished by an earlier (possibly killed) invocation, by index.
    const QMap<int, EvalRecord> &finished() const { return m_finished; }
    // Persists one finished case before returning.
    virtual Status append(const EvalRecord &record) = 0;
    // Called once every selected case is finished.
    virtual Status complete(qint64 durationMs) = 0;
    virtual QString location() const = 0; // for messages

protected:
    QMap<int, EvalRecord> m_finished;
};

// The sidecar file `path` (JSON lines). A torn last line (the process was killed while writing
// it) is dropped; a header of another evaluation is an error naming the file. complete()
// removes the file.
Result<std::unique_ptr<EvaluationLog>> openSidecarLog(const QString &path,
                                                      const EvalIdentity &identity);

// Progress kept in a project: the bench is imported into it (idempotent) with `imagesRoot`, the
// run is found again by its identity, each case becomes one prediction of that run.
Result<std::unique_ptr<EvaluationLog>>
openProjectLog(ProjectStore &store, const QString &imagesRoot, const EvalIdentity &identity);

// The score predictions behind records: the answer text, and the image of the first box.
QList<BenchPrediction> toBenchPredictions(const QList<EvalRecord> &records);

// {"predictions": [records in index order], "scores": what `migician score --json` prints for
// them}, plus "backend" and "migician_rescale".
Result<QJsonObject> evaluationResults(const QList<BenchCase> &cases,
                                      const QList<EvalRecord> &records, const QString &backend,
                                      bool migicianRescale);

} // namespace migician::annotate
