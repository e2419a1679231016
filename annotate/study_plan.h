// Planning a study before it is written: which cases the seeded sample takes from each task,
// which annotators get which case, and how long it should take them, with every reason to
// refuse it. The New-study dialog shows the plan while the user types; createStudy() writes
// exactly this plan, so what the dialog (or `migician study create --dry-run`) shows is what
// the study gets.
#pragma once

#include "annotate/study.h"

namespace migician::annotate {

// Active seconds per case of the responses already in the project (any study): the pilot.
struct PilotTimings
{
    int responses = 0;
    double medianSeconds = 0;
    QMap<QString, double> medianSecondsByTask;
};
Result<PilotTimings> pilotTimings(const ProjectStore &store);

struct StudyPlan
{
    QStringList tasks;                             // sampled tasks, Table 1 order
    QMap<QString, int> available;                  // cases a task can be sampled from
    QMap<QString, QList<qint64>> casesByTask;      // the sample, by case id
    QMap<QString, QList<qint64>> casesByAnnotator; // by case id; empty for an open study
    QStringList errors;   // reasons to refuse the study (nothing is written while any)
    QStringList warnings; // worth knowing, not blocking
    PilotTimings pilot;
    // Estimated active seconds per annotator (an open study: every annotator, key ""); empty
    // without pilot timings.
    QMap<QString, double> estimatedSeconds;

    bool ok() const { return errors.isEmpty(); }
    QList<qint64> cases() const; // all sampled cases, by id
};

// Cases per task that have a ground truth (what N per task can be sampled from).
Result<QMap<QString, int>> casesWithGroundTruth(const ProjectStore &store);

// Fails only when the project cannot be read; refusals are in StudyPlan::errors.
Result<StudyPlan> planStudy(const ProjectStore &store, const StudySpec &spec);

// The seeded permutation studies use (Fisher-Yates over mt19937_64): the same on every machine
// and standard library, so a seed reproduces a study anywhere.
void seededShuffle(QList<qint64> &items, quint64 seed);
// An independent stream per name (a task, an annotator) under one study seed.
quint64 streamSeed(quint64 seed, const QString &name);

} // namespace migician::annotate
