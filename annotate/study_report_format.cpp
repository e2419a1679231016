#include "annotate/study_report_format.h"

#include "annotate/migbench_tasks.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace migician::annotate {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("migician::annotate::StudyReport", text);
}

QString percent(double fraction, int decimals)
{
    return QString::number(fraction * 100.0, 'f', decimals);
}

QString interval(const std::array<double, 2> &ci, int decimals)
{
    return QStringLiteral("[%1, %2]").arg(percent(ci[0], decimals), percent(ci[1], decimals));
}

QString seconds(const std::optional<double> &value)
{
    return value ? QString::number(*value, 'f', 1) : QStringLiteral("-");
}

QString conditionName(StudyCondition condition)
{
    return condition == StudyCondition::Assisted ? QStringLiteral("assisted")
                                                 : QStringLiteral("blind");
}

QString kindName(StudyReportRow::Kind kind)
{
    switch (kind) {
    case StudyReportRow::Kind::Annotator:
        return QStringLiteral("annotator");
    case StudyReportRow::Kind::Humans:
        return QStringLiteral("humans");
    case StudyReportRow::Kind::Run:
        break;
    }
    return QStringLiteral("run");
}

// A plain table that both Markdown and HTML are written from.
struct Table
{
    QString caption;
    QStringList header;
    QList<QStringList> rows;
};

QString toMarkdown(const Table &table)
{
    auto line = [](QStringList cells) {
        for (QString &cell : cells)
            cell.replace(QLatin1String("|"), QLatin1String("\\|"));
        return QStringLiteral("| ") + cells.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
    };
    QString md
            = table.caption + QStringLiteral("\n\n") + line(table.header) + QStringLiteral("|---");
    md += QStringLiteral("|---:").repeated(table.header.size() - 1) + QStringLiteral("|\n");
    for (const QStringList &row : table.rows)
        md += line(row);
    return md + QLatin1Char('\n');
}

QString toHtml(const Table &table)
{
    QString html = QStringLiteral("<p><b>%1</b></p><table border=1 cellspacing=0 cellpadding=3>"
                                  "<tr>")
                           .arg(table.caption.toHtmlEscaped());
    for (const QString &cell : table.header)
        html += QStringLiteral("<th>%1</th>").arg(cell.toHtmlEscaped());
    html += QStringLiteral("</tr>");
    for (const QStringList &row : table.rows) {
        html += QStringLiteral("<tr>");
        for (int i = 0; i < row.size(); ++i)
            html += (i == 0 ? QStringLiteral("<td>%1</td>")
                            : QStringLiteral("<td align=right>%1</td>"))
                            .arg(row[i].toHtmlEscaped());
        html += QStringLiteral("</tr>");
    }
    return html + QStringLiteral("</table>");
}

QString groupsLine(const QStringList &tasks)
{
    QStringList spontaneous, referential, other;
    for (const QString &task : tasks) {
        const TaskGroup group = table1Group(task);
        (group == TaskGroup::Spontaneous   ? spontaneous
         : group == TaskGroup::Referential ? referential
                                           : other)
                << table1Column(task);
    }
    QStringList parts;
    if (!spontaneous.isEmpty())
        parts << tr("Spontaneous grounding: %1.").arg(spontaneous.join(QStringLiteral(", ")));
    if (!referential.isEmpty())
        parts << tr("Referential grounding: %1.").arg(referential.join(QStringLiteral(", ")));
    if (!other.isEmpty())
        parts << tr("Other tasks: %1.").arg(other.join(QStringLiteral(", ")));
    return parts.join(QLatin1Char(' '));
}

QStringList taskHeader(const StudyReport &report, const QString &last)
{
    QStringList header{tr("Model")};
    for (const QString &task : report.tasks)
        header << table1Column(task);
    return header << last;
}

// Table 1: Acc@0.5 (%) per task and the average over tasks (AVE), two decimals as the paper.
Table table1(const StudyReport &report)
{
    Table t{tr("Acc@0.5 (%), MIG-Bench Table 1 layout. ") + groupsLine(report.tasks),
            taskHeader(report, tr("AVE")),
            {}};
    for (const StudyReportRow &row : report.rows) {
        QStringList cells{studyRowLabel(row)};
        for (const QString &task : report.tasks) {
            const auto m = row.scores.perTask.find(task);
            cells << (m == row.scores.perTask.end() ? QStringLiteral("-") : percent(m->acc50, 2));
        }
        cells << (row.scores.macro.n > 0 ? percent(row.scores.macro.acc50, 2)
                                         : QStringLiteral("-"));
        t.rows << cells;
    }
    return t;
}

Table intervals(const StudyReport &report)
{
    Table t{tr("95% Wilson intervals of Acc@0.5 (%), and n"),
            taskHeader(report, tr("All cases")),
            {}};
    for (const StudyReportRow &row : report.rows) {
        QStringList cells{studyRowLabel(row)};
        for (const QString &task : report.tasks) {
            const auto m = row.scores.perTask.find(task);
            cells << (m == row.scores.perTask.end()
                              ? QStringLiteral("-")
                              : QStringLiteral("%1 n=%2").arg(interval(m->ci50, 1)).arg(m->n));
        }
        cells << (row.scores.micro.n == 0 ? QStringLiteral("-")
                                          : QStringLiteral("%1 n=%2")
                                                    .arg(interval(row.scores.micro.ci50, 1))
                                                    .arg(row.scores.micro.n));
        t.rows << cells;
    }
    return t;
}

Table summary(const StudyReport &report)
{
    Table t{tr("Per row, over all its cases (a skipped case counts as a miss)"),
            {tr("Model"), tr("assigned"), tr("n"), tr("skipped"), tr("skip rate (%)"),
             tr("median s/case"), tr("Acc@0.3"), tr("Acc@0.5"), tr("Acc@0.7"), tr("mean IoU"),
             tr("AVE")},
            {}};
    for (const StudyReportRow &row : report.rows) {
        const Metrics &m = row.scores.micro;
        const bool none = m.n == 0; // nothing answered yet: no accuracy to state
        auto value = [none](const QString &text) {
            return none ? QStringLiteral("-") : text;
        };
        t.rows << QStringList{studyRowLabel(row),
                              QString::number(row.assigned),
                              QString::number(m.n),
                              QString::number(row.skipped),
                              value(percent(row.skipRate(), 1)),
                              seconds(row.medianSeconds),
                              value(percent(m.acc30, 1)),
                              value(percent(m.acc50, 1)),
                              value(percent(m.acc70, 1)),
                              value(QString::number(m.miou, 'f', 3)),
                              value(percent(row.scores.macro.acc50, 1))};
    }
    return t;
}

Table perTaskDetail(const StudyReport &report)
{
    Table t{tr("Per task"),
            {tr("Model"), tr("Task"), tr("n"), tr("Acc@0.3"), tr("Acc@0.5 [95%]"), tr("Acc@0.7"),
             tr("mean IoU")},
            {}};
    for (const StudyReportRow &row : report.rows)
        for (const QString &task : report.tasks) {
            const auto m = row.scores.perTask.find(task);
            if (m == row.scores.perTask.end())
                continue;
            t.rows << QStringList{
                    studyRowLabel(row),
                    table1Column(task),
                    QString::number(m->n),
                    percent(m->acc30, 1),
                    QStringLiteral("%1 %2").arg(percent(m->acc50, 1), interval(m->ci50, 1)),
                    percent(m->acc70, 1),
                    QString::number(m->miou, 'f', 3)};
        }
    return t;
}

Table agreement(const StudyReport &report)
{
    Table t{tr("Agreement between annotators on the cases both answered"),
            {tr("Annotators"), tr("common cases"), tr("mean IoU"), tr("Acc@0.5 (%)")},
            {}};
    for (const PairAgreement &pair : report.pairs)
        t.rows << QStringList{QStringLiteral("%1 / %2").arg(pair.first, pair.second),
                              QString::number(pair.common), QString::number(pair.meanIou, 'f', 3),
                              percent(pair.acc50, 1)};
    return t;
}

QString studyLine(const StudyReport &report)
{
    const StudyInfo &s = report.study;
    QString line = tr("Study \"%1\": %2, %3 cases")
                           .arg(s.name, conditionName(s.condition))
                           .arg(report.cases);
    if (s.casesPerTask > 0)
        line += tr(" (%1 per task)").arg(s.casesPerTask);
    line += tr(", seed %1").arg(s.seed);
    if (s.condition == StudyCondition::Assisted)
        line += tr(", suggestions of run #%1").arg(s.runId);
    if (!s.annotators.isEmpty())
        line += tr(", annotators %1 with %2 per case")
                        .arg(s.annotators.join(QStringLiteral(", ")))
                        .arg(s.overlap);
    return line + QLatin1Char('.');
}

} // namespace

QString studyRowLabel(const StudyReportRow &row)
{
    switch (row.kind) {
    case StudyReportRow::Kind::Annotator:
        return row.name;
    case StudyReportRow::Kind::Humans:
        return tr("Human (all annotators)");
    case StudyReportRow::Kind::Run:
        break;
    }
    return tr("Run #%1 (%2)").arg(row.runId).arg(row.backend);
}

QJsonObject studyReportJson(const StudyReport &report)
{
    const StudyInfo &s = report.study;
    QJsonObject columns;
    for (const QString &task : report.tasks)
        columns.insert(task, table1Column(task));
    QJsonArray rows;
    for (const StudyReportRow &row : report.rows) {
        QJsonObject object = toJson(row.scores);
        object.insert(QStringLiteral("kind"), kindName(row.kind));
        object.insert(QStringLiteral("name"), row.name);
        object.insert(QStringLiteral("label"), studyRowLabel(row));
        if (row.kind == StudyReportRow::Kind::Run) {
            object.insert(QStringLiteral("run_id"), row.runId);
            object.insert(QStringLiteral("backend"), row.backend);
        }
        object.insert(QStringLiteral("assigned"), row.assigned);
        object.insert(QStringLiteral("responses"), row.responses);
        object.insert(QStringLiteral("skipped"), row.skipped);
        object.insert(QStringLiteral("skip_rate"), row.skipRate());
        object.insert(QStringLiteral("median_seconds"),
                      row.medianSeconds ? QJsonValue(*row.medianSeconds) : QJsonValue());
        object.insert(QStringLiteral("image_aware"), toJson(row.imageAware));
        rows.append(object);
    }
    QJsonArray pairs;
    for (const PairAgreement &pair : report.pairs)
        pairs.append(
                QJsonObject{{QStringLiteral("annotators"), QJsonArray{pair.first, pair.second}},
                            {QStringLiteral("cases"), pair.common},
                            {QStringLiteral("mean_iou"), pair.meanIou},
                            {QStringLiteral("acc@0.5"), pair.acc50}});
    return QJsonObject{
            {QStringLiteral("study"),
             QJsonObject{{QStringLiteral("id"), s.id},
                         {QStringLiteral("uid"), s.uid},
                         {QStringLiteral("name"), s.name},
                         {QStringLiteral("condition"), conditionName(s.condition)},
                         {QStringLiteral("assist_run"),
                          s.runId > 0 ? QJsonValue(s.runId) : QJsonValue()},
                         {QStringLiteral("seed"), qint64(s.seed)},
                         {QStringLiteral("cases_per_task"), s.casesPerTask},
                         {QStringLiteral("overlap"), s.overlap},
                         {QStringLiteral("annotators"), QJsonArray::fromStringList(s.annotators)},
                         {QStringLiteral("cases"), report.cases}}},
            {QStringLiteral("tasks"), QJsonArray::fromStringList(report.tasks)},
            {QStringLiteral("columns"), columns},
            {QStringLiteral("rows"), rows},
            {QStringLiteral("agreement"),
             QJsonObject{{QStringLiteral("pairs"), pairs},
                         {QStringLiteral("comparisons"), report.agreement.comparisons},
                         {QStringLiteral("mean_iou"), report.agreement.meanIou},
                         {QStringLiteral("acc@0.5"), report.agreement.acc50}}},
            {QStringLiteral("rules"),
             QStringLiteral("A skipped case counts as a miss (IoU 0). Human boxes are scored raw; "
                            "runs with the official scorer on the study's cases they predicted.")}};
}

QString studyReportCsv(const StudyReport &report)
{
    auto quote = [](QString cell) {
        if (cell.contains(QLatin1Char(',')) || cell.contains(QLatin1Char('"'))
            || cell.contains(QLatin1Char('\n')))
            cell = QLatin1Char('"') + cell.replace(QLatin1String("\""), QLatin1String("\"\""))
                   + QLatin1Char('"');
        return cell;
    };
    auto number = [](double v) {
        return QString::number(v, 'g', 10);
    };
    QString csv = QStringLiteral(
            "row_kind,row,run_id,task,column,n,acc@0.5,acc@0.5_low,acc@0.5_high,acc@0.3,"
            "acc@0.3_low,acc@0.3_high,acc@0.7,acc@0.7_low,acc@0.7_high,mean_iou,assigned,"
            "responses,skipped,skip_rate,median_seconds\n");
    for (const StudyReportRow &row : report.rows) {
        auto line = [&](const QString &task, const QString &column, const Metrics &m,
                        bool withIntervals) {
            auto ci = [&](const std::array<double, 2> &c) {
                return withIntervals ? number(c[0]) + QLatin1Char(',') + number(c[1])
                                     : QStringLiteral(",");
            };
            csv += QStringList{kindName(row.kind),
                               quote(row.name),
                               row.kind == StudyReportRow::Kind::Run ? QString::number(row.runId)
                                                                     : QString(),
                               quote(task),
                               quote(column),
                               QString::number(m.n),
                               number(m.acc50),
                               ci(m.ci50),
                               number(m.acc30),
                               ci(m.ci30),
                               number(m.acc70),
                               ci(m.ci70),
                               number(m.miou),
                               QString::number(row.assigned),
                               QString::number(row.responses),
                               QString::number(row.skipped),
                               number(row.skipRate()),
                               row.medianSeconds ? number(*row.medianSeconds) : QString()}
                           .join(QLatin1Char(','))
                   + QLatin1Char('\n');
        };
        for (const QString &task : report.tasks) {
            const auto m = row.scores.perTask.find(task);
            if (m != row.scores.perTask.end())
                line(task, table1Column(task), *m, true);
        }
        line(QStringLiteral("AVE"), QStringLiteral("AVE"), row.scores.macro, false);
        line(QStringLiteral("ALL"), QStringLiteral("ALL"), row.scores.micro, true);
    }
    return csv;
}

QString studyReportMarkdown(const StudyReport &report)
{
    QString md = QStringLiteral("### %1\n\n").arg(studyLine(report));
    md += toMarkdown(table1(report));
    md += toMarkdown(intervals(report));
    md += toMarkdown(summary(report));
    md += toMarkdown(perTaskDetail(report));
    if (!report.pairs.isEmpty())
        md += toMarkdown(agreement(report));
    return md;
}

QString studyReportHtml(const StudyReport &report)
{
    QString html
            = QStringLiteral("<h2>%1</h2><p>%2</p>")
                      .arg(report.study.name.toHtmlEscaped(), studyLine(report).toHtmlEscaped());
    const StudyReportRow &humans = report.humans();
    html += QStringLiteral("<p>")
            + tr("%1 responses, %2 skipped (skip rate %3%); median active time per case %4 s.")
                      .arg(humans.responses)
                      .arg(humans.skipped)
                      .arg(percent(humans.skipRate(), 1), seconds(humans.medianSeconds))
            + QStringLiteral("</p>");
    html += toHtml(table1(report)) + toHtml(intervals(report)) + toHtml(summary(report));
    html += report.pairs.isEmpty()
                    ? QStringLiteral("<p>%1</p>")
                              .arg(tr("Agreement between annotators: needs two annotators on "
                                      "common cases."))
                    : toHtml(agreement(report));
    html += toHtml(perTaskDetail(report));
    return html;
}

} // namespace migician::annotate
