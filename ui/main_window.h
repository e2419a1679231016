// The workbench's main window: builds the widgets (case browser, multi-image canvas, query and
// answer panels, status bar), its menus and shortcuts, and wires them to the controller. The data
// side (store, case, undo stack, inference) lives in WorkbenchController.
#pragma once

#include "ui/case_list_view.h" // caseList() is a QListView to its users
#include "ui/startup_options.h"

#include <QHash>
#include <QMainWindow>

class QLabel;

namespace migician::ui {

class AnswerPanel;
class CaseCanvas;
class CompositionActions;
class HistoryPanel;
class ImageWarningBar;
class QueryPanel;
class ResearchWindows;
class RunEstimateActions;
class WorkbenchController;
struct InferenceResult;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(const StartupOptions &options, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Renders the window as it is now to a PNG file; false (and *error) when it cannot be written.
    bool saveScreenshot(const QString &path, QString *error);

    WorkbenchController *controller() const { return m_controller; }
    CaseCanvas *canvas() const { return m_canvas; }
    QueryPanel *queryPanel() const { return m_query; }
    AnswerPanel *answerPanel() const { return m_answer; }
    CaseListView *caseList() const { return m_caseList; }
    HistoryPanel *historyPanel() const { return m_history; }
    ImageWarningBar *imageWarning() const { return m_warning; }
    CompositionActions *composition() const { return m_composition; }
    ResearchWindows *research() const { return m_research; }
    RunEstimateActions *estimates() const { return m_estimates; }

public Q_SLOTS:
    void openProject();
    void openFolder();
    void newProject();
    void openDemo();
    void showSettings();
    void showExport();
    void chooseModelFolder();
    void nextCase();
    void previousCase();
    void runQuery();

private:
    void buildWidgets();
    void buildActions();
    void connectController();
    void showCaseRow(int row);
    void onAnswer(const InferenceResult &result);
    void updateStatus();
    void showError(const QString &message);

    StartupOptions m_options;
    WorkbenchController *m_controller;
    CaseCanvas *m_canvas = nullptr;
    QueryPanel *m_query = nullptr;
    AnswerPanel *m_answer = nullptr;
    CaseListView *m_caseList = nullptr;
    HistoryPanel *m_history = nullptr;
    ImageWarningBar *m_warning = nullptr;
    CompositionActions *m_composition = nullptr;
    QLabel *m_backendLabel = nullptr;
    qint64 m_queryCase = 0;               // the case whose query the query box holds
    QHash<qint64, QString> m_queryDrafts; // typed, not yet asked, per case left
    QLabel *m_caseLabel = nullptr;
    ResearchWindows *m_research = nullptr;
    RunEstimateActions *m_estimates = nullptr;
};

} // namespace migician::ui
