#include "ui/dashboard_data.h"

#include "annotate/study_report.h"
#include "annotate/study_report_format.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace migician::ui {

using namespace migician::annotate;

namespace {

QStringList allTasks(const QList<DashboardSeries> &series)
{
    QSet<QString> tasks;
    for (const DashboardSeries &s : series)
        for (auto it = s.scores.perTask.begin(); it != s.scores.perTask.end(); ++it)
            tasks.insert(it.key());
    QStringList sorted(tasks.begin(), tasks.end());
    sorted.sort();
    return sorted;
}

QList<QStringList> table1Rows(const QList<DashboardSeries> &series)
{
    const QStringList tasks = allTasks(series);
    QList<QStringList> rows;
    QStringList header{QStringLiteral("series")};
    header << tasks << QStringLiteral("average");
    rows << header;
    for (const DashboardSeries &s : series) {
        QStringList row{s.name};
        for (const QString &task : tasks)
            row << (s.scores.perTask.contains(task)
                            ? QString::number(s.scores.perTask.value(task).acc50 * 100, 'f', 2)
                            : QString());
        row << QString::number(s.scores.macro.acc50 * 100, 'f', 2);
        rows << row;
    }
    return rows;
}

} // namespace

DashboardSeries seriesFromPredictions(const QString &name, DashboardSeries::Kind kind,
                                      const QList<BenchCase> &cases,
                                      const QList<BenchPrediction> &predictions,
                                      const QList<double> &seconds, bool migicianRescale)
{
    DashboardSeries series;
    series.name = name;
    series.kind = kind;
    const auto report = scoreMigBench(cases, predictions, migicianRescale);
    if (report)
        series.scores = kind == DashboardSeries::Kind::Model ? report->official : report->raw;
    for (const CaseScore &score : scoreCases(cases, predictions, migicianRescale))
        series.ious << (kind == DashboardSeries::Kind::Model ? score.officialIou : score.rawIou);
    series.seconds = seconds;
    return series;
}

Result<DashboardSeries> seriesFromResults(const QString &name, const QString &resultsFile,
                                          const QList<BenchCase> &cases)
{
    QFile file(resultsFile);
    if (!file.open(QIODevice::ReadOnly))
        return Result<DashboardSeries>::failure(
                QStringLiteral("%1: cannot open: %2").arg(resultsFile, file.errorString()));
    const QJsonObject results = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonValue list = results.value(QLatin1String("predictions"));
    if (!list.isArray())
        return Result<DashboardSeries>::failure(
                QStringLiteral("%1: not a migician eval results file (no 'predictions' list)")
                        .arg(resultsFile));
    const auto predictions = parsePredictions(QJsonDocument(list.toArray()).toJson(), resultsFile,
                                              int(cases.size()));
    if (!predictions)
        return predictions.status();
    QList<double> seconds;
    for (const QJsonValue &p : list.toArray())
        seconds << p.toObject().value(QLatin1String("seconds")).toDouble();
    return seriesFromPredictions(name, DashboardSeries::Kind::Model, cases, *predictions, seconds,
                                 results.value(QLatin1String("migician_rescale")).toBool());
}

namespace {

DashboardSeries::Kind humanKind(const StudyInfo &study)
{
    return study.condition == StudyCondition::Assisted ? DashboardSeries::Kind::AssistedHuman
                                                       : DashboardSeries::Kind::Human;
}

DashboardSeries pooledHumans(const StudyReport &report)
{
    DashboardSeries series;
    series.name = report.study.name;
    series.kind = humanKind(report.study);
    series.scores = report.humans().scores;
    for (const CaseScore &score : report.humanCases)
        series.ious << score.rawIou;
    series.seconds = report.humanSeconds;
    series.studyId = report.study.id;
    return series;
}

} // namespace

Result<DashboardSeries> seriesFromStudy(const ProjectStore &store, qint64 studyId)
{
    const auto report = studyReport(store, studyId);
    if (!report)
        return report.status();
    return pooledHumans(*report);
}

Result<QList<DashboardSeries>> studySeries(const ProjectStore &store, qint64 studyId)
{
    const auto report = studyReport(store, studyId);
    if (!report)
        return report.status();
    QList<DashboardSeries> series{pooledHumans(*report)};
    for (const StudyReportRow &row : report->runs()) {
        DashboardSeries run;
        run.name = QCoreApplication::translate("migician::ui::DashboardWindow", "%1: %2")
                           .arg(report->study.name, studyRowLabel(row));
        run.kind = DashboardSeries::Kind::Model;
        run.scores = row.scores;
        run.studyId = studyId;
        series << run;
    }
    return series;
}

double accuracyAt(const QList<double> &ious, double threshold)
{
    if (ious.isEmpty())
        return 0;
    int hits = 0;
    for (const double iou : ious)
        hits += iou >= threshold ? 1 : 0;
    return double(hits) / ious.size();
}

QString table1Csv(const QList<DashboardSeries> &series)
{
    QString csv;
    for (const QStringList &row : table1Rows(series)) {
        QStringList quoted;
        for (QString cell : row) {
            if (cell.contains(QLatin1Char(',')) || cell.contains(QLatin1Char('"')))
                cell = QLatin1Char('"') + cell.replace(QLatin1String("\""), QLatin1String("\"\""))
                       + QLatin1Char('"');
            quoted << cell;
        }
        csv += quoted.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return csv;
}

QString table1Markdown(const QList<DashboardSeries> &series)
{
    const QList<QStringList> rows = table1Rows(series);
    QString md;
    for (int i = 0; i < rows.size(); ++i) {
        QStringList escaped;
        for (QString cell : rows[i])
            escaped << cell.replace(QLatin1String("|"), QLatin1String("\\|"));
        md += QStringLiteral("| ") + escaped.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
        if (i == 0)
            md += QStringLiteral("|") + QStringLiteral("---|").repeated(rows[i].size())
                  + QLatin1Char('\n');
    }
    return md;
}

} // namespace migician::ui
