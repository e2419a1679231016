// Planning a study (issue 15): N cases per task drawn with a seed from the cases with ground
// truth, refusals that say why, K annotators per case with balanced loads, the time estimate
// from pilot timings, only planned annotators let in; and a project written before study
// planning existed (schema version 1) opening, migrated, with its study intact.
#include "annotate_test_util.h"
#include "study_test_project.h"
#include "support/qt_test_registry.h"

#include "annotate/store_schema.h"
#include "annotate/study_plan.h"
#include "annotate/study_report.h"

#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QTemporaryDir>
#include <QTest>

using namespace migician::annotate;
using namespace migician::test;

class StudyPlanningTest : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    const QMap<QString, int> m_tasks{{QStringLiteral("diff"), 6},
                                     {QStringLiteral("region"), 5},
                                     {QStringLiteral("common_object"), 4}};

private Q_SLOTS:
    void samplesNPerTaskReproducibly()
    {
        auto a = studyProject(m_dir.filePath(QStringLiteral("n_a.migician")), m_tasks,
                              {{QStringLiteral("diff"), 3}});
        auto b = studyProject(m_dir.filePath(QStringLiteral("n_b.migician")), m_tasks,
                              {{QStringLiteral("diff"), 3}});
        QVERIFY(a && b);
        StudySpec spec;
        spec.name = QStringLiteral("three each");
        spec.casesPerTask = 3;
        spec.seed = 9;
        const auto plan = planStudy(*a, spec);
        QVERIFY2(plan.ok() && plan->ok(), qPrintable(plan->errors.join(' ')));
        // Table 1 order, every task, three cases each, all with ground truth.
        QCOMPARE(plan->tasks, (QStringList{QStringLiteral("diff"), QStringLiteral("common_object"),
                                           QStringLiteral("region")}));
        QCOMPARE(plan->available.value(QStringLiteral("diff")), 6); // the 3 without truth excluded
        QVERIFY(plan->warnings.join(' ').contains(QLatin1String("without ground truth")));
        const auto created = createStudy(*a, spec);
        QVERIFY2(created.ok(), qPrintable(created.error()));
        const QList<qint64> cases = *studyCases(*a, *created);
        QCOMPARE(cases, plan->cases());
        QCOMPARE(cases.size(), 9);
        for (const qint64 id : cases)
            QVERIFY(a->caseById(id)->groundTruth.has_value());
        // Same seed in another project of the same bench: the same cases.
        QCOMPARE(*studyCases(*b, *createStudy(*b, spec)), cases);
        // Another seed draws other cases; the study info remembers how it was made.
        spec.name = QStringLiteral("other seed");
        spec.seed = 10;
        QVERIFY(*studyCases(*a, *createStudy(*a, spec)) != cases);
        const auto info = studyById(*a, *created);
        QCOMPARE(info->casesPerTask, 3);
        QCOMPARE(info->seed, quint64(9));
        QCOMPARE(info->uid.size(), 32);
        QCOMPARE(findStudy(*a, QStringLiteral("three each"))->id, *created);
        QVERIFY(!findStudy(*a, QStringLiteral("nope")));
    }

    void refusesClearly()
    {
        auto store = studyProject(m_dir.filePath(QStringLiteral("refuse.migician")), m_tasks,
                                  {{QStringLiteral("reasoning"), 2}});
        QVERIFY(store);
        auto refusal = [&](StudySpec spec) {
            const auto plan = planStudy(*store, spec);
            const auto created = createStudy(*store, spec);
            return plan->errors.join(QLatin1Char(' ')) + QStringLiteral(" | ")
                   + (created ? QStringLiteral("CREATED") : created.error());
        };
        StudySpec spec;
        spec.name = QStringLiteral("s");
        spec.casesPerTask = 5;
        spec.tasks = {QStringLiteral("diff"), QStringLiteral("common_object")};
        QString why = refusal(spec);
        QVERIFY2(why.contains(QLatin1String("'common_object' has only 4 case(s) with ground truth, "
                                            "fewer than the 5")),
                 qPrintable(why));
        QVERIFY(why.contains(QLatin1String("refused")) && !why.contains(QLatin1String("CREATED")));
        spec.casesPerTask = 1;
        spec.tasks = {QStringLiteral("reasoning")};
        why = refusal(spec);
        QVERIFY2(why.contains(QLatin1String("'reasoning' has no case with ground truth")),
                 qPrintable(why));
        spec.tasks = {QStringLiteral("multi_view")};
        QVERIFY(refusal(spec).contains(QLatin1String("'multi_view' has no case in this project")));
        spec.tasks = {QStringLiteral("diff")};
        spec.condition = StudyCondition::Assisted;
        QVERIFY(refusal(spec).contains(QLatin1String("assisted study shows the boxes of an "
                                                     "evaluation run: choose one")));
        spec.runId = 77;
        QVERIFY(refusal(spec).contains(QLatin1String("no run #77")));
        spec.condition = StudyCondition::Blind;
        spec.annotators = {QStringLiteral("a"), QStringLiteral("b")};
        spec.overlap = 3;
        QVERIFY(refusal(spec).contains(
                QLatin1String("between 1 and the number of annotators (2)")));
        spec.annotators = {QStringLiteral("a"), QStringLiteral("a")};
        spec.overlap = 1;
        QVERIFY(refusal(spec).contains(QLatin1String("'a' is listed twice")));
        spec.annotators.clear();
        spec.name = QString();
        QVERIFY(refusal(spec).contains(QLatin1String("needs a name")));
        spec.name = QStringLiteral("s");
        QVERIFY(refusal(spec).endsWith(QLatin1String("CREATED")));
        QVERIFY(refusal(spec).contains(QLatin1String("already has a study named 's'")));
        QCOMPARE(countRows(*store, QStringLiteral("studies")), 1); // nothing else written
    }

    void assignsKAnnotatorsPerCaseBalanced()
    {
        auto store = studyProject(m_dir.filePath(QStringLiteral("overlap.migician")), m_tasks);
        QVERIFY(store);
        StudySpec spec;
        spec.name = QStringLiteral("overlap");
        spec.casesPerTask = 3; // 9 cases
        spec.annotators = {QStringLiteral("ann"), QStringLiteral("ben"), QStringLiteral("cy"),
                           QStringLiteral("dee")};
        spec.overlap = 2; // 18 assignments over 4 annotators: 5, 5, 4, 4
        const auto plan = planStudy(*store, spec);
        QVERIFY(plan->ok());
        QMap<qint64, QSet<QString>> byCase;
        QList<int> loads;
        for (auto it = plan->casesByAnnotator.begin(); it != plan->casesByAnnotator.end(); ++it) {
            loads << int(it->size());
            for (const qint64 id : *it)
                byCase[id].insert(it.key());
        }
        std::sort(loads.begin(), loads.end());
        QCOMPARE(loads, (QList<int>{4, 4, 5, 5}));
        QCOMPARE(byCase.size(), 9);
        for (const QSet<QString> &who : byCase)
            QCOMPARE(who.size(), 2);
        const auto id = createStudy(*store, spec);
        QVERIFY2(id.ok(), qPrintable(id.error()));
        QCOMPARE(studyById(*store, *id)->annotators, spec.annotators);
        QCOMPARE(studyById(*store, *id)->overlap, 2);
        // Each annotator sees only their own cases, in their own order.
        for (const QString &name : spec.annotators) {
            const QList<qint64> planned = plan->casesByAnnotator.value(name);
            QCOMPARE(*assignAnnotator(*store, *id, name), int(planned.size()));
            QList<qint64> seen;
            while (true) {
                const auto next = nextItem(*store, *id, name);
                if (!next->has_value())
                    break;
                seen << (*next)->caseId;
                QVERIFY(recordResponse(*store, (*next)->assignmentId, 0, std::nullopt, 10).ok());
            }
            std::sort(seen.begin(), seen.end());
            QCOMPARE(seen, planned);
        }
        // Nobody else.
        const auto outsider = assignAnnotator(*store, *id, QStringLiteral("eve"));
        QVERIFY(!outsider);
        QVERIFY2(outsider.error().contains(QLatin1String("'eve' is not an annotator of study "
                                                         "'overlap' (its annotators: ann, ben, "
                                                         "cy, dee)")),
                 qPrintable(outsider.error()));
        const auto progress = studyProgress(*store, *id);
        QCOMPARE(progress->size(), 4);
        QCOMPARE(progress->first().skipped, progress->first().assigned);
    }

    void estimatesTimeFromPilotTimings()
    {
        auto store = studyProject(m_dir.filePath(QStringLiteral("pilot.migician")), m_tasks);
        QVERIFY(store);
        StudySpec spec;
        spec.name = QStringLiteral("next");
        spec.casesPerTask = 2;
        spec.annotators = {QStringLiteral("a"), QStringLiteral("b")};
        QVERIFY(planStudy(*store, spec)->estimatedSeconds.isEmpty()); // no pilot yet
        StudySpec pilot;
        pilot.name = QStringLiteral("pilot");
        pilot.casesPerTask = 2;
        pilot.tasks = {QStringLiteral("diff"), QStringLiteral("region")};
        const qint64 pilotId = *createStudy(*store, pilot);
        QVERIFY(assignAnnotator(*store, pilotId, QStringLiteral("p")).ok());
        // diff: 10 s and 20 s (median 15); region: 4 s and 8 s (median 6); all: median 9.
        QMap<QString, QList<qint64>> times{{QStringLiteral("diff"), {10000, 20000}},
                                           {QStringLiteral("region"), {4000, 8000}}};
        while (true) {
            const auto next = nextItem(*store, pilotId, QStringLiteral("p"));
            if (!next->has_value())
                break;
            const QString task = store->caseById((*next)->caseId)->task;
            QVERIFY(recordResponse(*store, (*next)->assignmentId, 1, NormBox{0, 0, 1, 1},
                                   times[task].takeFirst())
                            .ok());
        }
        const auto plan = planStudy(*store, spec);
        QCOMPARE(plan->pilot.responses, 4);
        QCOMPARE(plan->pilot.medianSeconds, 9.0);
        QCOMPARE(plan->pilot.medianSecondsByTask.value(QStringLiteral("diff")), 15.0);
        // Each annotator gets 3 of the 6 cases; by task from the pilot (common_object has no
        // pilot time: the overall median).
        for (const QString &name : spec.annotators) {
            double expected = 0;
            for (const qint64 id : plan->casesByAnnotator.value(name)) {
                const QString task = store->caseById(id)->task;
                expected += task == QLatin1String("diff")     ? 15.0
                            : task == QLatin1String("region") ? 6.0
                                                              : 9.0;
            }
            QCOMPARE(plan->estimatedSeconds.value(name), expected);
        }
    }

    void opensAProjectWrittenBeforeStudyPlanning()
    {
        const QString file = m_dir.filePath(QStringLiteral("version1.migician"));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                        QStringLiteral("v1-writer"));
            db.setDatabaseName(file);
            QVERIFY(db.open());
            QSqlQuery q(db);
            for (const QString &statement : schemaMigrations().at(0))
                QVERIFY2(q.exec(statement), qPrintable(q.lastError().text()));
            const QStringList rows{
                    QStringLiteral("INSERT INTO meta VALUES('images_root', '.')"),
                    QStringLiteral("INSERT INTO images(id, path) VALUES(1, 'a.png')"),
                    QStringLiteral("INSERT INTO cases(id, source, source_index, task, question, "
                                   "gt_x1, gt_y1, gt_x2, gt_y2, gt_image, created) VALUES(1, "
                                   "'bench', 0, 'region', 'where?', 0.1, 0.1, 0.5, 0.5, 1, "
                                   "'2024-05-01T10:00:00.000Z')"),
                    QStringLiteral("INSERT INTO case_images VALUES(1, 1, 1)"),
                    QStringLiteral("INSERT INTO annotators VALUES(1, 'old', "
                                   "'2024-05-01T10:00:00.000Z')"),
                    QStringLiteral("INSERT INTO studies VALUES(1, 'legacy', 'blind', 3, "
                                   "'{\"region\":1}', NULL, '2024-05-01T10:00:00.000Z')"),
                    QStringLiteral("INSERT INTO study_cases VALUES(1, 1)"),
                    QStringLiteral("INSERT INTO study_assignments VALUES(1, 1, 1, 1, 0, 4000)"),
                    QStringLiteral("INSERT INTO study_responses VALUES(1, 1, 'answered', 1, 0.1, "
                                   "0.1, 0.5, 0.5, 4000, NULL, '2024-05-01T10:05:00.000Z')"),
                    QStringLiteral("PRAGMA user_version = 1")};
            for (const QString &statement : rows)
                QVERIFY2(q.exec(statement), qPrintable(q.lastError().text()));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v1-writer"));
        auto store = ProjectStore::open(file, ProjectStore::OpenMode::OpenExisting);
        QVERIFY2(store.ok(), qPrintable(store.error()));
        QSqlQuery q(store.value()->database());
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
        QCOMPARE(q.value(0).toInt(), ProjectStore::kSchemaVersion);
        QVERIFY(q.exec(QStringLiteral("SELECT uid FROM study_assignments")) && q.next());
        QCOMPARE(q.value(0).toString().size(), 32);
        const auto legacy = studyById(**store, 1);
        QVERIFY2(legacy.ok(), qPrintable(legacy.error()));
        QCOMPARE(legacy->name, QStringLiteral("legacy"));
        QCOMPARE(legacy->uid.size(), 32);
        QVERIFY(legacy->annotators.isEmpty()); // an open study, as before
        QCOMPARE(legacy->casesPerTask, 0);
        const auto report = studyReport(**store, 1);
        QVERIFY2(report.ok(), qPrintable(report.error()));
        QCOMPARE(report->humans().scores.micro.acc50, 1.0);
        QCOMPARE(report->rows.first().name, QStringLiteral("old"));
        // New annotators still join it, and new studies can be made beside it.
        QCOMPARE(*assignAnnotator(**store, 1, QStringLiteral("new")), 1);
        StudySpec spec;
        spec.name = QStringLiteral("planned");
        spec.casesPerTask = 1;
        spec.annotators = {QStringLiteral("x")};
        QVERIFY(createStudy(**store, spec).ok());
    }
};

MIGICIAN_TEST_CLASS(StudyPlanningTest)
#include "tst_study_planning.moc"
