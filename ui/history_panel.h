// The history panel of the open case: every run on it, newest first (RunHistoryModel). Selecting
// an entry shows its answer and settings below the list and asks for its boxes to be shown
// again on the canvas (runSelected); Re-run and Copy to query hand the entry to the owner.
#pragma once

#include "annotate/run_history.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeView;

namespace migician::ui {

class RunHistoryModel;

class HistoryPanel : public QWidget
{
    Q_OBJECT
public:
    explicit HistoryPanel(QWidget *parent = nullptr);

    void setRuns(const QList<annotate::CaseRunInfo> &runs);
    RunHistoryModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    QPushButton *rerunButton() const { return m_rerun; }
    QPushButton *copyButton() const { return m_copy; }
    // Selects the entry of a run (0: none); emits runSelected.
    void selectRun(qint64 runId);
    qint64 selectedRun() const;

Q_SIGNALS:
    void runSelected(const migician::annotate::CaseRunInfo &run); // runId 0: none
    void rerunRequested(const migician::annotate::CaseRunInfo &run);
    void copyRequested(const migician::annotate::CaseRunInfo &run);

private:
    void onCurrentChanged();
    std::optional<annotate::CaseRunInfo> current() const;

    RunHistoryModel *m_model;
    QTreeView *m_view;
    QLabel *m_count;
    QPlainTextEdit *m_details;
    QPushButton *m_rerun;
    QPushButton *m_copy;
};

} // namespace migician::ui

Q_DECLARE_METATYPE(migician::annotate::CaseRunInfo)
