// A study report (annotate/study_report.h) written out: JSON and CSV for analysis, Markdown in
// the layout of MIG-Bench Table 1 (rows = annotators, humans pooled and runs; columns = tasks in
// the paper's order, then AVE) to paste into a paper, and HTML for the workbench. All four read
// the same StudyReport, so they cannot disagree.
#pragma once

#include "annotate/study_report.h"

#include <QJsonObject>

namespace migician::annotate {

// {"study": {...}, "tasks": [...], "columns": {task: heading}, "rows": [{"kind", "name",
//  "run_id", "backend", "assigned", "responses", "skipped", "skip_rate", "median_seconds",
//  "per_task", "macro", "micro", "image_aware"}], "agreement": {"pairs": [...], ...}}
// per_task / macro / micro as toJson(ScoreSet): n, acc@0.3/0.5/0.7 (fractions), miou, and
// Wilson intervals "acc@0.5_ci": [low, high].
QJsonObject studyReportJson(const StudyReport &report);

// One line per (row, task), then "AVE" (macro) and "ALL" (every case) per row.
QString studyReportCsv(const StudyReport &report);

QString studyReportMarkdown(const StudyReport &report);
QString studyReportHtml(const StudyReport &report);

// The row's name as the tables show it ("Human (all annotators)", "Run #3 (opencv)", ...).
QString studyRowLabel(const StudyReportRow &row);

} // namespace migician::annotate
