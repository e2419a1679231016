// The dashboard with two model runs and a human group: Table-1 numbers (CSV / Markdown), the
// plots built from them, PNG and PDF export, and a screenshot.
#include "gui_test_support.h"
#include "support/qt_test_registry.h"

#include "ui/dashboard_window.h"
#include "ui/qcustomplot_include.h"

#include <QClipboard>
#include <QFile>
#include <QGuiApplication>
#include <QTableWidget>

using namespace migician::annotate;
using migician::ui::DashboardSeries;
using migician::ui::DashboardWindow;

namespace {

// Ten cases: 4 region, 3 diff, 3 refer_grounding; ground truth [0.2,0.2,0.6,0.6] in each.
QList<BenchCase> cases()
{
    QList<BenchCase> list;
    const QStringList tasks{
            "region", "region", "region",          "region",          "diff",
            "diff",   "diff",   "refer_grounding", "refer_grounding", "refer_grounding"};
    for (const QString &task : tasks) {
        BenchCase c;
        c.task = task;
        c.images = {QStringLiteral("a.png"), QStringLiteral("b.png")};
        c.question = QStringLiteral("Where is it?");
        c.answer = NormBox{0.2, 0.2, 0.6, 0.6};
        list << c;
    }
    return list;
}

// `hits[i]`: case i gets the exact box (IoU 1) or a disjoint one (IoU 0).
QList<BenchPrediction> predictions(const QList<bool> &hits)
{
    QList<BenchPrediction> list;
    for (int i = 0; i < hits.size(); ++i) {
        BenchPrediction p;
        p.index = i;
        p.box = hits[i] ? NormBox{0.2, 0.2, 0.6, 0.6} : NormBox{0.7, 0.7, 0.9, 0.9};
        list << p;
    }
    return list;
}

} // namespace

class DashboardTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void twoRunsAndHumans()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QList<BenchCase> bench = cases();
        const QList<double> seconds{1.2, 0.9, 1.1, 1.4, 0.8, 0.7, 0.9, 1.6, 1.3, 1.0};
        const QList<DashboardSeries> series{
                migician::ui::seriesFromPredictions(
                        QStringLiteral("Migician"), DashboardSeries::Kind::Model, bench,
                        predictions({1, 1, 1, 0, 1, 1, 0, 1, 0, 0}), seconds, false),
                migician::ui::seriesFromPredictions(QStringLiteral("OpenCV assistant"),
                                                    DashboardSeries::Kind::Model, bench,
                                                    predictions({1, 1, 1, 1, 1, 0, 0, 0, 0, 0}),
                                                    QList<double>(10, 0.05), false),
                migician::ui::seriesFromPredictions(QStringLiteral("Humans (blind)"),
                                                    DashboardSeries::Kind::Human, bench,
                                                    predictions({1, 1, 1, 1, 1, 1, 1, 1, 1, 0}),
                                                    {14, 9, 11, 20, 8, 12, 7, 16, 10, 25}, false)};
        // Per task Acc@0.5 in %: diff, refer_grounding, region, then the mean over tasks.
        const QString expectedCsv = QStringLiteral("series,diff,refer_grounding,region,average\n"
                                                   "Migician,66.67,33.33,75.00,58.33\n"
                                                   "OpenCV assistant,33.33,0.00,100.00,44.44\n"
                                                   "Humans (blind),100.00,66.67,100.00,88.89\n");
        QCOMPARE(migician::ui::table1Csv(series), expectedCsv);
        QVERIFY(migician::ui::table1Markdown(series).startsWith(
                QLatin1String("| series | diff | refer_grounding | region | average "
                              "|\n|---|---|---|---|---|\n")));
        QCOMPARE(migician::ui::accuracyAt(series[0].ious, 0.5), 0.6);

        DashboardWindow window;
        window.setSeries(series);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.table()->rowCount(), 3);
        QCOMPARE(window.table()->item(2, 2)->text(), QStringLiteral("66.67"));
        // Table 1: one bar set and one error-bar set per series, 4 groups (3 tasks + AVE).
        QCustomPlot *table1 = window.plot(DashboardWindow::Table1);
        QCOMPARE(table1->plottableCount(), 6);
        auto *bars = qobject_cast<QCPBars *>(table1->plottable(0));
        QVERIFY(bars);
        QCOMPARE(bars->data()->size(), 4);
        // The humans' region bar: 100 % with a Wilson interval of 4/4.
        auto *humanErrors = qobject_cast<QCPErrorBars *>(table1->plottable(5));
        QVERIFY(humanErrors);
        const auto wilson = wilsonInterval(4, 4);
        QVERIFY(qAbs(humanErrors->data()->at(2).errorMinus - (1 - wilson[0]) * 100) < 1e-9);
        QCOMPARE(window.plot(DashboardWindow::AccuracyVsThreshold)->graphCount(), 3);
        QCOMPARE(window.plot(DashboardWindow::Latency)->graph(2)->data()->size(), 10);

        window.copyCsv();
        QCOMPARE(QGuiApplication::clipboard()->text(), expectedCsv);
        window.copyMarkdown();
        QVERIFY(QGuiApplication::clipboard()->text().contains(
                QLatin1String("| Humans (blind) | 100.00 |")));

        for (int p = 0; p < DashboardWindow::PlotCount; ++p) {
            const QString png = dir.filePath(QStringLiteral("plot%1.png").arg(p));
            const QString pdf = dir.filePath(QStringLiteral("plot%1.pdf").arg(p));
            QVERIFY(window.exportPlot(DashboardWindow::Plot(p), png));
            QVERIFY(window.exportPlot(DashboardWindow::Plot(p), pdf));
            QImage image(png);
            QVERIFY(!image.isNull() && image.width() >= 900);
            QFile file(pdf);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY(file.read(4) == "%PDF");
        }
        QVERIFY(window.exportPlot(
                DashboardWindow::Table1,
                migician::test::screenshotPath(dir, QStringLiteral("dashboard_table1_plot.png"))));
        for (int tab : {0, 1, 2, 3, 4}) {
            window.tabs()->setCurrentIndex(tab);
            QTest::qWait(20);
            QVERIFY(window.grab().save(migician::test::screenshotPath(
                    dir, QStringLiteral("dashboard_tab%1.png").arg(tab))));
        }
    }
};

MIGICIAN_TEST_CLASS(DashboardTest)
#include "tst_dashboard.moc"
