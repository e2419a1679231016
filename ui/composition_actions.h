// The workbench's actions and wiring for composing cases and for the case history, kept out of
// MainWindow: New case from selection (Ctrl+N; Ctrl+Shift+N in file order), Paste image
// (Ctrl+V on the canvas or the case list), Move image left / right (Ctrl+Shift+Left / Right),
// Remove image (Shift+Del), drops on the case list and the canvas, the query notice after a
// reorder, the image-file warning bar, and the history panel (show a run's boxes again, re-run,
// copy into the query box). GUI thread; parented to the MainWindow.
#pragma once

#include <QMap>
#include <QObject>

class QAction;
class QMenu;

namespace migician::ui {

class CaseCanvas;
class CaseListView;
class HistoryPanel;
class ImageWarningBar;
class QueryPanel;
class WorkbenchController;

class CompositionActions : public QObject
{
    Q_OBJECT
public:
    struct Widgets
    {
        CaseListView *caseList = nullptr;
        CaseCanvas *canvas = nullptr;
        QueryPanel *query = nullptr;
        HistoryPanel *history = nullptr;
        ImageWarningBar *warning = nullptr;
    };
    CompositionActions(WorkbenchController *controller, const Widgets &widgets, QObject *parent);

    // Adds the entries to the window's menus.
    void addToMenus(QMenu *file, QMenu *edit);

    QAction *newCaseAction() const { return m_newCase; }
    QAction *newCaseInFileOrderAction() const { return m_newCaseFileOrder; }
    QAction *pasteAction() const { return m_paste; }
    QAction *moveLeftAction() const { return m_moveLeft; }
    QAction *moveRightAction() const { return m_moveRight; }
    QAction *removeImageAction() const { return m_removeImage; }

Q_SIGNALS:
    void errorOccurred(const QString &message);
    void rerunRequested(); // the query box holds the entry: run it

private:
    void connectComposition();
    void connectHistory();
    void report(bool ok, const QString &error);
    void updateImageActions();

    WorkbenchController *m_controller;
    Widgets m_widgets;
    QMap<int, int> m_renamed; // the last image renumbering, for "Update the query"
    QAction *m_newCase;
    QAction *m_newCaseFileOrder;
    QAction *m_paste;
    QAction *m_moveLeft;
    QAction *m_moveRight;
    QAction *m_removeImage;
};

} // namespace migician::ui
