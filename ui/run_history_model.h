// The runs of the open case as a table, newest first: run, time, author, backend, query, boxes,
// timings and status. Plain values (annotate::CaseRunInfo); GUI thread.
#pragma once

#include "annotate/run_history.h"

#include <QAbstractTableModel>

namespace migician::ui {

class RunHistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        RunColumn,
        WhenColumn,
        QueryColumn,
        BoxesColumn,
        TimeColumn,
        StatusColumn,
        AuthorColumn,
        BackendColumn,
        ColumnCount
    };

    explicit RunHistoryModel(QObject *parent = nullptr);

    void setRuns(const QList<annotate::CaseRunInfo> &runs);
    const annotate::CaseRunInfo &run(int row) const { return m_runs[row]; }
    int rowOfRun(qint64 runId) const; // -1 when absent

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<annotate::CaseRunInfo> m_runs;
};

} // namespace migician::ui
