#include "annotate/study_report.h"

#include "annotate/migbench_tasks.h"
#include "annotate/store_sql.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

#include <algorithm>

namespace migician::annotate {

namespace {

std::optional<double> median(QList<double> values)
{
    if (values.isEmpty())
        return std::nullopt;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// One row's predictions over the study's cases: each response (or run answer) is one
// prediction of its own entry in `cases`, since an annotator row and the pooled row may hold
// the same case more than once.
struct RowInput
{
    QList<BenchCase> cases;
    QList<BenchPrediction> predictions;
    QList<double> seconds;
    int skipped = 0;
};

Status scoreRow(StudyReportRow &row, const RowInput &input, bool rescale)
{
    const auto scored = scoreMigBench(input.cases, input.predictions, rescale);
    if (!scored)
        return scored.status();
    row.scores = row.kind == StudyReportRow::Kind::Run ? scored->official : scored->raw;
    row.imageAware = scored->imageAware;
    row.responses = int(input.predictions.size());
    row.skipped = input.skipped;
    row.medianSeconds = median(input.seconds);
    return {};
}

void addResponse(RowInput &input, const BenchCase &benchCase, const StudyResponse &r)
{
    BenchPrediction p;
    p.index = int(input.cases.size());
    input.cases << benchCase;
    if (r.skipped) {
        ++input.skipped;
        p.answer = QString(); // no box: IoU 0
    } else {
        p.box = r.box;
        p.image = r.image;
    }
    input.predictions << p;
    input.seconds << r.activeMs / 1000.0;
}

// Evaluation runs (made by batch evaluation) and the study's assist run; a single query asked
// in the workbench is not a run to compare humans with.
bool isReportedRun(const RunInfo &run, const StudyInfo &study)
{
    if (run.id == study.runId)
        return true;
    const QJsonObject parameters = QJsonDocument::fromJson(run.parametersJson.toUtf8()).object();
    return parameters.contains(QLatin1String("evaluation"));
}

QList<PairAgreement> pairwise(const QMap<QString, QMap<qint64, AnnotatedBox>> &byAnnotator)
{
    QList<PairAgreement> pairs;
    const QStringList names = byAnnotator.keys();
    for (int i = 0; i < names.size(); ++i)
        for (int j = i + 1; j < names.size(); ++j) {
            const Agreement a = annotatorAgreement(
                    {{names[i], byAnnotator[names[i]]}, {names[j], byAnnotator[names[j]]}});
            if (a.comparisons > 0)
                pairs << PairAgreement{names[i], names[j], a.comparisons, a.meanIou, a.acc50};
        }
    return pairs;
}

} // namespace

const StudyReportRow &StudyReport::humans() const
{
    for (const StudyReportRow &row : rows)
        if (row.kind == StudyReportRow::Kind::Humans)
            return row;
    static const StudyReportRow none;
    return none;
}

QList<StudyReportRow> StudyReport::runs() const
{
    QList<StudyReportRow> found;
    for (const StudyReportRow &row : rows)
        if (row.kind == StudyReportRow::Kind::Run)
            found << row;
    return found;
}

BenchCase toBenchCase(const CaseInfo &info)
{
    BenchCase c;
    c.task = info.task;
    for (const ImageInfo &image : info.images)
        c.images << image.relativePath;
    c.question = info.question;
    c.answer = info.groundTruth.value_or(NormBox{});
    c.additionalInfo = info.additionalInfo;
    c.needFormat = info.needFormat;
    return c;
}

Result<StudyReport> studyReport(const ProjectStore &store, qint64 studyId)
{
    StudyReport report;
    const auto study = studyById(store, studyId);
    if (!study)
        return study.status();
    report.study = *study;
    const auto caseIds = studyCases(store, studyId);
    if (!caseIds)
        return caseIds.status();
    report.cases = int(caseIds->size());

    QList<BenchCase> cases;
    QMap<qint64, int> position; // case id -> index into `cases`
    for (const qint64 id : *caseIds) {
        const auto info = store.caseById(id);
        if (!info)
            return info.status();
        position.insert(id, int(cases.size()));
        cases << toBenchCase(*info);
        if (!report.tasks.contains(info->task))
            report.tasks << info->task;
    }
    report.tasks = table1Order(report.tasks);

    // Humans: one row per annotator (every participant, even one who has not answered yet),
    // then all of them pooled.
    const auto progress = studyProgress(store, studyId);
    if (!progress)
        return progress.status();
    const auto responses = studyResponses(store, studyId);
    if (!responses)
        return responses.status();
    QMap<QString, RowInput> perAnnotator;
    QMap<QString, int> assigned;
    for (const AnnotatorProgress &p : *progress) {
        perAnnotator.insert(p.annotator, {});
        assigned.insert(p.annotator, p.assigned);
    }
    RowInput pooled;
    QMap<QString, QMap<qint64, AnnotatedBox>> boxes;
    for (const StudyResponse &r : *responses) {
        if (!position.contains(r.caseId))
            continue;
        const BenchCase &benchCase = cases[position.value(r.caseId)];
        addResponse(perAnnotator[r.annotator], benchCase, r);
        addResponse(pooled, benchCase, r);
        if (!r.skipped)
            boxes[r.annotator].insert(r.caseId, AnnotatedBox{r.image, r.box});
    }
    int assignedTotal = 0;
    for (auto it = perAnnotator.begin(); it != perAnnotator.end(); ++it) {
        StudyReportRow row;
        row.kind = StudyReportRow::Kind::Annotator;
        row.name = it.key();
        row.assigned = assigned.value(it.key());
        assignedTotal += row.assigned;
        if (Status s = scoreRow(row, *it, false); !s)
            return s;
        report.rows << row;
    }
    StudyReportRow humans;
    humans.kind = StudyReportRow::Kind::Humans;
    humans.name = QStringLiteral("Humans");
    humans.assigned = assignedTotal;
    if (Status s = scoreRow(humans, pooled, false); !s)
        return s;
    report.rows << humans;
    report.humanCases = scoreCases(pooled.cases, pooled.predictions, false);
    report.humanSeconds = pooled.seconds;
    if (!pooled.seconds.isEmpty()) {
        double total = 0;
        for (const double s : pooled.seconds)
            total += s;
        report.meanSecondsPerCase = total / double(pooled.seconds.size());
    }
    report.agreement = annotatorAgreement(boxes);
    report.pairs = pairwise(boxes);

    // Runs on the same cases: the latest prediction of each run per case.
    QMap<qint64, QMap<qint64, PredictionInfo>> byRun; // run -> case id -> prediction
    for (const qint64 id : *caseIds) {
        const auto predictions = store.predictionsForCase(id);
        if (!predictions)
            return predictions.status();
        for (const PredictionInfo &p : *predictions) {
            if (p.runId <= 0)
                continue;
            auto &latest = byRun[p.runId];
            if (!latest.contains(id) || latest[id].id < p.id)
                latest.insert(id, p);
        }
    }
    for (auto it = byRun.begin(); it != byRun.end(); ++it) {
        const auto run = store.run(it.key());
        if (!run)
            return run.status();
        if (!isReportedRun(*run, report.study))
            continue;
        RowInput input;
        for (auto p = it->begin(); p != it->end(); ++p) {
            BenchPrediction prediction;
            prediction.index = int(input.cases.size());
            input.cases << cases[position.value(p.key())];
            prediction.answer = p->rawAnswer;
            prediction.image = p->boxes.isEmpty() ? 0 : p->boxes.first().image;
            input.predictions << prediction;
            if (p->latencyMs)
                input.seconds << *p->latencyMs / 1000.0;
        }
        StudyReportRow row;
        row.kind = StudyReportRow::Kind::Run;
        row.runId = run->id;
        row.backend = run->backend;
        row.name = QStringLiteral("Run #%1").arg(run->id);
        row.assigned = report.cases;
        if (Status s = scoreRow(row, input, run->backend == QLatin1String("migician")); !s)
            return s;
        report.rows << row;
    }
    return report;
}

} // namespace migician::annotate
