// The human study protocol: a study samples a subset of the bench per task (fraction + seed),
// runs in one condition (blind: no model boxes shown; assisted: the model's box of `runId` is
// shown and corrected), gives each annotator the cases in a seeded random order, and records
// per case the answer (or a skip) and the active time. Progress lives in the database, so after
// a crash nextItem() returns exactly the case the annotator was on, with the active time saved
// so far by saveProgress().
#pragma once

#include "annotate/project_store.h"

#include <QMap>

namespace migician::annotate {

enum class StudyCondition { Blind, Assisted };

struct StudySpec
{
    QString name;
    QMap<QString, double> fractionPerTask; // task -> 0..1; tasks not listed are not sampled
    quint64 seed = 0;
    StudyCondition condition = StudyCondition::Blind;
    qint64 runId = 0; // assisted: whose predictions are shown
};

struct StudyItem
{
    qint64 assignmentId = 0;
    qint64 caseId = 0;
    int position = 0;         // 0-based place in this annotator's order
    int total = 0;            // cases assigned to this annotator
    qint64 activeMsSoFar = 0; // saved by saveProgress() before a crash or pause
};

// Samples round(fraction * count) cases of each task (at least 1 when fraction > 0), seeded.
Result<qint64> createStudy(ProjectStore &store, const StudySpec &spec);
Result<QList<qint64>> studyCases(const ProjectStore &store, qint64 studyId); // by case id

// Gives `annotator` every case of the study in an order shuffled by (study seed, annotator
// name). Idempotent: a second call returns the existing assignment count.
Result<int> assignAnnotator(ProjectStore &store, qint64 studyId, const QString &annotator);

// The first assigned case without a response; nullopt when the annotator is done.
Result<std::optional<StudyItem>> nextItem(const ProjectStore &store, qint64 studyId,
                                          const QString &annotator);

// Saves the active time spent so far on an unanswered case (call it every few seconds).
Status saveProgress(ProjectStore &store, qint64 assignmentId, qint64 activeMs);

// Records the answer (with a human annotation of the case, so the edit log has it) or a skip
// (`box` nullopt), in one transaction.
Status recordResponse(ProjectStore &store, qint64 assignmentId, int image,
                      const std::optional<NormBox> &box, qint64 activeMs);

struct StudyResponse
{
    qint64 caseId = 0;
    QString annotator;
    bool skipped = false;
    int image = 0;
    NormBox box;
    qint64 activeMs = 0;
};
Result<QList<StudyResponse>> studyResponses(const ProjectStore &store, qint64 studyId);

} // namespace migician::annotate
