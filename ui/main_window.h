// The workbench's main window: builds the widgets (case browser, multi-image canvas, query and
// answer panels, status bar), its menus and shortcuts, and wires them to the controller. The data
// side (store, case, undo stack, inference) lives in WorkbenchController.
#pragma once

#include "ui/startup_options.h"

#include <QMainWindow>

class QLabel;
class QListView;

namespace migician::ui {

class AnswerPanel;
class CaseCanvas;
class QueryPanel;
class ResearchWindows;
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
    QListView *caseList() const { return m_caseList; }
    ResearchWindows *research() const { return m_research; }

public Q_SLOTS:
    void openProject();
    void openFolder();
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
    QListView *m_caseList = nullptr;
    QLabel *m_backendLabel = nullptr;
    QLabel *m_caseLabel = nullptr;
    ResearchWindows *m_research = nullptr;
};

} // namespace migician::ui
