// The "Research" menu of the workbench and the windows it opens: the evaluation dashboard, the
// review queue, study mode (also opened by New study...) and batch evaluation. One instance of
// each, created on first use as a top-level window owned by the main window, and kept in step
// with the open project.
// GUI thread only.
#pragma once

#include <QObject>
#include <QPointer>

class QMenu;
class QMenuBar;
class QWidget;

namespace migician::ui {

class BatchEvaluationWindow;
class DashboardWindow;
class ReviewQueueWindow;
class StudyWindow;
class WorkbenchController;

class ResearchWindows : public QObject
{
    Q_OBJECT
public:
    ResearchWindows(WorkbenchController *controller, QWidget *mainWindow);
    ~ResearchWindows() override;

    QMenu *addMenu(QMenuBar *menuBar);

    // Created on first use (nullptr before); for tests and screenshots.
    DashboardWindow *dashboard() const;
    ReviewQueueWindow *reviewQueue() const;
    StudyWindow *study() const;
    BatchEvaluationWindow *batchEvaluation() const;

public Q_SLOTS:
    void showDashboard();
    void showReviewQueue();
    void showStudy();
    void showNewStudy(); // the study window with its New-study dialog open
    void showBatchEvaluation();
    // Adds a `migician eval` results file (over `benchFile`) to the dashboard and shows it.
    void openResultsInDashboard(const QString &resultsFile, const QString &benchFile);

private:
    void onProjectOpened();
    void reportError(const QString &message);
    template<typename W>
    W *prepare(QPointer<W> &window, W *created);

    WorkbenchController *m_controller;
    QWidget *m_mainWindow;
    QPointer<DashboardWindow> m_dashboard;
    QPointer<ReviewQueueWindow> m_reviewQueue;
    QPointer<StudyWindow> m_study;
    QString m_studyProject;
    QPointer<BatchEvaluationWindow> m_batch;
};

} // namespace migician::ui
