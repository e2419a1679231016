// What the dashboard plots: one series per model run or human group, with its per-task scores
// (Wilson intervals included), per-case IoUs and per-case seconds. Built from predictions with
// the MIG-Bench scorer, from an eval results file, or from a human study in a project.
#pragma once

#include "annotate/migbench_scorer.h"
#include "annotate/project_store.h"

namespace migician::ui {

struct DashboardSeries
{
    enum class Kind { Model, Human, AssistedHuman };
    QString name;
    Kind kind = Kind::Model;
    annotate::ScoreSet scores; // official for models, raw for humans
    QList<double> ious;        // per case, in the same order as `seconds` when known
    QList<double> seconds;     // per case; empty when not measured
    // Non-zero: scored on the cases of this study (its humans, or a run on the same cases), as
    // the study report's rows; the humans-vs-model plot compares these.
    qint64 studyId = 0;
};

DashboardSeries seriesFromPredictions(const QString &name, DashboardSeries::Kind kind,
                                      const QList<annotate::BenchCase> &cases,
                                      const QList<annotate::BenchPrediction> &predictions,
                                      const QList<double> &seconds, bool migicianRescale);

// A `migician eval` results file over `cases` (the bench it was run on).
annotate::Result<DashboardSeries> seriesFromResults(const QString &name, const QString &resultsFile,
                                                    const QList<annotate::BenchCase> &cases);

// The responses of a study (skips are IoU 0); the kind follows the study's condition.
annotate::Result<DashboardSeries> seriesFromStudy(const annotate::ProjectStore &store,
                                                  qint64 studyId);
// The study's humans and every run of its report, scored on the study's cases: the numbers of
// `migician study report` (annotate/study_report.h), row for row.
annotate::Result<QList<DashboardSeries>> studySeries(const annotate::ProjectStore &store,
                                                     qint64 studyId);

// Share of `ious` at or above `threshold`.
double accuracyAt(const QList<double> &ious, double threshold);

// The Table-1 view: rows = series, columns = tasks (union, sorted) + average, Acc@0.5 in %.
QString table1Csv(const QList<DashboardSeries> &series);
QString table1Markdown(const QList<DashboardSeries> &series);

} // namespace migician::ui
