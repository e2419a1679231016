// Study mode end to end with the real widgets: a blind study of three cases (one answered right,
// one wrong, one skipped), quitting and reopening in the middle, the timer paused while the
// window is inactive; then the stored responses, their timings and the report numbers.
#include "gui_test_support.h"
#include "study_view_gestures.h"
#include "support/qt_test_registry.h"

#include "annotate/study.h"
#include "annotate/study_report.h"
#include "ui/study_case_view.h"
#include "ui/study_list_page.h"
#include "ui/study_window.h"

#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QTextBrowser>
#include <QTreeWidget>

using namespace migician::annotate;
using migician::ui::StudyCaseView;
using migician::ui::StudyWindow;

namespace {

QImage scene(int width, int height, int seed)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(QColor(220, 215, 200));
    QPainter painter(&image);
    for (int i = 0; i < 12; ++i) {
        painter.setBrush(QColor::fromHsv((seed * 47 + i * 29) % 360, 160, 200));
        painter.drawEllipse(
                QRect((i * 53 + seed * 31) % width, (i * 37 + seed * 13) % height, 40, 30));
    }
    return image;
}

double iou(const NormBox &a, const NormBox &b)
{
    const double w = std::min(a.x2, b.x2) - std::max(a.x1, b.x1);
    const double h = std::min(a.y2, b.y2) - std::max(a.y1, b.y1);
    if (w <= 0 || h <= 0)
        return 0;
    const double inter = w * h;
    return inter / ((a.x2 - a.x1) * (a.y2 - a.y1) + (b.x2 - b.x1) * (b.y2 - b.y1) - inter);
}

std::unique_ptr<StudyWindow> openWindow(const QString &file)
{
    auto window = std::make_unique<StudyWindow>(file);
    window->resize(1100, 650);
    window->show();
    window->activateWindow();
    if (!QTest::qWaitForWindowActive(window.get()))
        qWarning("the study window did not become active");
    return window;
}

void startAs(StudyWindow &window, const QString &name)
{
    window.nameEdit()->setText(name);
    QTreeWidget *studies = window.studyList()->studyTree();
    studies->setCurrentItem(studies->topLevelItem(0));
    QTest::mouseClick(window.startButton(), Qt::LeftButton);
}

} // namespace

class StudyModeTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void blindStudyWithSkipQuitAndResume()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        migician::test::isolateSettings(dir);
        const QString file = dir.filePath(QStringLiteral("study.migician"));
        QMap<qint64, CaseInfo> truth;
        qint64 studyId = 0;
        {
            auto store = ProjectStore::open(file, ProjectStore::OpenMode::CreateNew);
            QVERIFY2(store.ok(), qPrintable(store.error()));
            QVERIFY((*store)->setImagesRoot(dir.path()).ok());
            const QList<QPair<QString, NormBox>> cases{
                    {QStringLiteral("common_object"), NormBox{0.2, 0.3, 0.5, 0.7}},
                    {QStringLiteral("common_object"), NormBox{0.55, 0.1, 0.9, 0.45}},
                    {QStringLiteral("diff"), NormBox{0.1, 0.5, 0.4, 0.9}}};
            // An evaluation run (batch evaluation writes its identity as "evaluation").
            auto run = (*store)->createRun(NewRun{
                    QStringLiteral("opencv"), {}, {}, QStringLiteral("{\"evaluation\":{}}")});
            QVERIFY(run.ok());
            for (int i = 0; i < cases.size(); ++i) {
                NewCase c;
                c.source = QStringLiteral("synthetic");
                c.sourceIndex = i;
                c.task = cases[i].first;
                c.question = QStringLiteral("Case %1: where is the object in the second image?")
                                     .arg(i);
                for (int k = 1; k <= 2; ++k) {
                    const QString name = QStringLiteral("c%1_%2.png").arg(i).arg(k);
                    QVERIFY(scene(400, 300, i * 3 + k).save(dir.filePath(name)));
                    c.imagePaths << name;
                }
                c.groundTruth = cases[i].second;
                c.groundTruthImage = 2;
                auto id = (*store)->addCase(c);
                QVERIFY2(id.ok(), qPrintable(id.error()));
                truth.insert(*id, *(*store)->caseById(*id));
                // The model found every case (to compare with in the report).
                NewPrediction p;
                p.runId = *run;
                p.caseId = *id;
                const NormBox &b = cases[i].second;
                p.rawAnswer = QStringLiteral("It's in the second image. "
                                             "<|box_start|>(%1,%2),(%3,%4)<|box_end|>")
                                      .arg(b.x1 * 1000)
                                      .arg(b.y1 * 1000)
                                      .arg(b.x2 * 1000)
                                      .arg(b.y2 * 1000);
                p.boxes = {PredictedBox{2, b, std::nullopt}};
                QVERIFY((*store)->recordPrediction(p).ok());
            }
            StudySpec spec;
            spec.name = QStringLiteral("pilot");
            spec.fractionPerTask
                    = {{QStringLiteral("common_object"), 1.0}, {QStringLiteral("diff"), 1.0}};
            spec.seed = 11;
            auto created = createStudy(**store, spec);
            QVERIFY2(created.ok(), qPrintable(created.error()));
            studyId = *created;
        }

        // Case 1: the right box, drawn on the right image.
        auto window = openWindow(file);
        startAs(*window, QStringLiteral("alice"));
        QVERIFY2(window->errorText().isEmpty(), qPrintable(window->errorText()));
        QVERIFY(window->progressLabel()->text().contains(QLatin1String("1")));
        const qint64 first = window->currentCaseId();
        QVERIFY(truth.contains(first));
        QCOMPARE(window->caseView()->imageCount(), 2);
        QVERIFY(!window->submitButton()->isEnabled());
        migician::test::drawStudyBox(window->caseView(), 2, *truth[first].groundTruth);
        QVERIFY(window->submitButton()->isEnabled());
        QVERIFY(window->grab().save(
                migician::test::screenshotPath(dir, QStringLiteral("study_mode_case.png"))));
        QTest::qWait(300);
        QVERIFY(window->activeMs() >= 300);
        QTest::mouseClick(window->submitButton(), Qt::LeftButton);

        // Case 2: 250 ms, then quit; the reopened window resumes at this case with that time.
        const qint64 second = window->currentCaseId();
        QVERIFY(second != first && truth.contains(second));
        QTest::qWait(250);
        QTest::mouseClick(window->quitButton(), Qt::LeftButton);
        QVERIFY(!window->isVisible());
        window.reset();

        window = openWindow(file);
        startAs(*window, QStringLiteral("alice"));
        QCOMPARE(window->currentCaseId(), second);
        QVERIFY(window->progressLabel()->text().contains(QLatin1String("2")));
        QVERIFY2(window->activeMs() >= 250, qPrintable(QString::number(window->activeMs())));
        // The timer stops while another window is active.
        QCoreApplication::sendEvent(window.get(), new QEvent(QEvent::WindowDeactivate));
        const qint64 paused = window->activeMs();
        QTest::qWait(300);
        QCOMPARE(window->activeMs(), paused);
        QEvent activate(QEvent::WindowActivate);
        QCoreApplication::sendEvent(window.get(), &activate);
        QTest::qWait(100);
        QVERIFY(window->activeMs() >= paused + 100);
        // A wrong answer: a box far from the object.
        const NormBox gt2 = *truth[second].groundTruth;
        const NormBox wrong
                = gt2.x1 > 0.5 ? NormBox{0.02, 0.6, 0.2, 0.95} : NormBox{0.75, 0.02, 0.98, 0.2};
        migician::test::drawStudyBox(window->caseView(), 2, wrong);
        QTest::mouseClick(window->submitButton(), Qt::LeftButton);

        // Case 3: skipped. Then the report.
        const qint64 third = window->currentCaseId();
        QVERIFY(third != first && third != second && truth.contains(third));
        QTest::qWait(50);
        QTest::mouseClick(window->skipButton(), Qt::LeftButton);
        QVERIFY(window->showsReport());
        QVERIFY(window->grab().save(
                migician::test::screenshotPath(dir, QStringLiteral("study_mode_report.png"))));

        // Stored responses and timings.
        auto store = ProjectStore::open(file, ProjectStore::OpenMode::OpenExisting);
        QVERIFY(store.ok());
        const auto responses = studyResponses(**store, studyId);
        QVERIFY2(responses.ok(), qPrintable(responses.error()));
        QCOMPARE(responses->size(), 3);
        QMap<qint64, StudyResponse> byCase;
        for (const StudyResponse &r : *responses) {
            QCOMPARE(r.annotator, QStringLiteral("alice"));
            byCase.insert(r.caseId, r);
        }
        QVERIFY(!byCase[first].skipped);
        QCOMPARE(byCase[first].image, 2);
        QVERIFY2(iou(byCase[first].box, *truth[first].groundTruth) > 0.95, "drawn where intended");
        QVERIFY(byCase[first].activeMs >= 300);
        QVERIFY(!byCase[second].skipped);
        QCOMPARE(iou(byCase[second].box, gt2), 0.0);
        QVERIFY2(byCase[second].activeMs >= 350,
                 "time before quitting + after reopening, not the paused 300 ms");
        QVERIFY(byCase[second].activeMs < 250 + 100 + 300 + 2000);
        QVERIFY(byCase[third].skipped);

        // The report: one hit of three (the skip is a miss), per task, with Wilson intervals,
        // and the model run on the same cases.
        const auto report = studyReport(**store, studyId);
        QVERIFY2(report.ok(), qPrintable(report.error()));
        const StudyReportRow &humans = report->humans();
        QCOMPARE(humans.responses, 3);
        QCOMPARE(humans.skipped, 1);
        QCOMPARE(report->rows.size(), 3); // alice, humans, the run
        QCOMPARE(report->rows.first().name, QStringLiteral("alice"));
        QCOMPARE(humans.scores.micro.n, 3);
        QCOMPARE(humans.scores.micro.acc50, 1.0 / 3.0);
        const auto ci = wilsonInterval(1, 3);
        QCOMPARE(humans.scores.micro.ci50[0], ci[0]);
        QCOMPARE(humans.scores.micro.ci50[1], ci[1]);
        QMap<QString, QPair<int, int>> expected; // task -> hits, n
        expected[truth[first].task].first += 1;
        for (const qint64 id : {first, second, third})
            expected[truth[id].task].second += 1;
        for (auto it = expected.begin(); it != expected.end(); ++it) {
            QCOMPARE(humans.scores.perTask.value(it.key()).n, it->second);
            QCOMPARE(humans.scores.perTask.value(it.key()).acc50, double(it->first) / it->second);
        }
        const double meanSeconds
                = (byCase[first].activeMs + byCase[second].activeMs + byCase[third].activeMs)
                  / 3000.0;
        QVERIFY(qAbs(report->meanSecondsPerCase - meanSeconds) < 1e-9);
        QCOMPARE(report->runs().size(), 1);
        QCOMPARE(report->runs().first().scores.micro.acc50, 1.0);
        QCOMPARE(report->runs().first().responses, 3);
        const QString shown = window->reportView()->toPlainText();
        QVERIFY2(shown.contains(QLatin1String("33.3")), qPrintable(shown));
        QVERIFY(shown.contains(QStringLiteral("[%1, %2]")
                                       .arg(ci[0] * 100, 0, 'f', 1)
                                       .arg(ci[1] * 100, 0, 'f', 1)));
        QVERIFY(shown.contains(QLatin1String("1 skipped")));
    }
};

MIGICIAN_TEST_CLASS(StudyModeTest)
#include "tst_study_mode.moc"
