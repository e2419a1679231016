// Issue 15 end to end with the real widgets: a blind study of 2 cases per task for two
// annotators with 2 annotators per case is created through the New-study dialog (which shows
// the load per annotator, the time estimate from a pilot, and refusals) and started from the
// study list by alice; bob answers in a copy exported for his laptop (one skip), which is merged
// back (twice); the report (the window's and the study report's) is compared with numbers
// computed here by hand from what each annotator drew. The dashboard's humans-vs-model plot
// shows the same numbers.
#include "gui_test_support.h"
#include "study_view_gestures.h"
#include "support/qt_test_registry.h"

#include "annotate/study.h"
#include "annotate/study_plan.h"
#include "annotate/study_report.h"
#include "ui/dashboard_project_series.h"
#include "ui/dashboard_window.h"
#include "ui/new_study_dialog.h"
#include "ui/study_case_view.h"
#include "ui/study_export_dialog.h"
#include "ui/study_list_page.h"
#include "ui/study_report_page.h"
#include "ui/study_window.h"

#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPainter>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTextBrowser>
#include <QTreeWidget>

using namespace migician::annotate;
using migician::ui::NewStudyDialog;
using migician::ui::StudyCaseView;
using migician::ui::StudyWindow;

namespace {

const QStringList kTasks{QStringLiteral("common_object"), QStringLiteral("diff"),
                         QStringLiteral("region")};

QImage scene(int seed)
{
    QImage image(400, 300, QImage::Format_RGB32);
    image.fill(QColor(225, 220, 205));
    QPainter painter(&image);
    for (int i = 0; i < 10; ++i) {
        painter.setBrush(QColor::fromHsv((seed * 53 + i * 31) % 360, 150, 210));
        painter.drawRect(QRect((i * 61 + seed * 17) % 360, (i * 43 + seed * 29) % 260, 36, 28));
    }
    return image;
}

// Every ground truth lies in the left half of image 2; a "wrong" answer in the right half.
NormBox truthOf(int index)
{
    return NormBox{0.05 + 0.03 * (index % 4), 0.1 + 0.05 * (index % 3), 0.4, 0.6};
}
const NormBox kWrong{0.6, 0.2, 0.9, 0.5};

// Under Xvfb with the xcb platform and MIGICIAN_SCREENSHOT_DIR set: the real screen, as a user
// sees it (import -window root); otherwise the widget's own rendering.
void screenshot(const QTemporaryDir &dir, QWidget *widget, const QString &name)
{
    const QString path = migician::test::screenshotPath(dir, name);
    QTest::qWait(150);
    if (QGuiApplication::platformName() == QLatin1String("xcb")
        && !qEnvironmentVariable("MIGICIAN_SCREENSHOT_DIR").isEmpty()
        && QProcess::execute(QStringLiteral("import"),
                             {QStringLiteral("-window"), QStringLiteral("root"), path})
                   == 0)
        return;
    QVERIFY(widget->grab().save(path));
}

struct Tally
{
    int hits = 0, n = 0;
};

} // namespace

class StudyPlanningGuiTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void createRunAndReportThroughTheGui()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        migician::test::isolateSettings(dir);
        const QString file = dir.filePath(QStringLiteral("lab.migician"));
        QMap<qint64, int> indexOf; // case id -> source index
        QMap<qint64, QString> taskOf;
        {
            auto store = ProjectStore::open(file, ProjectStore::OpenMode::CreateNew);
            QVERIFY2(store.ok(), qPrintable(store.error()));
            QVERIFY((*store)->setImagesRoot(dir.path()).ok());
            const auto run = (*store)->createRun(NewRun{
                    QStringLiteral("opencv"), {}, {}, QStringLiteral("{\"evaluation\":{}}")});
            QVERIFY(run.ok());
            for (int i = 0; i < 9; ++i) {
                NewCase c;
                c.source = QStringLiteral("synthetic");
                c.sourceIndex = i;
                c.task = kTasks[i / 3];
                c.question = QStringLiteral("Case %1: find the object in the second image.").arg(i);
                for (int k = 1; k <= 2; ++k) {
                    const QString name = QStringLiteral("c%1_%2.png").arg(i).arg(k);
                    QVERIFY(scene(i * 2 + k).save(dir.filePath(name)));
                    c.imagePaths << name;
                }
                c.groundTruth = truthOf(i);
                c.groundTruthImage = 2;
                const auto id = (*store)->addCase(c);
                QVERIFY2(id.ok(), qPrintable(id.error()));
                indexOf.insert(*id, i);
                taskOf.insert(*id, c.task);
                // The run finds the cases with an index divisible by 3, misses the others.
                const NormBox b = i % 3 == 0 ? truthOf(i) : kWrong;
                NewPrediction p;
                p.runId = *run;
                p.caseId = *id;
                p.rawAnswer = QStringLiteral("In the second image <|box_start|>(%1,%2),(%3,%4)"
                                             "<|box_end|>")
                                      .arg(qRound(b.x1 * 1000))
                                      .arg(qRound(b.y1 * 1000))
                                      .arg(qRound(b.x2 * 1000))
                                      .arg(qRound(b.y2 * 1000));
                p.boxes = {PredictedBox{2, b, std::nullopt}};
                QVERIFY((*store)->recordPrediction(p).ok());
            }
            // A pilot: one response of 12 s, the basis of the time estimate.
            StudySpec pilot;
            pilot.name = QStringLiteral("pilot");
            pilot.casesPerTask = 1;
            pilot.tasks = {QStringLiteral("region")};
            const auto pilotId = createStudy(**store, pilot);
            QVERIFY2(pilotId.ok(), qPrintable(pilotId.error()));
            QCOMPARE(*assignAnnotator(**store, *pilotId, QStringLiteral("carol")), 1);
            const auto item = nextItem(**store, *pilotId, QStringLiteral("carol"));
            QVERIFY((*item).has_value());
            QVERIFY(recordResponse(**store, (*item)->assignmentId, 2, NormBox{0.1, 0.1, 0.3, 0.3},
                                   12000)
                            .ok());
        }

        StudyWindow window(file);
        window.resize(1100, 680);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(window.showsList());
        QCOMPARE(window.studyList()->studyTree()->topLevelItemCount(), 1);

        // The dialog: refusals first, then the study the acceptance asks for.
        NewStudyDialog *dialog = window.studyList()->newStudy();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QVERIFY(!dialog->createButton()->isEnabled()); // no name yet
        dialog->nameEdit()->setText(QStringLiteral("two annotators"));
        dialog->perTaskSpin()->setValue(4);
        QVERIFY2(dialog->errorText().contains(QLatin1String("only 3 case(s)")),
                 qPrintable(dialog->errorText()));
        QVERIFY(!dialog->createButton()->isEnabled());
        dialog->perTaskSpin()->setValue(2);
        dialog->seedSpin()->setValue(5);
        QCOMPARE(dialog->taskList()->count(), 3);
        dialog->annotatorsEdit()->setText(QStringLiteral("alice, bob"));
        dialog->overlapSpin()->setValue(2);
        QVERIFY2(dialog->errorText().isEmpty(), qPrintable(dialog->errorText()));
        QVERIFY(dialog->createButton()->isEnabled());
        // 6 cases each; the pilot's 12 s per case gives 72 s.
        QVERIFY2(dialog->planText().contains(QLatin1String("alice: 6 cases, about 72 s")),
                 qPrintable(dialog->planText()));
        QVERIFY(dialog->planText().contains(QLatin1String("bob: 6 cases, about 72 s")));
        screenshot(dir, dialog, QStringLiteral("study_new_dialog.png"));
        QTest::mouseClick(dialog->createButton(), Qt::LeftButton);
        QTest::qWait(50);
        QCOMPARE(window.studyList()->studyTree()->topLevelItemCount(), 2);
        const qint64 studyId = window.studyList()->currentStudyId();
        QVERIFY(studyId > 0);
        window.activateWindow(); // back to the window, as the user's click does
        QVERIFY(QTest::qWaitForWindowActive(&window));

        // Somebody else is not let in.
        window.nameEdit()->setText(QStringLiteral("carol"));
        QTest::mouseClick(window.startButton(), Qt::LeftButton);
        QVERIFY(window.showsList());
        QVERIFY2(window.errorText().contains(QLatin1String("not an annotator")),
                 qPrintable(window.errorText()));

        // alice: right on even source indices, wrong on odd ones.
        QMap<QString, QMap<QString, Tally>> expected; // annotator -> task -> hits/n
        QMap<qint64, bool> aliceRight;
        window.nameEdit()->setText(QStringLiteral("alice"));
        QVERIFY(window.studyList()->selectStudy(studyId));
        QTest::mouseClick(window.startButton(), Qt::LeftButton);
        for (int k = 0; k < 6; ++k) {
            const qint64 id = window.currentCaseId();
            QVERIFY2(indexOf.contains(id), qPrintable(window.errorText()));
            const bool right = indexOf[id] % 2 == 0;
            QTest::qWait(60); // some active time to measure
            migician::test::drawStudyBox(window.caseView(), 2,
                                         right ? truthOf(indexOf[id]) : kWrong);
            QTest::mouseClick(window.submitButton(), Qt::LeftButton);
            aliceRight.insert(id, right);
            expected[QStringLiteral("alice")][taskOf[id]].hits += right;
            expected[QStringLiteral("alice")][taskOf[id]].n += 1;
        }
        QVERIFY(window.showsReport());
        QTest::mouseClick(window.reportPage()->backButton(), Qt::LeftButton);
        QVERIFY(window.showsList());
        window.nameEdit()->setText(QStringLiteral("bob"));
        screenshot(dir, &window, QStringLiteral("study_list.png"));

        // bob works on his laptop: a copy exported from the list (in a worker thread), answered
        // in its own study window, merged back from the list. He skips his first case and is
        // right on all others.
        migician::ui::StudyExportDialog *exporter = window.studyList()->exportForAnnotator();
        QVERIFY(exporter);
        exporter->annotatorCombo()->setCurrentText(QStringLiteral("bob"));
        const QString bobFile = dir.filePath(QStringLiteral("laptop/bob.migician"));
        QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("laptop"))));
        exporter->fileEdit()->setText(bobFile);
        QSignalSpy exported(exporter, &migician::ui::StudyExportDialog::exportFinished);
        QTest::mouseClick(exporter->exportButton(), Qt::LeftButton);
        QVERIFY(exported.wait(30000));
        QVERIFY2(exported.first().at(0).toBool(), qPrintable(exported.first().at(1).toString()));
        QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("laptop/bob-images/c0_1.png"))));
        exporter->close();

        QMap<int, qint64> byIndex; // source index -> case id in the lab's project
        for (auto it = indexOf.begin(); it != indexOf.end(); ++it)
            byIndex.insert(*it, it.key());
        int bothRight = 0, common = 0;
        {
            StudyWindow laptop(bobFile);
            laptop.resize(1100, 680);
            laptop.show();
            laptop.activateWindow();
            QVERIFY(QTest::qWaitForWindowActive(&laptop));
            QCOMPARE(laptop.nameEdit()->text(), QStringLiteral("bob"));
            QVERIFY(laptop.nameEdit()->isReadOnly());
            QVERIFY(!laptop.studyList()->newButton()->isVisible());
            screenshot(dir, &laptop, QStringLiteral("study_laptop_copy.png"));
            auto copy = ProjectStore::open(bobFile, ProjectStore::OpenMode::OpenExisting);
            QVERIFY(copy.ok());
            QTest::mouseClick(laptop.startButton(), Qt::LeftButton);
            for (int k = 0; k < 6; ++k) {
                const auto copied = (*copy)->caseById(laptop.currentCaseId());
                QVERIFY2(copied.ok(), qPrintable(laptop.errorText()));
                QVERIFY(!copied->groundTruth); // the answers stay at the lab
                const qint64 id = byIndex.value(copied->sourceIndex);
                expected[QStringLiteral("bob")][taskOf[id]].n += 1;
                if (k == 0) {
                    QTest::mouseClick(laptop.skipButton(), Qt::LeftButton);
                    continue;
                }
                QTest::qWait(60);
                migician::test::drawStudyBox(laptop.caseView(), 2, truthOf(indexOf[id]));
                QTest::mouseClick(laptop.submitButton(), Qt::LeftButton);
                expected[QStringLiteral("bob")][taskOf[id]].hits += 1;
                ++common;
                bothRight += aliceRight[id] ? 1 : 0;
            }
            QVERIFY(laptop.showsReport());
            QVERIFY(!laptop.reportPage()->hasReport()); // a thank-you, no scores
            QVERIFY(laptop.reportView()->toPlainText().contains(QLatin1String("Send this file")));
        }
        window.activateWindow();
        window.studyList()->mergeFiles({bobFile});
        QVERIFY2(window.studyList()->lastMergeSummary().contains(QLatin1String("6 added")),
                 qPrintable(window.studyList()->lastMergeSummary()));
        window.studyList()->mergeFiles({bobFile}); // again: nothing new
        QVERIFY(window.studyList()->lastMergeSummary().contains(QLatin1String("0 added")));
        for (QMessageBox *box : window.findChildren<QMessageBox *>())
            box->close();
        QTest::mouseClick(window.studyList()->reportButton(), Qt::LeftButton);
        QVERIFY(window.showsReport());
        window.resize(1250, 760);
        screenshot(dir, &window, QStringLiteral("study_report.png"));

        // The report against the hand count.
        auto store = ProjectStore::open(file, ProjectStore::OpenMode::OpenExisting);
        QVERIFY(store.ok());
        const auto report = studyReport(**store, studyId);
        QVERIFY2(report.ok(), qPrintable(report.error()));
        QCOMPARE(report->cases, 6);
        QCOMPARE(report->tasks,
                 (QStringList{QStringLiteral("diff"), QStringLiteral("common_object"),
                              QStringLiteral("region")})); // Table 1 order
        QCOMPARE(report->rows.size(), 4);                  // alice, bob, humans, the run
        QMap<QString, Tally> pooled;
        for (const QString &name : {QStringLiteral("alice"), QStringLiteral("bob")}) {
            const auto row = std::find_if(report->rows.begin(), report->rows.end(),
                                          [&](const StudyReportRow &r) { return r.name == name; });
            QVERIFY(row != report->rows.end());
            QCOMPARE(row->assigned, 6);
            QCOMPARE(row->responses, 6);
            QCOMPARE(row->skipped, name == QLatin1String("bob") ? 1 : 0);
            QCOMPARE(row->skipRate(), name == QLatin1String("bob") ? 1.0 / 6 : 0.0);
            double macro = 0;
            for (const QString &task : kTasks) {
                const Tally t = expected[name][task];
                QCOMPARE(t.n, 2);
                const Metrics &m = row->scores.perTask.value(task);
                QCOMPARE(m.n, t.n);
                QCOMPARE(m.acc50, double(t.hits) / t.n);
                QCOMPARE(m.ci50[0], wilsonInterval(t.hits, t.n)[0]);
                QCOMPARE(m.ci50[1], wilsonInterval(t.hits, t.n)[1]);
                macro += double(t.hits) / t.n / kTasks.size();
                pooled[task].hits += t.hits;
                pooled[task].n += t.n;
            }
            QVERIFY(qAbs(row->scores.macro.acc50 - macro) < 1e-12);
        }
        const StudyReportRow &humans = report->humans();
        QCOMPARE(humans.responses, 12);
        QCOMPARE(humans.skipped, 1);
        int pooledHits = 0;
        for (const QString &task : kTasks) {
            QCOMPARE(humans.scores.perTask.value(task).n, 4);
            QCOMPARE(humans.scores.perTask.value(task).acc50, pooled[task].hits / 4.0);
            pooledHits += pooled[task].hits;
        }
        QCOMPARE(humans.scores.micro.acc50, pooledHits / 12.0);
        QCOMPARE(humans.scores.micro.ci50[0], wilsonInterval(pooledHits, 12)[0]);
        // Agreement: the five cases both answered; they agree where alice was right.
        QCOMPARE(report->pairs.size(), 1);
        QCOMPARE(report->pairs.first().common, common);
        QCOMPARE(report->pairs.first().acc50, double(bothRight) / common);
        // The median active time of the stored responses.
        QList<double> seconds;
        for (const StudyResponse &r : studyResponses(**store, studyId).value())
            seconds << r.activeMs / 1000.0;
        std::sort(seconds.begin(), seconds.end());
        QCOMPARE(*humans.medianSeconds, (seconds[5] + seconds[6]) / 2);
        QVERIFY(*humans.medianSeconds >= 0.06); // the timer ran while the cases were shown
        // The run on the same cases: right exactly where the source index is divisible by 3.
        QCOMPARE(report->runs().size(), 1);
        int runHits = 0;
        for (const qint64 id : studyCases(**store, studyId).value())
            runHits += indexOf[id] % 3 == 0;
        QCOMPARE(report->runs().first().scores.micro.n, 6);
        QCOMPARE(report->runs().first().scores.micro.acc50, runHits / 6.0);

        // What the window shows is that report.
        const QString shown = window.reportView()->toPlainText();
        QVERIFY2(shown.contains(QLatin1String("Static Diff")), qPrintable(shown));
        QVERIFY(shown.contains(QLatin1String("Human (all annotators)")));
        QVERIFY(shown.contains(QStringLiteral("%1 n=12").arg(
                QStringLiteral("[%1, %2]")
                        .arg(wilsonInterval(pooledHits, 12)[0] * 100, 0, 'f', 1)
                        .arg(wilsonInterval(pooledHits, 12)[1] * 100, 0, 'f', 1))));
        const QString markdown = dir.filePath(QStringLiteral("report.md"));
        QVERIFY(window.reportPage()->save(migician::ui::StudyReportPage::Format::Markdown,
                                          markdown));

        // The dashboard's humans-vs-model plot reads the same numbers.
        const auto series = migician::ui::projectSeries(**store);
        QVERIFY2(series.ok(), qPrintable(series.error()));
        migician::ui::DashboardWindow dashboard;
        dashboard.setSeries(*series);
        QList<migician::ui::DashboardSeries> compared;
        for (const auto &s : dashboard.humansVsModelSeries())
            if (s.studyId == studyId)
                compared << s;
        QCOMPARE(compared.size(), 2);
        QCOMPARE(compared[0].scores.micro.acc50, humans.scores.micro.acc50);
        QCOMPARE(compared[0].scores.micro.ci50[1], humans.scores.micro.ci50[1]);
        QCOMPARE(compared[1].scores.micro.acc50, report->runs().first().scores.micro.acc50);
    }
};

MIGICIAN_TEST_CLASS(StudyPlanningGuiTest)
#include "tst_study_planning_gui.moc"
