#include "ui/research_windows.h"

#include "annotate/migbench_file.h"
#include "ui/batch_evaluation_window.h"
#include "ui/dashboard_project_series.h"
#include "ui/dashboard_window.h"
#include "ui/review_queue_window.h"
#include "ui/study_list_page.h"
#include "ui/study_window.h"
#include "ui/workbench_controller.h"

#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>

namespace migician::ui {

ResearchWindows::ResearchWindows(WorkbenchController *controller, QWidget *mainWindow)
    : QObject(mainWindow)
    , m_controller(controller)
    , m_mainWindow(mainWindow)
{
    connect(controller, &WorkbenchController::projectOpened, this,
            &ResearchWindows::onProjectOpened);
}

ResearchWindows::~ResearchWindows() = default;

DashboardWindow *ResearchWindows::dashboard() const
{
    return m_dashboard;
}

ReviewQueueWindow *ResearchWindows::reviewQueue() const
{
    return m_reviewQueue;
}

StudyWindow *ResearchWindows::study() const
{
    return m_study;
}

BatchEvaluationWindow *ResearchWindows::batchEvaluation() const
{
    return m_batch;
}

QMenu *ResearchWindows::addMenu(QMenuBar *menuBar)
{
    QMenu *menu = menuBar->addMenu(tr("&Research"));
    menu->addAction(tr("&Dashboard..."), this, &ResearchWindows::showDashboard);
    menu->addAction(tr("&Review queue..."), this, &ResearchWindows::showReviewQueue);
    menu->addAction(tr("&Study mode..."), this, &ResearchWindows::showStudy);
    menu->addAction(tr("&New study..."), this, &ResearchWindows::showNewStudy);
    menu->addAction(tr("&Batch evaluation..."), this, &ResearchWindows::showBatchEvaluation);
    return menu;
}

// A window of the main window (closed with it, never behind it), shown and raised.
template<typename W>
W *ResearchWindows::prepare(QPointer<W> &window, W *created)
{
    if (created) {
        created->setParent(m_mainWindow, Qt::Window);
        created->setAttribute(Qt::WA_DeleteOnClose, false);
        window = created;
    }
    window->show();
    window->raise();
    window->activateWindow();
    return window;
}

void ResearchWindows::showDashboard()
{
    const bool fresh = !m_dashboard;
    prepare(m_dashboard, fresh ? new DashboardWindow : nullptr);
    if (fresh && m_controller->store()) {
        const auto series = projectSeries(*m_controller->store());
        if (series)
            m_dashboard->setSeries(*series);
        else
            reportError(series.error());
    }
}

void ResearchWindows::showReviewQueue()
{
    const bool fresh = !m_reviewQueue;
    prepare(m_reviewQueue, fresh ? new ReviewQueueWindow : nullptr);
    if (!fresh)
        return;
    m_reviewQueue->setStore(m_controller->store());
    connect(m_reviewQueue, &ReviewQueueWindow::caseRequested, this, [this](qint64 caseId) {
        QString error;
        if (!m_controller->showCaseById(caseId, &error))
            reportError(error);
    });
    connect(m_reviewQueue, &ReviewQueueWindow::modelBoxesRequested, this,
            [this](qint64 caseId, qint64 predictionId, const QList<annotate::PredictedBox> &boxes) {
                QString error;
                if (!m_controller->showCaseById(caseId, &error))
                    return reportError(error);
                m_controller->addModelBoxes(predictionId, boxes);
            });
}

void ResearchWindows::showStudy()
{
    const QString project = m_controller->store() ? m_controller->store()->fileName() : QString();
    if (project.isEmpty())
        return reportError(tr("Open a project first: studies live in a project."));
    if (m_study && m_studyProject != project) {
        m_study->close(); // saves the annotator's progress
        delete m_study;
    }
    const bool fresh = !m_study;
    m_studyProject = project;
    prepare(m_study, fresh ? new StudyWindow(project) : nullptr);
}

void ResearchWindows::showNewStudy()
{
    showStudy();
    if (m_study)
        m_study->studyList()->newStudy();
}

void ResearchWindows::showBatchEvaluation()
{
    const bool fresh = !m_batch;
    prepare(m_batch, fresh ? new BatchEvaluationWindow : nullptr);
    if (!fresh) {
        if (m_batch->state() == BatchEvaluationWindow::State::Idle
            || m_batch->state() == BatchEvaluationWindow::State::Finished)
            m_batch->setEngineSettings(m_controller->settings().engine);
        return;
    }
    m_batch->setEngineSettings(m_controller->settings().engine);
    // The model the workbench loaded is the one the batch runs on: no second copy of the weights.
    m_batch->setSharedEngine(m_controller->sharedEngine());
    m_batch->setProjectFile(m_controller->store() ? m_controller->store()->fileName() : QString());
    connect(m_batch, &BatchEvaluationWindow::dashboardRequested, this,
            &ResearchWindows::openResultsInDashboard);
    connect(m_batch, &BatchEvaluationWindow::projectChanged, this, [this](const QString &file) {
        // The bench's cases may be new to the project: reopen it so that the browser lists them.
        QString error;
        if (m_controller->store() && m_controller->store()->fileName() == file
            && !m_controller->openProject(file, &error))
            reportError(error);
    });
}

void ResearchWindows::openResultsInDashboard(const QString &resultsFile, const QString &benchFile)
{
    const auto bench = annotate::readMigBench(benchFile);
    if (!bench)
        return reportError(bench.error());
    const auto series = seriesFromResults(QFileInfo(resultsFile).completeBaseName(), resultsFile,
                                          bench->cases);
    if (!series)
        return reportError(series.error());
    showDashboard();
    QList<DashboardSeries> all = m_dashboard->series();
    all << *series;
    m_dashboard->setSeries(all);
}

void ResearchWindows::onProjectOpened()
{
    annotate::ProjectStore *store = m_controller->store();
    if (m_reviewQueue)
        m_reviewQueue->setStore(store);
    if (m_batch && m_batch->state() != BatchEvaluationWindow::State::Running
        && m_batch->state() != BatchEvaluationWindow::State::Pausing)
        m_batch->setProjectFile(store ? store->fileName() : QString());
    if (m_dashboard && store) {
        if (const auto series = projectSeries(*store))
            m_dashboard->setSeries(*series);
    }
}

void ResearchWindows::reportError(const QString &message)
{
    Q_EMIT m_controller->errorOccurred(message);
}

} // namespace migician::ui
