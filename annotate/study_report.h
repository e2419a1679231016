// The report at the end of a human study, from the database alone: accuracy per task with Wilson
// intervals, time per case, skips, agreement between annotators, and the model runs scored on
// the same cases. A skipped case counts as a miss (IoU 0): the accuracy is over the cases the
// annotators were given, as the paper's human row is.
#pragma once

#include "annotate/migbench_scorer.h"
#include "annotate/study.h"

namespace migician::annotate {

struct StudyInfo
{
    qint64 id = 0;
    QString name;
    StudyCondition condition = StudyCondition::Blind;
    qint64 runId = 0;
};
Result<QList<StudyInfo>> listStudies(const ProjectStore &store);

struct StudyReport
{
    StudyInfo study;
    int cases = 0;     // cases of the study
    int responses = 0; // answered + skipped, all annotators
    int skipped = 0;
    QStringList annotators;
    double meanSecondsPerCase = 0; // active time over all responses
    double medianSecondsPerCase = 0;
    ScoreSet humans; // raw: every response of every annotator; skips are IoU 0
    ScoreSet humansImageAware;
    QList<CaseScore> humanCases; // per response (index = position in studyCases order)
    Agreement agreement;
    struct RunScore
    {
        RunInfo run;
        ScoreSet scores; // official (rescaled for the Migician backend) on the study's cases
        int predicted = 0;
    };
    QList<RunScore> runs; // every run with predictions on the study's cases
};

Result<StudyReport> studyReport(const ProjectStore &store, qint64 studyId);

// The report as HTML (for the study window) and as Markdown.
QString studyReportHtml(const StudyReport &report);
QString studyReportMarkdown(const StudyReport &report);

// A case of the store in the scorer's form (ground truth as the answer).
BenchCase toBenchCase(const CaseInfo &info);

} // namespace migician::annotate
