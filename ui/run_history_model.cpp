#include "run_history_model.h"

#include <QColor>
#include <QLocale>

namespace migician::ui {

RunHistoryModel::RunHistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void RunHistoryModel::setRuns(const QList<annotate::CaseRunInfo> &runs)
{
    beginResetModel();
    m_runs = runs;
    endResetModel();
}

int RunHistoryModel::rowOfRun(qint64 runId) const
{
    for (int row = 0; row < m_runs.size(); ++row)
        if (m_runs[row].runId == runId)
            return row;
    return -1;
}

int RunHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

int RunHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_runs.size())
        return {};
    const annotate::CaseRunInfo &r = m_runs[index.row()];
    if (role == Qt::ToolTipRole && index.column() == QueryColumn)
        return r.query;
    if (role == Qt::ToolTipRole && index.column() == WhenColumn)
        return QLocale().toString(r.started.toLocalTime(), QLocale::LongFormat);
    if (role == Qt::ForegroundRole && r.status != annotate::RunStatus::Answered)
        return QColor(0x9e, 0x9e, 0x9e);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case RunColumn:
        return r.runId;
    case WhenColumn: {
        // Today's runs by their time only: the column stays narrow.
        const QDateTime local = r.started.toLocalTime();
        return local.date() == QDate::currentDate()
                       ? QLocale().toString(local.time(), QStringLiteral("HH:mm:ss"))
                       : QLocale().toString(local, QLocale::ShortFormat);
    }
    case AuthorColumn:
        return r.author;
    case BackendColumn:
        return r.backend.name;
    case QueryColumn: {
        QString text = r.query.simplified();
        if (!r.references.isEmpty())
            text = tr("[%n reference(s)] ", nullptr, int(r.references.size())) + text;
        return text;
    }
    case BoxesColumn:
        return int(r.boxes.size());
    case TimeColumn:
        return tr("%1 ms").arg(r.timings.totalMs);
    case StatusColumn:
        switch (r.status) {
        case annotate::RunStatus::Answered:
            return tr("answered");
        case annotate::RunStatus::Cancelled:
            return tr("cancelled");
        case annotate::RunStatus::Failed:
            return tr("failed");
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant RunHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case RunColumn:
        return tr("Run");
    case WhenColumn:
        return tr("When");
    case AuthorColumn:
        return tr("Author");
    case BackendColumn:
        return tr("Backend");
    case QueryColumn:
        return tr("Query");
    case BoxesColumn:
        return tr("Boxes");
    case TimeColumn:
        return tr("Time");
    case StatusColumn:
        return tr("Status");
    default:
        return {};
    }
}

} // namespace migician::ui
