// The history of queries run on a case: every run (answered, cancelled or failed) with its query
// text, visual references (source image and box), the backend that answered (described as data:
// name, endpoint or model folder, sampling; never credentials), the answer, its boxes, timings and
// author. Works on a ProjectStore's connection (a concern beside it, not more ProjectStore
// methods); errors as values; one transaction per run.
//
// Storage: the backend and sampling go to `runs`, the answer and boxes to `predictions` (so the
// dashboards, the review queue and the exports see them as before), the rest to `case_runs`.
// A model box taken from a run keeps the prediction id (annotations.prediction_id), which is how
// an accepted label leads back to its run and query (byPrediction()).
#pragma once

#include "annotate/project_store.h"

namespace migician::annotate {

// Who answered, as descriptive data that outlives today's backend classes.
struct RunBackend
{
    QString name;           // e.g. "Built-in assistant (OpenCV)", "Migician (cpu, float32)"
    QString endpoint;       // model folder or service URL; user info and query are dropped
    QString configChecksum; // of the checkpoint, when known
    QString samplingJson = QStringLiteral("{}"); // sampling and image limits, a JSON object
};

// A visual reference: a crop of one of the case's images.
struct RunReference
{
    qint64 imageId = 0;
    int image = 0; // when read: its 1-based image in the case's current order; 0 = removed
    NormBox box;
};

enum class RunStatus { Answered, Cancelled, Failed };
QString toString(RunStatus status); // "answered" "cancelled" "failed"

struct RunTimings
{
    qint64 totalMs = 0;                 // from the request to the answer, as the user waited
    std::optional<qint64> firstTokenMs; // until the first streamed text
    std::optional<qint64> engineMs;     // reported by the backend itself
};

struct NewCaseRun
{
    qint64 caseId = 0;
    QString query;
    QList<RunReference> references; // by imageId
    RunBackend backend;
    RunStatus status = RunStatus::Answered;
    QString answer;            // the text as far as it came (also for cancelled runs)
    QList<PredictedBox> boxes; // answered runs: 1-based images of the case as it is now
    QString error;             // failed runs
    RunTimings timings;
    QString author;
    QDateTime started; // defaults to now - totalMs
};

struct CaseRunInfo
{
    qint64 id = 0;
    qint64 caseId = 0;
    qint64 runId = 0;
    qint64 predictionId = 0; // 0 when the run gave no answer
    QString query;
    QList<RunReference> references;
    RunBackend backend;
    RunStatus status = RunStatus::Answered;
    QString answer;
    QList<PredictedBox> boxes; // in the case's current image order (image 0 = image removed)
    QString error;
    RunTimings timings;
    QString author;
    QDateTime started;
    QDateTime finished;
};

class RunHistory
{
public:
    explicit RunHistory(ProjectStore &store)
        : m_store(store)
    {}

    Result<CaseRunInfo> record(const NewCaseRun &run);
    Result<QList<CaseRunInfo>> forCase(qint64 caseId) const; // newest first
    // The run whose prediction a box came from; nullopt when it came from no recorded run.
    Result<std::optional<CaseRunInfo>> byPrediction(qint64 predictionId) const;

    // A backend endpoint as it may be stored: a URL loses its user info and query (where keys
    // travel); a folder is kept.
    static QString safeEndpoint(const QString &endpoint);

private:
    Result<QList<CaseRunInfo>> select(const QString &where, const QVariant &value) const;

    ProjectStore &m_store;
};

} // namespace migician::annotate
