#include "annotate/study_report.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace migician::annotate {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("migician::annotate::StudyReport", text);
}

QString percent(double fraction)
{
    return QString::number(fraction * 100.0, 'f', 1);
}

QString interval(const std::array<double, 2> &ci)
{
    return QStringLiteral("[%1, %2]").arg(percent(ci[0]), percent(ci[1]));
}

} // namespace

Result<QList<StudyInfo>> listStudies(const ProjectStore &store)
{
    QSqlQuery query(store.database());
    if (!query.exec(QStringLiteral("SELECT id, name, condition, run_id FROM studies ORDER BY id")))
        return Result<QList<StudyInfo>>::failure(
                QStringLiteral("%1: cannot list studies: %2")
                        .arg(store.fileName(), query.lastError().text()));
    QList<StudyInfo> studies;
    while (query.next()) {
        StudyInfo info;
        info.id = query.value(0).toLongLong();
        info.name = query.value(1).toString();
        info.condition = query.value(2).toString() == QLatin1String("assisted")
                                 ? StudyCondition::Assisted
                                 : StudyCondition::Blind;
        info.runId = query.value(3).toLongLong();
        studies << info;
    }
    return studies;
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
    using R = Result<StudyReport>;
    StudyReport report;
    const auto studies = listStudies(store);
    if (!studies)
        return studies.status();
    const auto found = std::find_if(studies->begin(), studies->end(),
                                    [&](const StudyInfo &s) { return s.id == studyId; });
    if (found == studies->end())
        return R::failure(QStringLiteral("%1: no study %2").arg(store.fileName()).arg(studyId));
    report.study = *found;
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
    }

    const auto responses = studyResponses(store, studyId);
    if (!responses)
        return responses.status();
    // The scorer takes one prediction per case: each response is scored against its own
    // single-case list, then the per-case results are pooled.
    QList<BenchCase> pooledCases;
    QList<BenchPrediction> pooled;
    QList<double> seconds;
    QMap<QString, QMap<qint64, AnnotatedBox>> byAnnotator;
    for (const StudyResponse &r : *responses) {
        if (!position.contains(r.caseId))
            continue;
        ++report.responses;
        if (!report.annotators.contains(r.annotator))
            report.annotators << r.annotator;
        seconds << r.activeMs / 1000.0;
        BenchPrediction p;
        p.index = int(pooledCases.size());
        pooledCases << cases[position.value(r.caseId)];
        if (r.skipped) {
            ++report.skipped;
            p.answer = QString(); // no box: IoU 0
        } else {
            p.box = r.box;
            p.image = r.image;
            byAnnotator[r.annotator].insert(r.caseId, AnnotatedBox{r.image, r.box});
        }
        pooled << p;
    }
    if (!seconds.isEmpty()) {
        double total = 0;
        for (const double s : seconds)
            total += s;
        report.meanSecondsPerCase = total / seconds.size();
        std::sort(seconds.begin(), seconds.end());
        const int n = int(seconds.size());
        report.medianSecondsPerCase
                = n % 2 ? seconds[n / 2] : (seconds[n / 2 - 1] + seconds[n / 2]) / 2;
    }
    const auto humans = scoreMigBench(pooledCases, pooled, false);
    if (!humans)
        return humans.status();
    report.humans = humans->raw;
    report.humansImageAware = humans->imageAware;
    report.humanCases = scoreCases(pooledCases, pooled, false);
    report.agreement = annotatorAgreement(byAnnotator);

    // Every run with predictions on these cases, scored on them (latest prediction per case).
    QMap<qint64, QMap<int, PredictionInfo>> byRun;
    for (auto it = position.begin(); it != position.end(); ++it) {
        const auto predictions = store.predictionsForCase(it.key());
        if (!predictions)
            return predictions.status();
        for (const PredictionInfo &p : *predictions)
            if (p.runId > 0)
                byRun[p.runId].insert(it.value(), p);
    }
    for (auto it = byRun.begin(); it != byRun.end(); ++it) {
        const auto run = store.run(it.key());
        if (!run)
            return run.status();
        QList<BenchPrediction> predictions;
        for (auto p = it->begin(); p != it->end(); ++p) {
            BenchPrediction prediction;
            prediction.index = p.key();
            prediction.answer = p->rawAnswer;
            prediction.image = p->boxes.isEmpty() ? 0 : p->boxes.first().image;
            predictions << prediction;
        }
        const bool rescale = run->backend == QLatin1String("migician");
        const auto scored = scoreMigBench(cases, predictions, rescale);
        if (!scored)
            return scored.status();
        report.runs << StudyReport::RunScore{*run, scored->official, int(predictions.size())};
    }
    return report;
}

QString studyReportHtml(const StudyReport &report)
{
    QString html = QStringLiteral("<h2>%1</h2>").arg(report.study.name.toHtmlEscaped());
    html += QStringLiteral("<p>")
            + tr("%1 cases, %2 responses by %3 annotator(s), %4 skipped.")
                      .arg(report.cases)
                      .arg(report.responses)
                      .arg(report.annotators.size())
                      .arg(report.skipped)
            + QStringLiteral("<br>")
            + tr("Active time per case: mean %1 s, median %2 s.")
                      .arg(report.meanSecondsPerCase, 0, 'f', 1)
                      .arg(report.medianSecondsPerCase, 0, 'f', 1)
            + QStringLiteral("</p>");
    html += QStringLiteral("<table border=1 cellspacing=0 cellpadding=3><tr><th>%1</th><th>n</th>"
                           "<th>%2</th><th>%3</th><th>%4</th></tr>")
                    .arg(tr("Task"), tr("Acc@0.5 (%)"), tr("95% interval"), tr("mean IoU"));
    auto row = [&](const QString &name, const Metrics &m, bool withInterval) {
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td></tr>")
                        .arg(name.toHtmlEscaped())
                        .arg(m.n)
                        .arg(percent(m.acc50), withInterval ? interval(m.ci50) : QString(),
                             QString::number(m.miou, 'f', 3));
    };
    for (auto it = report.humans.perTask.begin(); it != report.humans.perTask.end(); ++it)
        row(it.key(), *it, true);
    row(tr("average over tasks"), report.humans.macro, false);
    row(tr("all cases"), report.humans.micro, true);
    html += QStringLiteral("</table>");
    html += QStringLiteral("<p>")
            + tr("Image-aware Acc@0.5 (a box in the wrong image is a miss): %1%.")
                      .arg(percent(report.humansImageAware.micro.acc50))
            + QStringLiteral("<br>")
            + (report.agreement.pairs > 0
                       ? tr("Agreement between annotators: mean IoU %1, Acc@0.5 %2% over %3 "
                            "comparisons.")
                                 .arg(report.agreement.meanIou, 0, 'f', 3)
                                 .arg(percent(report.agreement.acc50))
                                 .arg(report.agreement.comparisons)
                       : tr("Agreement between annotators: needs two annotators on common cases."))
            + QStringLiteral("</p>");
    if (!report.runs.isEmpty()) {
        html += QStringLiteral("<h3>%1</h3><table border=1 cellspacing=0 cellpadding=3>"
                               "<tr><th>%2</th><th>n</th><th>%3</th><th>%4</th></tr>")
                        .arg(tr("Model runs on the same cases"), tr("Run"), tr("Acc@0.5 (%)"),
                             tr("95% interval"));
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td></tr>")
                        .arg(tr("Humans"))
                        .arg(report.humans.micro.n)
                        .arg(percent(report.humans.micro.acc50),
                             interval(report.humans.micro.ci50));
        for (const auto &run : report.runs)
            html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td></tr>")
                            .arg(QStringLiteral("#%1 %2").arg(run.run.id).arg(run.run.backend))
                            .arg(run.scores.micro.n)
                            .arg(percent(run.scores.micro.acc50), interval(run.scores.micro.ci50));
        html += QStringLiteral("</table>");
    }
    return html;
}

QString studyReportMarkdown(const StudyReport &report)
{
    QString md = QStringLiteral("| %1 | n | %2 | %3 | %4 |\n|---|---|---|---|---|\n")
                         .arg(tr("Task"), tr("Acc@0.5 (%)"), tr("95% interval"), tr("mean IoU"));
    for (auto it = report.humans.perTask.begin(); it != report.humans.perTask.end(); ++it)
        md += QStringLiteral("| %1 | %2 | %3 | %4 | %5 |\n")
                      .arg(it.key())
                      .arg(it->n)
                      .arg(percent(it->acc50), interval(it->ci50),
                           QString::number(it->miou, 'f', 3));
    return md;
}

} // namespace migician::annotate
