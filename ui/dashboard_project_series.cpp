#include "ui/dashboard_project_series.h"

#include "annotate/review_queue.h"
#include "annotate/study_report.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace migician::ui {

using namespace migician::annotate;

Result<DashboardSeries> seriesFromRun(const ProjectStore &store, qint64 runId)
{
    const auto run = store.run(runId);
    if (!run)
        return run.status();
    const auto cases = store.listCases();
    if (!cases)
        return cases.status();
    QList<BenchCase> bench;
    QList<BenchPrediction> predictions;
    QList<double> seconds;
    for (const CaseSummary &summary : *cases) {
        const auto stored = store.predictionsForCase(summary.id);
        if (!stored)
            return stored.status();
        const PredictionInfo *latest = nullptr;
        for (const PredictionInfo &p : *stored)
            if (p.runId == runId && (!latest || p.id > latest->id))
                latest = &p;
        if (!latest)
            continue;
        const auto info = store.caseById(summary.id);
        if (!info)
            return info.status();
        if (!info->groundTruth)
            continue; // nothing to score against
        BenchPrediction prediction;
        prediction.index = int(bench.size());
        prediction.answer = latest->rawAnswer;
        prediction.image = latest->boxes.isEmpty() ? 0 : latest->boxes.first().image;
        bench << toBenchCase(*info);
        predictions << prediction;
        seconds << latest->latencyMs.value_or(0) / 1000.0;
    }
    const QString name = QCoreApplication::translate("migician::ui::DashboardWindow", "Run %1: %2")
                                 .arg(runId)
                                 .arg(run->backend);
    return seriesFromPredictions(name, DashboardSeries::Kind::Model, bench, predictions, seconds,
                                 run->backend == QLatin1String("migician"));
}

Result<QList<DashboardSeries>> projectSeries(const ProjectStore &store)
{
    QList<DashboardSeries> series;
    const auto runs = runsWithCasePredictions(store);
    if (!runs)
        return runs.status();
    for (const RunInfo &run : *runs) {
        const QJsonObject parameters
                = QJsonDocument::fromJson(run.parametersJson.toUtf8()).object();
        if (!parameters.contains(QLatin1String("evaluation")))
            continue; // a single interactive query, not an evaluation
        const auto s = seriesFromRun(store, run.id);
        if (!s)
            return s.status();
        series << *s;
    }
    const auto studies = listStudies(store);
    if (!studies)
        return studies.status();
    for (const StudyInfo &study : *studies) {
        const auto s = studySeries(store, study.id);
        if (!s)
            return s.status();
        series << *s;
    }
    return series;
}

} // namespace migician::ui
