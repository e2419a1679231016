// The human study protocol: a study samples cases of the bench per task (N per task, or a
// fraction, seeded), runs in one condition (blind: no model boxes shown; assisted: the model's
// box of `runId` is shown and corrected), gives each annotator their cases in a seeded random
// order, and records per case the answer (or a skip) and the active time. Progress lives in the
// database, so after a crash nextItem() returns exactly the case the annotator was on, with the
// active time saved so far by saveProgress().
//
// A study either names its annotators (createStudy() then assigns every sampled case to
// `overlap` of them, balanced; nobody else can take part), or is open (whoever starts first gets
// every case, see assignAnnotator()). Planning and its refusals: annotate/study_plan.h. Copies
// for annotators' laptops and merging them back: annotate/study_exchange.h.
#pragma once

#include "annotate/project_store.h"

#include <QMap>

namespace migician::annotate {

enum class StudyCondition { Blind, Assisted };

struct StudySpec
{
    QString name;
    // Sampling: `casesPerTask` cases with ground truth of every task in `tasks` (empty = every
    // task of the project), or, when casesPerTask is 0, round(fraction * count) cases of each
    // task of `fractionPerTask` (at least 1 when the fraction is > 0).
    int casesPerTask = 0;
    QStringList tasks;
    QMap<QString, double> fractionPerTask; // task -> 0..1
    quint64 seed = 0;
    StudyCondition condition = StudyCondition::Blind;
    qint64 runId = 0;       // assisted: whose predictions are shown
    QStringList annotators; // empty = an open study
    int overlap = 1;        // annotators per case, 1..annotators.size()
};

struct StudyItem
{
    qint64 assignmentId = 0;
    qint64 caseId = 0;
    int position = 0;         // 0-based place in this annotator's order
    int total = 0;            // cases assigned to this annotator
    qint64 activeMsSoFar = 0; // saved by saveProgress() before a crash or pause
};

// A study as stored.
struct StudyInfo
{
    qint64 id = 0;
    QString uid; // the same in every copy of the project (annotator exports)
    QString name;
    StudyCondition condition = StudyCondition::Blind;
    qint64 runId = 0;
    quint64 seed = 0;
    int casesPerTask = 0;   // 0 = sampled by fraction
    int overlap = 0;        // 0 = an open study
    QStringList annotators; // the planned annotators, in the order given; empty = open
    int cases = 0;
    QDateTime created;
};
Result<QList<StudyInfo>> listStudies(const ProjectStore &store); // by id
Result<StudyInfo> studyById(const ProjectStore &store, qint64 studyId);
// `key` is a study id or a study name.
Result<StudyInfo> findStudy(const ProjectStore &store, const QString &key);

Result<qint64> createStudy(ProjectStore &store, const StudySpec &spec);
Result<QList<qint64>> studyCases(const ProjectStore &store, qint64 studyId); // by case id

// Makes `annotator` a participant. A study with planned annotators refuses anybody else and
// returns the count of the cases planned for them. An open study gives them every case in an
// order shuffled by (study seed, annotator name). Idempotent.
Result<int> assignAnnotator(ProjectStore &store, qint64 studyId, const QString &annotator);

// The first assigned case without a response; nullopt when the annotator is done.
Result<std::optional<StudyItem>> nextItem(const ProjectStore &store, qint64 studyId,
                                          const QString &annotator);

// Saves the active time spent so far on an unanswered case (call it every few seconds).
Status saveProgress(ProjectStore &store, qint64 assignmentId, qint64 activeMs);

// Records the answer (with a human annotation of the case, so the edit log has it) or a skip
// (`box` nullopt), in one transaction. `finishedUtc` (ISO 8601) is when it was given; empty =
// now (a merge passes the time the annotator gave it on their machine).
Status recordResponse(ProjectStore &store, qint64 assignmentId, int image,
                      const std::optional<NormBox> &box, qint64 activeMs,
                      const QString &finishedUtc = {});

struct StudyResponse
{
    qint64 caseId = 0;
    QString annotator;
    bool skipped = false;
    int image = 0;
    NormBox box;
    qint64 activeMs = 0;
    QDateTime finished;
};
Result<QList<StudyResponse>> studyResponses(const ProjectStore &store, qint64 studyId);

// How far each participant is, for the study list.
struct AnnotatorProgress
{
    QString annotator;
    int assigned = 0;
    int answered = 0;
    int skipped = 0;
    int done() const { return answered + skipped; }
};
Result<QList<AnnotatorProgress>> studyProgress(const ProjectStore &store, qint64 studyId);

} // namespace migician::annotate
