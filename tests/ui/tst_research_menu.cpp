// The main window's Research menu: each entry opens its window as a top-level window of the
// main window, and a second trigger raises the same instance.
#include "gui_test_support.h"
#include "support/qt_test_registry.h"
#include "support/review_project.h"

#include "ui/batch_evaluation_window.h"
#include "ui/dashboard_window.h"
#include "ui/main_window.h"
#include "ui/new_study_dialog.h"
#include "ui/research_windows.h"
#include "ui/review_queue_window.h"
#include "ui/study_window.h"

#include <QMenu>
#include <QMenuBar>

using namespace migician;

class ResearchMenuTest : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    static QAction *researchAction(ui::MainWindow &window, const QString &text)
    {
        for (QAction *top : window.menuBar()->actions())
            if (top->menu() && top->text() == QLatin1String("&Research"))
                for (QAction *action : top->menu()->actions())
                    if (action->text() == text)
                        return action;
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::isolateSettings(m_dir);
    }

    void opensOneInstanceEach()
    {
        const QString file = m_dir.filePath(QStringLiteral("menu.migician"));
        QVERIFY(test::makeReviewProject(file).store);
        ui::StartupOptions options;
        options.openDemo = false;
        options.projectPath = file;
        ui::MainWindow window(options);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ui::ResearchWindows *research = window.research();
        const QStringList entries{"&Dashboard...", "&Review queue...", "&Study mode...",
                                  "&Batch evaluation..."};
        QList<QWidget *> opened;
        for (const QString &entry : entries) {
            QAction *action = researchAction(window, entry);
            QVERIFY2(action, qPrintable(entry));
            action->trigger();
            QWidget *shown = nullptr;
            switch (opened.size()) {
            case 0:
                shown = research->dashboard();
                break;
            case 1:
                shown = research->reviewQueue();
                break;
            case 2:
                shown = research->study();
                break;
            default:
                shown = research->batchEvaluation();
                break;
            }
            QVERIFY2(shown, qPrintable(entry));
            QVERIFY(shown->isWindow() && shown->isVisible());
            QCOMPARE(shown->parentWidget(), &window);
            action->trigger(); // again: the same window
            opened << shown;
        }
        QCOMPARE(static_cast<QWidget *>(research->dashboard()), opened[0]);
        QCOMPARE(static_cast<QWidget *>(research->reviewQueue()), opened[1]);
        QCOMPARE(static_cast<QWidget *>(research->study()), opened[2]);
        QCOMPARE(static_cast<QWidget *>(research->batchEvaluation()), opened[3]);
        QCOMPARE(window.findChildren<ui::DashboardWindow *>().size(), 1);
        QCOMPARE(window.findChildren<ui::StudyWindow *>().size(), 1);
        // The project's data reached them: the review queue lists its cases, the batch window
        // stores into it, the dashboard has no evaluation run yet (a hand-made run only).
        QCOMPARE(research->reviewQueue()->items().size(), 4);
        QCOMPARE(research->batchEvaluation()->request().projectFile, file);
        QVERIFY(research->dashboard()->series().isEmpty());
        // New study... brings up the study window with its New-study dialog over it.
        QAction *newStudy = researchAction(window, QStringLiteral("&New study..."));
        QVERIFY(newStudy);
        newStudy->trigger();
        QCOMPARE(static_cast<QWidget *>(research->study()), opened[2]);
        const auto dialogs = research->study()->findChildren<ui::NewStudyDialog *>();
        QCOMPARE(dialogs.size(), 1);
        QVERIFY(dialogs.first()->isVisible());
    }
};

MIGICIAN_TEST_CLASS(ResearchMenuTest)
#include "tst_research_menu.moc"
