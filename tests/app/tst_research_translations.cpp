// The research windows in Chinese and Korean: the workbench's compiled translations (built with
// migician-workbench) are loaded, and the review queue, batch evaluation and dashboard windows
// show translated titles, labels and buttons. Screenshots of the Chinese windows.
#include "support/qt_test_registry.h"

#include "ui/batch_evaluation_window.h"
#include "ui/dashboard_window.h"
#include "ui/review_queue_window.h"

#include <QCoreApplication>
#include <QDir>
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace migician;

namespace {

QString screenshotPath(const QTemporaryDir &dir, const QString &name)
{
    const QString folder = qEnvironmentVariable("MIGICIAN_SCREENSHOT_DIR");
    return (folder.isEmpty() ? dir.path() : folder) + QLatin1Char('/') + name;
}

} // namespace

class ResearchTranslationsTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void translatedWindows_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("reviewTitle");
        QTest::addColumn<QString>("batchTitle");
        QTest::addColumn<QString>("start");
        QTest::addColumn<QString>("dashboardTab");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << QStringLiteral("审阅队列")
                               << QStringLiteral("批量评测") << QStringLiteral("开始(&S)")
                               << QStringLiteral("表 1（Acc@0.5）");
        QTest::newRow("ko") << QStringLiteral("ko") << QStringLiteral("검토 대기열")
                            << QStringLiteral("일괄 평가") << QStringLiteral("시작(&S)")
                            << QStringLiteral("표 1 (Acc@0.5)");
    }

    void translatedWindows()
    {
        QFETCH(QString, language);
        QFETCH(QString, reviewTitle);
        QFETCH(QString, batchTitle);
        QFETCH(QString, start);
        QFETCH(QString, dashboardTab);
        const QString qm = QStringLiteral(MIGICIAN_BINARY_DIR "/app/migician_%1.qm").arg(language);
        QTranslator translator;
        QVERIFY2(translator.load(qm), qPrintable(qm));
        QVERIFY(QCoreApplication::installTranslator(&translator));
        QTemporaryDir dir;

        ui::ReviewQueueWindow review;
        QCOMPARE(review.windowTitle(), reviewTitle);
        ui::BatchEvaluationWindow batch;
        QCOMPARE(batch.windowTitle(), batchTitle);
        QCOMPARE(batch.startButton()->text(), start);
        ui::DashboardWindow dashboard;
        QCOMPARE(dashboard.tabs()->tabText(0), dashboardTab);

        review.show();
        batch.show();
        QVERIFY(QTest::qWaitForWindowExposed(&batch));
        QVERIFY(review.grab().save(
                screenshotPath(dir, QStringLiteral("review_queue_%1.png").arg(language))));
        QVERIFY(batch.grab().save(
                screenshotPath(dir, QStringLiteral("batch_evaluation_%1.png").arg(language))));
        QCoreApplication::removeTranslator(&translator);
    }
};

MIGICIAN_TEST_CLASS(ResearchTranslationsTest)
#include "tst_research_translations.moc"
