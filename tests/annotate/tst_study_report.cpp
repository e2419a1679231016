// The study report (issue 15) on answers whose scores are known by construction: rows per
// annotator, humans pooled and the evaluation run on the same cases (an interactive run left
// out), skips as misses with the skip rate beside them, pairwise agreement; and its JSON, CSV
// and Markdown (Table 1 columns in the paper's order) carrying the same numbers.
#include "annotate_test_util.h"
#include "study_test_project.h"
#include "support/qt_test_registry.h"

#include "annotate/study_report_format.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace migician::annotate;
using namespace migician::test;

class StudyReportTest : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void rowsAndFormats()
    {
        // Two tasks, two cases each, both annotators on every case.
        auto store = studyProject(m_dir.filePath(QStringLiteral("report.migician")),
                                  {{QStringLiteral("region"), 2}, {QStringLiteral("diff"), 2}});
        QVERIFY(store);
        const auto evaluation = store->createRun(
                NewRun{QStringLiteral("migician"), {}, {}, QStringLiteral("{\"evaluation\":{}}")});
        const auto interactive
                = store->createRun(NewRun{QStringLiteral("cpu"), {}, {}, QStringLiteral("{}")});
        StudySpec spec;
        spec.name = QStringLiteral("table");
        spec.casesPerTask = 2;
        spec.annotators = {QStringLiteral("ann"), QStringLiteral("ben")};
        spec.overlap = 2;
        spec.seed = 4;
        const auto created = createStudy(*store, spec);
        QVERIFY2(created.ok(), qPrintable(created.error()));
        const qint64 study = *created;
        // ann: every case right, 2 s each. ben: skips diff cases, right on region, 4 s each.
        for (const QString &name : spec.annotators)
            while (true) {
                const auto next = nextItem(*store, study, name);
                if (!next->has_value())
                    break;
                const CaseInfo c = *store->caseById((*next)->caseId);
                const bool skip = name == QLatin1String("ben") && c.task == QLatin1String("diff");
                QVERIFY(recordResponse(*store, (*next)->assignmentId, 2,
                                       skip ? std::nullopt : std::optional<NormBox>(*c.groundTruth),
                                       name == QLatin1String("ann") ? 2000 : 4000)
                                .ok());
            }
        // The evaluation run answers the region cases only, with the truth (scored as the
        // official scorer scores the Migician backend, y rescaled, still far above IoU 0.5);
        // the interactive run answers everything and must not appear.
        for (const qint64 id : studyCases(*store, study).value()) {
            const CaseInfo c = *store->caseById(id);
            NewPrediction p;
            p.caseId = id;
            p.rawAnswer = QStringLiteral("<|box_start|>(%1,%2),(%3,%4)<|box_end|>")
                                  .arg(qRound(c.groundTruth->x1 * 1000))
                                  .arg(qRound(c.groundTruth->y1 * 1000))
                                  .arg(qRound(c.groundTruth->x2 * 1000))
                                  .arg(qRound(c.groundTruth->y2 * 1000));
            p.latencyMs = 3000;
            p.runId = *interactive;
            const auto recorded = store->recordPrediction(p);
            QVERIFY2(recorded.ok(), qPrintable(recorded.error()));
            if (c.task == QLatin1String("region")) {
                p.runId = *evaluation;
                QVERIFY(store->recordPrediction(p).ok());
            }
        }

        const auto report = studyReport(*store, study);
        QVERIFY2(report.ok(), qPrintable(report.error()));
        QCOMPARE(report->tasks, (QStringList{QStringLiteral("diff"), QStringLiteral("region")}));
        QCOMPARE(report->rows.size(), 4);
        const StudyReportRow &ann = report->rows[0];
        const StudyReportRow &ben = report->rows[1];
        const StudyReportRow &humans = report->rows[2];
        const StudyReportRow &run = report->rows[3];
        QCOMPARE(ann.name, QStringLiteral("ann"));
        QCOMPARE(ann.scores.micro.acc50, 1.0);
        QCOMPARE(*ann.medianSeconds, 2.0);
        QCOMPARE(ben.scores.perTask.value(QStringLiteral("diff")).acc50, 0.0); // skips are misses
        QCOMPARE(ben.scores.perTask.value(QStringLiteral("diff")).n, 2);
        QCOMPARE(ben.scores.perTask.value(QStringLiteral("region")).acc50, 1.0);
        QCOMPARE(ben.scores.macro.acc50, 0.5);
        QCOMPARE(ben.skipRate(), 0.5);
        QCOMPARE(humans.kind, StudyReportRow::Kind::Humans);
        QCOMPARE(humans.scores.micro.n, 8);
        QCOMPARE(humans.scores.micro.acc50, 6.0 / 8.0);
        QCOMPARE(humans.scores.perTask.value(QStringLiteral("diff")).acc50, 0.5);
        QCOMPARE(*humans.medianSeconds, 3.0);
        QCOMPARE(humans.skipRate(), 2.0 / 8.0);
        QCOMPARE(run.kind, StudyReportRow::Kind::Run);
        QCOMPARE(run.runId, *evaluation);
        QCOMPARE(run.scores.micro.n, 2);
        QVERIFY(!run.scores.perTask.contains(QStringLiteral("diff")));
        QCOMPARE(*run.medianSeconds, 3.0);
        QCOMPARE(report->pairs.size(), 1);
        QCOMPARE(report->pairs.first().common, 2); // the region cases both answered
        QCOMPARE(report->pairs.first().acc50, 1.0);
        QCOMPARE(report->pairs.first().meanIou, 1.0);

        const QJsonObject json = studyReportJson(*report);
        QCOMPARE(json[QLatin1String("study")][QLatin1String("overlap")].toInt(), 2);
        QCOMPARE(json[QLatin1String("tasks")].toArray().size(), 2);
        const QJsonArray rows = json[QLatin1String("rows")].toArray();
        QCOMPARE(rows.size(), 4);
        const QJsonObject benJson = rows[1].toObject();
        QCOMPARE(benJson[QLatin1String("skip_rate")].toDouble(), 0.5);
        QCOMPARE(benJson[QLatin1String("per_task")][QLatin1String("diff")][QLatin1String("n")]
                         .toInt(),
                 2);
        QCOMPARE(rows[2].toObject()[QLatin1String("micro")][QLatin1String("acc@0.5_ci")]
                         .toArray()[0]
                         .toDouble(),
                 wilsonInterval(6, 8)[0]);
        QCOMPARE(rows[3].toObject()[QLatin1String("kind")].toString(), QStringLiteral("run"));
        QCOMPARE(json[QLatin1String("agreement")][QLatin1String("pairs")].toArray().size(), 1);

        const QStringList csv
                = studyReportCsv(*report).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        // Header; ann, ben, humans: 2 tasks + AVE + ALL; the run: 1 task + AVE + ALL.
        QCOMPARE(csv.size(), 1 + 3 * 4 + 3);
        QVERIFY(csv.contains(QStringLiteral("annotator,ben,,diff,Static Diff,2,0,0,%1,0,0,%1,0,0,"
                                            "%1,0,4,4,2,0.5,4")
                                     .arg(QString::number(wilsonInterval(0, 2)[1], 'g', 10))));

        const QString md = studyReportMarkdown(*report);
        QVERIFY2(md.contains(QLatin1String("| Model | Static Diff | Region | AVE |")),
                 qPrintable(md));
        QVERIFY(md.contains(QLatin1String("| ben | 0.00 | 100.00 | 50.00 |")));
        QVERIFY(md.contains(QLatin1String("| Human (all annotators) | 50.00 | 100.00 | 75.00 |")));
        QVERIFY(md.contains(
                QStringLiteral("| Run #%1 (migician) | - | 100.00 | 100.00 |").arg(*evaluation)));
        QVERIFY(md.contains(QLatin1String("Spontaneous grounding: Static Diff. Referential "
                                          "grounding: Region.")));
        QVERIFY(md.contains(QLatin1String("| ann / ben | 2 | 1.000 | 100.0 |")));
    }
};

MIGICIAN_TEST_CLASS(StudyReportTest)
#include "tst_study_report.moc"
