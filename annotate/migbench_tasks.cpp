#include "annotate/migbench_tasks.h"

#include <algorithm>
#include <array>

namespace migician::annotate {

namespace {

struct Table1Task
{
    const char *task;   // the "task" field of MIG_data.json
    const char *column; // the paper's column heading
    TaskGroup group;
};

// Table 1, left to right: difference (static, robust) and similarity (common) under
// spontaneous grounding; visual reference (OT, MV, Region, Refer), textual (GG) and
// visual+textual (Reason, Co-Re) under referential grounding.
constexpr std::array<Table1Task, 10> kTable1{{
        {"diff", "Static Diff", TaskGroup::Spontaneous},
        {"view_diff", "Robust Diff", TaskGroup::Spontaneous},
        {"common_object", "Common", TaskGroup::Spontaneous},
        {"object_tracking", "OT", TaskGroup::Referential},
        {"multi_view", "MV", TaskGroup::Referential},
        {"region", "Region", TaskGroup::Referential},
        {"refer_grounding", "Refer", TaskGroup::Referential},
        {"group_grounding", "GG", TaskGroup::Referential},
        {"reasoning", "Reason", TaskGroup::Referential},
        {"correspondence", "Co-Re", TaskGroup::Referential},
}};

int table1Position(const QString &task)
{
    for (std::size_t i = 0; i < kTable1.size(); ++i)
        if (task == QLatin1String(kTable1[i].task))
            return int(i);
    return -1;
}

} // namespace

QStringList table1Order(const QStringList &tasks)
{
    QStringList ordered = tasks;
    ordered.removeDuplicates();
    std::sort(ordered.begin(), ordered.end(), [](const QString &a, const QString &b) {
        const int pa = table1Position(a), pb = table1Position(b);
        if (pa >= 0 && pb >= 0)
            return pa < pb;
        if ((pa >= 0) != (pb >= 0))
            return pa >= 0;
        return a < b;
    });
    return ordered;
}

QString table1Column(const QString &task)
{
    const int position = table1Position(task);
    return position >= 0 ? QString::fromLatin1(kTable1[std::size_t(position)].column) : task;
}

TaskGroup table1Group(const QString &task)
{
    const int position = table1Position(task);
    return position >= 0 ? kTable1[std::size_t(position)].group : TaskGroup::Other;
}

} // namespace migician::annotate
