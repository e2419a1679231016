// The ten MIG-Bench tasks in the column order of Table 1 of the Migician paper (arXiv
// 2501.05767), with the paper's column headings and groups: spontaneous grounding (the model
// finds the target by itself: static difference, robust difference, common object) and
// referential grounding (the target is named by a visual or textual reference). Reports that
// have "Table 1's layout" order their task columns with table1Order().
#pragma once

#include <QStringList>

namespace migician::annotate {

enum class TaskGroup { Spontaneous, Referential, Other };

// `tasks` with the MIG-Bench tasks first in Table 1 order, then any others sorted by name.
QStringList table1Order(const QStringList &tasks);

// The paper's column heading of a task ("Static Diff", "OT", "Co-Re", ...); other tasks keep
// their name.
QString table1Column(const QString &task);

TaskGroup table1Group(const QString &task);

} // namespace migician::annotate
