// Failed cases of the batch evaluations kept in a project (table evaluation_failures): the
// backend ran out of memory, could not decode, an image was missing. They are not predictions
// (dashboards and the review queue never see them); they say which cases the next run of the
// same evaluation retries, and why they failed. One row per (run, case): the latest reason and
// how many attempts failed. A concern of its own over the store's connection.
#pragma once

#include "annotate/project_store.h"

#include <QDateTime>
#include <QMap>

namespace migician::annotate {

struct EvaluationFailure
{
    QString reason;
    int attempts = 0;
    QDateTime lastAttempt;
};

class EvaluationFailures
{
public:
    explicit EvaluationFailures(ProjectStore &store)
        : m_store(store)
    {}

    // Records a failed attempt of `caseId` in `runId` (attempts counted up).
    Status record(qint64 runId, qint64 caseId, const QString &reason);
    // Forgets the failure of `caseId` (it has been answered since).
    Status clear(qint64 runId, qint64 caseId);
    // The failures of a run, by case id.
    Result<QMap<qint64, EvaluationFailure>> forRun(qint64 runId) const;

private:
    ProjectStore &m_store;
};

} // namespace migician::annotate
