#include "history_panel.h"

#include "ui/run_history_model.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace migician::ui {

HistoryPanel::HistoryPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new RunHistoryModel(this))
    , m_view(new QTreeView(this))
    , m_count(new QLabel(this))
    , m_details(new QPlainTextEdit(this))
    , m_rerun(new QPushButton(tr("Re-run"), this))
    , m_copy(new QPushButton(tr("Copy to query"), this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *header = new QHBoxLayout;
    header->addWidget(new QLabel(tr("<b>History</b>"), this));
    header->addStretch();
    m_count->setObjectName(QStringLiteral("historyCount"));
    header->addWidget(m_count);
    layout->addLayout(header);

    m_view->setObjectName(QStringLiteral("historyView"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Run, time and query first; the rest (boxes, timing, status, author, backend) after it,
    // and all of it in the details below.
    m_view->header()->setStretchLastSection(true);
    m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(RunHistoryModel::QueryColumn, QHeaderView::Interactive);
    m_view->header()->resizeSection(RunHistoryModel::QueryColumn, 180);
    layout->addWidget(m_view, 2);

    m_details->setObjectName(QStringLiteral("historyDetails"));
    m_details->setReadOnly(true);
    m_details->setPlaceholderText(tr("Select a run to see its answer and show its boxes again."));
    layout->addWidget(m_details, 1);

    auto *buttons = new QHBoxLayout;
    m_rerun->setObjectName(QStringLiteral("rerunButton"));
    m_rerun->setToolTip(tr("Run the selected entry's query and references again"));
    m_copy->setObjectName(QStringLiteral("copyToQueryButton"));
    m_copy->setToolTip(tr("Put the selected entry's query and references into the query box"));
    buttons->addWidget(m_rerun);
    buttons->addWidget(m_copy);
    buttons->addStretch();
    layout->addLayout(buttons);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &HistoryPanel::onCurrentChanged);
    connect(m_rerun, &QPushButton::clicked, this, [this] {
        if (const auto run = current())
            Q_EMIT rerunRequested(*run);
    });
    connect(m_copy, &QPushButton::clicked, this, [this] {
        if (const auto run = current())
            Q_EMIT copyRequested(*run);
    });
    setRuns({});
}

void HistoryPanel::setRuns(const QList<annotate::CaseRunInfo> &runs)
{
    const qint64 selected = selectedRun();
    {
        const QSignalBlocker block(m_view->selectionModel());
        m_model->setRuns(runs);
    }
    m_count->setText(tr("%n run(s)", nullptr, int(runs.size())));
    // Keep the entry the user was looking at (its boxes stay shown).
    const int row = m_model->rowOfRun(selected);
    if (row >= 0) {
        const QSignalBlocker block(m_view->selectionModel());
        m_view->setCurrentIndex(m_model->index(row, 0));
    } else {
        onCurrentChanged();
    }
}

std::optional<annotate::CaseRunInfo> HistoryPanel::current() const
{
    const QModelIndex index = m_view->currentIndex();
    if (!index.isValid() || index.row() >= m_model->rowCount())
        return std::nullopt;
    return m_model->run(index.row());
}

qint64 HistoryPanel::selectedRun() const
{
    const auto run = current();
    return run ? run->runId : 0;
}

void HistoryPanel::selectRun(qint64 runId)
{
    const int row = m_model->rowOfRun(runId);
    if (row < 0)
        m_view->setCurrentIndex({});
    else
        m_view->setCurrentIndex(m_model->index(row, 0));
    onCurrentChanged();
}

void HistoryPanel::onCurrentChanged()
{
    const auto run = current();
    m_rerun->setEnabled(run.has_value());
    m_copy->setEnabled(run.has_value());
    if (!run) {
        m_details->clear();
        Q_EMIT runSelected(annotate::CaseRunInfo{});
        return;
    }
    QStringList lines;
    lines << tr("Run %1 by %2, %3 (%4)")
                     .arg(run->runId)
                     .arg(run->author, run->started.toLocalTime().toString(Qt::ISODate),
                          annotate::toString(run->status));
    lines << tr("Backend: %1 %2").arg(run->backend.name, run->backend.endpoint);
    lines << tr("Settings: %1").arg(run->backend.samplingJson);
    QStringList timings{tr("total %1 ms").arg(run->timings.totalMs)};
    if (run->timings.firstTokenMs)
        timings << tr("first text %1 ms").arg(*run->timings.firstTokenMs);
    if (run->timings.engineMs)
        timings << tr("backend %1 ms").arg(*run->timings.engineMs);
    lines << tr("Timings: %1").arg(timings.join(QStringLiteral(", ")));
    for (const annotate::RunReference &r : run->references)
        lines << (r.image > 0 ? tr("Reference: crop of Image-%1 (%2, %3)-(%4, %5)")
                                        .arg(r.image)
                                        .arg(r.box.x1, 0, 'f', 3)
                                        .arg(r.box.y1, 0, 'f', 3)
                                        .arg(r.box.x2, 0, 'f', 3)
                                        .arg(r.box.y2, 0, 'f', 3)
                              : tr("Reference: crop of an image no longer in the case"));
    lines << tr("Query: %1").arg(run->query);
    if (!run->error.isEmpty())
        lines << tr("Error: %1").arg(run->error);
    lines << tr("Answer: %1").arg(run->answer);
    m_details->setPlainText(lines.join(QLatin1Char('\n')));
    Q_EMIT runSelected(*run);
}

} // namespace migician::ui
