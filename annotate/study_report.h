// The report of a human study, from the database alone: one row per annotator, one for all
// humans pooled, and one per evaluation run scored on the same cases; per task Acc@0.3/0.5/0.7
// with Wilson 95% intervals, mean IoU and n; the macro average over tasks (the paper's AVE),
// median seconds per case, the skip rate, and pairwise agreement where annotators share cases.
//
// Rules: a skipped case counts as a miss (IoU 0), so a row's accuracy is over the cases its
// annotator was given and answered or skipped, as the paper's human row is; the skip rate is
// stated beside it. Human boxes are scored raw (no rescaling); a run is scored as the official
// scorer scores it (rescaled for the Migician backend), on the study's cases it predicted (its
// latest prediction per case). Runs are the project's evaluation runs and the study's assist run.
// Renderings (JSON, CSV, Markdown in Table 1's layout, HTML): annotate/study_report_format.h.
#pragma once

#include "annotate/migbench_scorer.h"
#include "annotate/study.h"

#include <optional>

namespace migician::annotate {

struct StudyReportRow
{
    enum class Kind { Annotator, Humans, Run };
    Kind kind = Kind::Annotator;
    QString name;     // the annotator, "Humans", or "Run #k"
    qint64 runId = 0; // Run
    QString backend;  // Run
    ScoreSet scores;  // humans: raw; runs: official
    ScoreSet imageAware;
    int assigned = 0;  // humans: cases assigned; runs: cases of the study
    int responses = 0; // humans: answered + skipped; runs: cases predicted
    int skipped = 0;
    std::optional<double> medianSeconds; // humans: active time; runs: latency; none if unknown
    double skipRate() const { return responses > 0 ? double(skipped) / responses : 0.0; }
};

struct PairAgreement
{
    QString first, second;
    int common = 0; // cases both answered (not skipped)
    double meanIou = 0;
    double acc50 = 0; // share of common cases where their boxes overlap with IoU >= 0.5
};

struct StudyReport
{
    StudyInfo study;
    int cases = 0;
    QStringList tasks;          // the study's tasks, Table 1 order
    QList<StudyReportRow> rows; // annotators by name, then Humans, then runs by id
    QList<PairAgreement> pairs;
    Agreement agreement;           // over every pair
    QList<CaseScore> humanCases;   // per response of the Humans row, in its order
    QList<double> humanSeconds;    // per response, same order
    double meanSecondsPerCase = 0; // Humans

    const StudyReportRow &humans() const; // the pooled row (always present)
    QList<StudyReportRow> runs() const;
};

Result<StudyReport> studyReport(const ProjectStore &store, qint64 studyId);

// A case of the store in the scorer's form (ground truth as the answer).
BenchCase toBenchCase(const CaseInfo &info);

} // namespace migician::annotate
