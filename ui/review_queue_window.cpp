#include "ui/review_queue_window.h"

#include <QAction>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QVBoxLayout>

namespace migician::ui {

using namespace migician::annotate;

namespace {

enum Column { CaseColumn, TaskColumn, IouColumn, ModelColumn, ReferenceColumn, StatusColumn };

QString boxText(int image, const NormBox &box)
{
    return QStringLiteral("Image-%1 [%2, %3, %4, %5]")
            .arg(image > 0 ? QString::number(image) : QStringLiteral("?"))
            .arg(box.x1, 0, 'f', 3)
            .arg(box.y1, 0, 'f', 3)
            .arg(box.x2, 0, 'f', 3)
            .arg(box.y2, 0, 'f', 3);
}

} // namespace

ReviewQueueWindow::ReviewQueueWindow(QWidget *parent)
    : QWidget(parent)
    , m_task(new QComboBox(this))
    , m_run(new QComboBox(this))
    , m_reference(new QComboBox(this))
    , m_minIou(new QDoubleSpinBox(this))
    , m_maxIou(new QDoubleSpinBox(this))
    , m_table(new QTableWidget(this))
    , m_count(new QLabel(this))
    , m_details(new QLabel(this))
    , m_error(new QLabel(this))
    , m_previous(new QPushButton(tr("&Previous"), this))
    , m_next(new QPushButton(tr("&Next"), this))
    , m_correct(new QPushButton(tr("&Correct the model's box"), this))
{
    setWindowTitle(tr("Review queue"));
    m_reference->addItem(tr("Model vs ground truth"), int(ReviewReference::GroundTruth));
    m_reference->addItem(tr("Model vs human annotation"), int(ReviewReference::HumanAnnotation));
    for (QDoubleSpinBox *spin : {m_minIou, m_maxIou}) {
        spin->setRange(0, 1);
        spin->setSingleStep(0.05);
        spin->setDecimals(2);
    }
    m_minIou->setValue(0);
    m_maxIou->setValue(0.5);
    m_minIou->setObjectName(QStringLiteral("minIou"));
    m_maxIou->setObjectName(QStringLiteral("maxIou"));

    auto *filters = new QFormLayout;
    filters->addRow(tr("Compare:"), m_reference);
    filters->addRow(tr("Task:"), m_task);
    filters->addRow(tr("Run:"), m_run);
    auto *range = new QHBoxLayout;
    range->addWidget(m_minIou);
    range->addWidget(new QLabel(tr("to"), this));
    range->addWidget(m_maxIou);
    range->addStretch(1);
    filters->addRow(tr("IoU from:"), range);

    m_table->setColumnCount(6);
    m_table->setHorizontalHeaderLabels(
            {tr("Case"), tr("Task"), tr("IoU"), tr("Model"), tr("Reference"), tr("Status")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setObjectName(QStringLiteral("reviewTable"));

    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    m_previous->setToolTip(tr("Previous case in the queue (P)"));
    m_next->setToolTip(tr("Next case in the queue (N)"));
    m_correct->setToolTip(
            tr("Put the model's box on the canvas to move or resize it; the change is saved as a "
               "correction (E)"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_previous);
    buttons->addWidget(m_next);
    buttons->addStretch(1);
    buttons->addWidget(m_correct);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_count);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_details);
    layout->addWidget(m_error);
    layout->addLayout(buttons);

    // Single keys, for this window only (the list keeps its arrow keys).
    auto addKey = [this](Qt::Key key, void (ReviewQueueWindow::*slot)()) {
        auto *action = new QAction(this);
        action->setShortcut(QKeySequence(key));
        action->setShortcutContext(Qt::WindowShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
    };
    addKey(Qt::Key_N, &ReviewQueueWindow::next);
    addKey(Qt::Key_P, &ReviewQueueWindow::previous);
    addKey(Qt::Key_E, &ReviewQueueWindow::correctModelBox);

    connect(m_previous, &QPushButton::clicked, this, &ReviewQueueWindow::previous);
    connect(m_next, &QPushButton::clicked, this, &ReviewQueueWindow::next);
    connect(m_correct, &QPushButton::clicked, this, &ReviewQueueWindow::correctModelBox);
    connect(m_table, &QTableWidget::currentCellChanged, this,
            [this](int row) { setCurrentIndex(row); });
    for (QComboBox *combo : {m_reference, m_task, m_run})
        connect(combo, &QComboBox::currentIndexChanged, this, &ReviewQueueWindow::refresh);
    for (QDoubleSpinBox *spin : {m_minIou, m_maxIou})
        connect(spin, &QDoubleSpinBox::valueChanged, this, &ReviewQueueWindow::refresh);
    resize(760, 560);
    fillChoosers();
    refresh();
}

QString ReviewQueueWindow::errorText() const
{
    return m_error->text();
}

void ReviewQueueWindow::setStore(ProjectStore *store)
{
    m_store = store;
    fillChoosers();
    refresh();
}

void ReviewQueueWindow::fillChoosers()
{
    const QSignalBlocker blockTask(m_task);
    const QSignalBlocker blockRun(m_run);
    m_task->clear();
    m_run->clear();
    m_task->addItem(tr("All tasks"), QString());
    m_run->addItem(tr("Latest prediction of each case"), qint64(0));
    if (!m_store)
        return;
    if (const auto tasks = m_store->tasks())
        for (const QString &task : *tasks)
            m_task->addItem(task, task);
    if (const auto runs = runsWithCasePredictions(*m_store))
        for (const RunInfo &run : *runs)
            m_run->addItem(tr("Run %1: %2 (%3)")
                                   .arg(run.id)
                                   .arg(run.backend,
                                        QLocale().toString(run.started, QLocale::ShortFormat)),
                           run.id);
}

void ReviewQueueWindow::refresh()
{
    m_error->clear();
    m_items.clear();
    if (m_store) {
        ReviewFilter filter;
        filter.reference = ReviewReference(m_reference->currentData().toInt());
        filter.task = m_task->currentData().toString();
        filter.runId = m_run->currentData().toLongLong();
        filter.minIou = m_minIou->value();
        filter.maxIou = m_maxIou->value();
        const auto queue = reviewQueue(*m_store, filter);
        if (queue)
            m_items = *queue;
        else
            m_error->setText(queue.error());
    } else {
        m_error->setText(tr("Open a project to review its predictions."));
    }
    {
        const QSignalBlocker block(m_table);
        m_table->clearContents();
        m_table->setRowCount(int(m_items.size()));
        for (int row = 0; row < m_items.size(); ++row) {
            const ReviewItem &item = m_items[row];
            const QString caseName
                    = item.sourceIndex >= 0
                              ? tr("#%1 (case %2)").arg(item.sourceIndex).arg(item.caseId)
                              : tr("case %1").arg(item.caseId);
            const QString model = item.predicted.isEmpty() ? tr("no box")
                                                           : boxText(item.predicted.first().image,
                                                                     item.predicted.first().box);
            const QStringList cells{caseName,
                                    item.task,
                                    QString::number(item.iou, 'f', 2),
                                    model,
                                    boxText(item.referenceImage, item.reference),
                                    item.hasCorrection ? tr("corrected") : tr("to review")};
            for (int column = 0; column < cells.size(); ++column) {
                auto *cell = new QTableWidgetItem(cells[column]);
                cell->setToolTip(item.question);
                m_table->setItem(row, column, cell);
            }
        }
        m_table->resizeColumnsToContents();
    }
    m_count->setText(tr("%n case(s) to review", nullptr, int(m_items.size())));
    m_current = -1;
    showDetails();
}

void ReviewQueueWindow::setCurrentIndex(int index)
{
    if (index < 0 || index >= m_items.size() || index == m_current)
        return;
    m_current = index;
    {
        const QSignalBlocker block(m_table);
        m_table->setCurrentCell(index, IouColumn);
        m_table->selectRow(index);
    }
    showDetails();
    Q_EMIT caseRequested(m_items[index].caseId);
}

void ReviewQueueWindow::next()
{
    if (m_items.isEmpty())
        return;
    setCurrentIndex(m_current < 0 ? 0 : std::min(m_current + 1, int(m_items.size()) - 1));
}

void ReviewQueueWindow::previous()
{
    if (m_items.isEmpty())
        return;
    setCurrentIndex(m_current < 0 ? 0 : std::max(m_current - 1, 0));
}

void ReviewQueueWindow::correctModelBox()
{
    if (m_current < 0 || m_current >= m_items.size())
        return;
    const ReviewItem &item = m_items[m_current];
    if (item.predicted.isEmpty()) {
        m_error->setText(tr("The model gave no box for this case: draw one with the New box tool "
                            "(W)."));
        return;
    }
    Q_EMIT modelBoxesRequested(item.caseId, item.predictionId, item.predicted);
}

void ReviewQueueWindow::showDetails()
{
    const bool has = m_current >= 0 && m_current < m_items.size();
    m_previous->setEnabled(has && m_current > 0);
    m_next->setEnabled(!m_items.isEmpty() && m_current < m_items.size() - 1);
    m_correct->setEnabled(has && !m_items[m_current].predicted.isEmpty());
    if (!has) {
        m_details->setText(m_items.isEmpty() ? QString()
                                             : tr("Press N (or Next) to open the first case."));
        return;
    }
    const ReviewItem &item = m_items[m_current];
    m_details->setText(tr("%1 of %2 | IoU %3 | %4\nModel answer: %5")
                               .arg(m_current + 1)
                               .arg(m_items.size())
                               .arg(item.iou, 0, 'f', 3)
                               .arg(item.question, item.answer.left(200)));
}

} // namespace migician::ui
