// MIG-Bench scoring: the official scorer reproduced (parse order, /1000, IoU, Acc@0.3/0.5/0.7,
// mean IoU, the Migician-only y-rescaling and its quirks), the raw score (no rescaling) and the
// image-aware score (a box in the wrong image is a miss), with Wilson 95% intervals; and the
// agreement between annotators.
#pragma once

#include "annotate/migbench_file.h"

#include <QJsonObject>
#include <QMap>

#include <array>

namespace migician::annotate {

// What the official scorer reads out of an answer text.
struct OfficialParse
{
    bool found = false;
    int boxCount = 0; // matches of the pattern that was used
    NormBox box;      // the first match, after /1000 (and rescaling when asked and allowed)
};

// Parse order: integer "(x,y),(x,y)", then "[a, b, c, d]" with decimals, "(a,b),(c,d)" with
// decimals, "[a, b, c, d]" integers, "<box>a b c d</box>". One box: values >= 1 are divided by
// 1000 and, with `migicianRescale`, y1 *= 1.05 and y2 *= 1.10, each capped at 0.999. Several
// boxes: the first is kept, only values > 1 are divided by 1000, and nothing is rescaled.
// Every computed value is rounded like Python's round(v, 3).
OfficialParse parseOfficialAnswer(const QString &answer, bool migicianRescale);

// y1 * 1.05 and y2 * 1.10, capped at 0.999, rounded to 3 decimals.
NormBox migicianRescale(const NormBox &box);

// The official IoU: corners used as given (a swapped box has no intersection), 0 when the union
// is not positive.
double officialIou(const NormBox &a, const NormBox &b);

// Python's round(v, ndigits): the correctly rounded decimal, ties to even.
double pythonRound(double value, int digits);

// Wilson score interval (95%) of k successes in n trials; {0, 1} when n == 0.
std::array<double, 2> wilsonInterval(int k, int n);

// 1-based target image of a case by the image-aware rule: region -> 1, diff -> unknown (0),
// group_grounding -> the image named in additional_info, otherwise the image named LAST in the
// question; 0 when nothing is named.
int caseTargetImage(const QString &task, const QString &question, const QString &additionalInfo);
// 1-based image a text answer puts its box in: the FIRST image it names; 0 when none.
int answerImage(const QString &answer);

struct Metrics
{
    int n = 0;      // scored cases
    int failed = 0; // cases the backend failed on: no answer, not scored (not in n)
    double acc30 = 0, acc50 = 0, acc70 = 0, miou = 0;
    // Wilson intervals of the three accuracies (per task and micro; macro has none)
    std::array<double, 2> ci30{0, 1}, ci50{0, 1}, ci70{0, 1};
};

struct ScoreSet
{
    QMap<QString, Metrics> perTask;
    Metrics macro; // mean over tasks (the paper's AVE column); n = predicted cases
    Metrics micro; // over cases
};

struct ScoreReport
{
    ScoreSet official;   // rescaled only when migicianRescale
    ScoreSet raw;        // official parse, never rescaled
    ScoreSet imageAware; // raw, but a known wrong image is a miss
};

// Scores the predicted cases; cases without a prediction are left out, failed ones are counted
// per task (Metrics::failed) and not scored.
Result<ScoreReport> scoreMigBench(const QList<BenchCase> &cases,
                                  const QList<BenchPrediction> &predictions, bool migicianRescale);

// Per-case IoUs behind a report (same order as `predictions`, failed cases left out), for tests
// and dashboards.
struct CaseScore
{
    int index = -1;
    double officialIou = 0, rawIou = 0, imageAwareIou = 0;
    int targetImage = 0, predictedImage = 0;
};
QList<CaseScore> scoreCases(const QList<BenchCase> &cases,
                            const QList<BenchPrediction> &predictions, bool migicianRescale);

// {"per_task": {TASK: {"n","failed","acc@0.3","acc@0.5","acc@0.7","miou",
//  "acc@0.5_ci": [lo,hi], ...}},
//  "macro": {...}, "micro": {...}}
QJsonObject toJson(const ScoreSet &set);
// {"official": S, "raw": S, "image_aware": S}
QJsonObject toJson(const ScoreReport &report);

// Agreement between annotators on the cases both of a pair annotated: mean IoU and Acc@0.5
// (a box in another image counts IoU 0), averaged over every pair of annotators.
struct AnnotatedBox
{
    int image = 0;
    NormBox box;
};
struct Agreement
{
    int pairs = 0;       // annotator pairs with at least one common case
    int comparisons = 0; // (pair, case) comparisons
    double meanIou = 0;
    double acc50 = 0;
};
Agreement annotatorAgreement(const QMap<QString, QMap<qint64, AnnotatedBox>> &byAnnotator);

} // namespace migician::annotate
