#include "annotate/study_plan.h"

#include "annotate/migbench_tasks.h"
#include "annotate/store_sql.h"

#include <QCoreApplication>
#include <QSet>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>
#include <random>

namespace migician::annotate {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("migician::annotate::StudyPlan", text);
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

struct ProjectCase
{
    qint64 id = 0;
    QString task;
    bool hasGroundTruth = false;
};

Result<QList<ProjectCase>> projectCases(const ProjectStore &store)
{
    QSqlQuery q(store.database());
    if (Status s = sql::run(q, store.fileName(), QStringLiteral("listing cases for a study"),
                            QStringLiteral("SELECT id, task, gt_x1 IS NOT NULL FROM cases "
                                           "ORDER BY id"));
        !s)
        return s;
    QList<ProjectCase> cases;
    while (q.next())
        cases << ProjectCase{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toBool()};
    return cases;
}

// Samples by count (cases with ground truth only) or by fraction (any case), per task.
void sample(StudyPlan &plan, const StudySpec &spec, const QList<ProjectCase> &cases)
{
    QMap<QString, QList<qint64>> pool; // what may be sampled, by task
    QMap<QString, int> withoutTruth;   // cases left out for lack of ground truth
    QSet<QString> projectTasks;
    const bool byCount = spec.casesPerTask > 0 || spec.fractionPerTask.isEmpty();
    for (const ProjectCase &c : cases) {
        projectTasks.insert(c.task);
        if (!byCount || c.hasGroundTruth)
            pool[c.task] << c.id;
        else
            ++withoutTruth[c.task];
    }
    QStringList tasks = byCount ? spec.tasks : spec.fractionPerTask.keys();
    if (byCount && tasks.isEmpty())
        tasks = QStringList(projectTasks.begin(), projectTasks.end());
    tasks = table1Order(tasks);
    if (tasks.isEmpty()) {
        plan.errors << tr("The project has no cases to sample.");
        return;
    }
    if (byCount && spec.casesPerTask <= 0) {
        plan.errors << tr("Give the number of cases per task (at least 1).");
        return;
    }
    for (const QString &task : tasks) {
        if (!projectTasks.contains(task)) {
            plan.errors << tr("Task '%1' has no case in this project.").arg(task);
            continue;
        }
        QList<qint64> ids = pool.value(task);
        plan.available.insert(task, int(ids.size()));
        int take = 0;
        if (byCount) {
            if (ids.isEmpty()) {
                plan.errors << tr("Task '%1' has no case with ground truth: nothing to score "
                                  "the answers against.")
                                       .arg(task);
                continue;
            }
            if (ids.size() < spec.casesPerTask) {
                plan.errors << tr("Task '%1' has only %2 case(s) with ground truth, fewer than "
                                  "the %3 asked for.")
                                       .arg(task)
                                       .arg(ids.size())
                                       .arg(spec.casesPerTask);
                continue;
            }
            take = spec.casesPerTask;
            if (withoutTruth.value(task) > 0)
                plan.warnings << tr("Task '%1': %2 case(s) without ground truth are left out.")
                                         .arg(task)
                                         .arg(withoutTruth.value(task));
        } else {
            const double fraction = spec.fractionPerTask.value(task);
            if (!(fraction >= 0 && fraction <= 1)) {
                plan.errors
                        << tr("Fraction %1 of task '%2' is not in 0..1.").arg(fraction).arg(task);
                continue;
            }
            take = int(std::lround(fraction * double(ids.size())));
            if (fraction > 0 && take == 0 && !ids.isEmpty())
                take = 1;
        }
        // Each task gets its own stream, so adding a task does not change the others.
        seededShuffle(ids, streamSeed(spec.seed, task));
        QList<qint64> taken = ids.mid(0, take);
        std::sort(taken.begin(), taken.end());
        plan.casesByTask.insert(task, taken);
        plan.tasks << task;
    }
}

// K of the A annotators per case, balanced: the cases in a seeded order take the annotators
// round-robin, so the loads differ by at most one case and every case has K different ones.
void assign(StudyPlan &plan, const StudySpec &spec)
{
    QStringList names;
    for (const QString &raw : spec.annotators) {
        const QString name = raw.trimmed();
        if (name.isEmpty())
            continue;
        if (names.contains(name))
            plan.errors << tr("Annotator '%1' is listed twice.").arg(name);
        else
            names << name;
    }
    if (names.isEmpty())
        return; // an open study
    if (spec.overlap < 1 || spec.overlap > names.size()) {
        plan.errors << tr("The overlap (annotators per case) must be between 1 and the number "
                          "of annotators (%1), not %2.")
                               .arg(names.size())
                               .arg(spec.overlap);
        return;
    }
    QList<qint64> order = plan.cases();
    seededShuffle(order, streamSeed(spec.seed, QStringLiteral("assignment")));
    for (const QString &name : names)
        plan.casesByAnnotator.insert(name, {});
    for (qsizetype i = 0; i < order.size(); ++i)
        for (int j = 0; j < spec.overlap; ++j)
            plan.casesByAnnotator[names[int((i * spec.overlap + j) % names.size())]] << order[i];
    for (auto it = plan.casesByAnnotator.begin(); it != plan.casesByAnnotator.end(); ++it)
        std::sort(it->begin(), it->end());
}

Status checkCondition(StudyPlan &plan, const ProjectStore &store, const StudySpec &spec)
{
    if (spec.condition != StudyCondition::Assisted)
        return {};
    if (spec.runId <= 0) {
        plan.errors << tr("An assisted study shows the boxes of an evaluation run: choose one.");
        return {};
    }
    if (!store.run(spec.runId)) {
        plan.errors << tr("The project has no run #%1.").arg(spec.runId);
        return {};
    }
    QSqlQuery q(store.database());
    if (Status s = sql::run(q, store.fileName(), QStringLiteral("reading a run's cases"),
                            QStringLiteral("SELECT DISTINCT case_id FROM predictions WHERE "
                                           "run_id = ? AND case_id IS NOT NULL"),
                            {spec.runId});
        !s)
        return s;
    QSet<qint64> predicted;
    while (q.next())
        predicted.insert(q.value(0).toLongLong());
    int missing = 0;
    for (const qint64 id : plan.cases())
        missing += predicted.contains(id) ? 0 : 1;
    if (missing > 0)
        plan.warnings << tr("Run #%1 has no prediction for %2 of the sampled cases: they are "
                            "shown without a suggestion.")
                                 .arg(spec.runId)
                                 .arg(missing);
    return {};
}

} // namespace

void seededShuffle(QList<qint64> &items, quint64 seed)
{
    std::mt19937_64 random(seed);
    for (qsizetype i = items.size() - 1; i > 0; --i) {
        const qsizetype j = qsizetype(random() % quint64(i + 1));
        std::swap(items[i], items[j]);
    }
}

quint64 streamSeed(quint64 seed, const QString &name)
{
    quint64 h = 1469598103934665603ULL; // FNV-1a over the UTF-8 name
    for (char c : name.toUtf8())
        h = (h ^ quint8(c)) * 1099511628211ULL;
    return seed ^ h;
}

QList<qint64> StudyPlan::cases() const
{
    QList<qint64> all;
    for (const QList<qint64> &ids : casesByTask)
        all << ids;
    std::sort(all.begin(), all.end());
    return all;
}

Result<PilotTimings> pilotTimings(const ProjectStore &store)
{
    QSqlQuery q(store.database());
    if (Status s = sql::run(q, store.fileName(), QStringLiteral("reading pilot timings"),
                            QStringLiteral("SELECT c.task, r.active_ms FROM study_responses r "
                                           "JOIN study_assignments a ON a.id = r.assignment_id "
                                           "JOIN cases c ON c.id = a.case_id"));
        !s)
        return s;
    QList<double> all;
    QMap<QString, QList<double>> byTask;
    while (q.next()) {
        const double seconds = q.value(1).toLongLong() / 1000.0;
        all << seconds;
        byTask[q.value(0).toString()] << seconds;
    }
    PilotTimings pilot;
    pilot.responses = int(all.size());
    pilot.medianSeconds = median(all);
    for (auto it = byTask.begin(); it != byTask.end(); ++it)
        pilot.medianSecondsByTask.insert(it.key(), median(*it));
    return pilot;
}

Result<QMap<QString, int>> casesWithGroundTruth(const ProjectStore &store)
{
    const auto cases = projectCases(store);
    if (!cases)
        return cases.status();
    QMap<QString, int> counts;
    for (const ProjectCase &c : *cases)
        counts[c.task] += c.hasGroundTruth ? 1 : 0;
    return counts;
}

Result<StudyPlan> planStudy(const ProjectStore &store, const StudySpec &spec)
{
    StudyPlan plan;
    const QString name = spec.name.trimmed();
    if (name.isEmpty()) {
        plan.errors << tr("A study needs a name.");
    } else {
        QSqlQuery q(store.database());
        if (Status s = sql::run(q, store.fileName(), QStringLiteral("reading study names"),
                                QStringLiteral("SELECT 1 FROM studies WHERE name = ?"), {name});
            !s)
            return s;
        if (q.next())
            plan.errors << tr("The project already has a study named '%1'.").arg(name);
    }
    const auto cases = projectCases(store);
    if (!cases)
        return cases.status();
    sample(plan, spec, *cases);
    assign(plan, spec);
    if (Status s = checkCondition(plan, store, spec); !s)
        return s;

    const auto pilot = pilotTimings(store);
    if (!pilot)
        return pilot.status();
    plan.pilot = *pilot;
    if (plan.pilot.responses > 0) {
        QMap<qint64, QString> taskOf;
        for (auto it = plan.casesByTask.begin(); it != plan.casesByTask.end(); ++it)
            for (const qint64 id : *it)
                taskOf.insert(id, it.key());
        auto estimate = [&](const QList<qint64> &ids) {
            double seconds = 0;
            for (const qint64 id : ids)
                seconds += plan.pilot.medianSecondsByTask.value(taskOf.value(id),
                                                                plan.pilot.medianSeconds);
            return seconds;
        };
        if (plan.casesByAnnotator.isEmpty())
            plan.estimatedSeconds.insert(QString(), estimate(plan.cases()));
        for (auto it = plan.casesByAnnotator.begin(); it != plan.casesByAnnotator.end(); ++it)
            plan.estimatedSeconds.insert(it.key(), estimate(*it));
    }
    return plan;
}

} // namespace migician::annotate
