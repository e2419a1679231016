#include "case_list_view.h"

#include "ui/image_files.h"

#include <QDropEvent>
#include <QMimeData>
#include <QMouseEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QSet>

#include <algorithm>

namespace migician::ui {

CaseListView::CaseListView(QWidget *parent)
    : QListView(parent)
{
    setViewMode(QListView::IconMode);
    setFlow(QListView::TopToBottom);
    setWrapping(false);
    setMovement(QListView::Static);
    setIconSize(QSize(128, 96));
    setGridSize(QSize(150, 128));
    setUniformItemSizes(true); // constant-time layout for 10,000 rows
    setTextElideMode(Qt::ElideMiddle);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setSelectionRectVisible(true);
    setDropIndicatorShown(false);
    // Drops land on the viewport (the scroll area ignores them itself); after setMovement(),
    // which turns them off for a static list.
    setAcceptDrops(true);
    viewport()->setAcceptDrops(true);
    setToolTip(tr("Ctrl/Shift+click or drag a rectangle to select several, then Ctrl+N makes one "
                  "case of them; drop image files or folders here to make a case of them"));
    connect(this, &QListView::clicked, this, [this](const QModelIndex &index) {
        if (!(m_clickModifiers & (Qt::ControlModifier | Qt::ShiftModifier)))
            Q_EMIT rowChosen(index.row());
    });
    connect(this, &QListView::activated, this,
            [this](const QModelIndex &index) { Q_EMIT rowChosen(index.row()); });
}

void CaseListView::mouseReleaseEvent(QMouseEvent *event)
{
    m_clickModifiers = event->modifiers(); // clicked() follows from inside the base class
    QListView::mouseReleaseEvent(event);
}

void CaseListView::setModel(QAbstractItemModel *model)
{
    QListView::setModel(model);
    m_order.clear();
    m_members.clear();
    connect(selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &CaseListView::onSelectionChanged);
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        m_order.clear();
        m_members.clear();
    });
}

void CaseListView::onSelectionChanged(const QItemSelection &selected,
                                      const QItemSelection &deselected)
{
    // Sets keep this linear: selecting all of a 10,000-image folder stays instant.
    if (!deselected.isEmpty()) {
        QSet<QPersistentModelIndex> gone;
        for (const QModelIndex &index : deselected.indexes())
            gone.insert(QPersistentModelIndex(index));
        m_order.erase(
                std::remove_if(m_order.begin(), m_order.end(),
                               [&](const QPersistentModelIndex &i) { return gone.contains(i); }),
                m_order.end());
        for (const QPersistentModelIndex &index : std::as_const(gone))
            m_members.remove(index);
    }
    QModelIndexList added = selected.indexes();
    std::sort(added.begin(), added.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    for (const QModelIndex &index : std::as_const(added)) {
        const QPersistentModelIndex persistent(index);
        if (!m_members.contains(persistent)) {
            m_members.insert(persistent);
            m_order << persistent;
        }
    }
    viewport()->update(); // the other selected thumbnails' numbers may have changed
}

QList<int> CaseListView::orderedSelection() const
{
    QList<int> rows;
    QSet<int> seen;
    for (const QPersistentModelIndex &index : m_order)
        if (index.isValid() && selectionModel()->isSelected(index) && !seen.contains(index.row())) {
            rows << index.row();
            seen.insert(index.row());
        }
    // Anything selected without a selectionChanged we saw follows, in list order.
    QModelIndexList all = selectionModel()->selectedIndexes();
    std::sort(all.begin(), all.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    for (const QModelIndex &index : std::as_const(all))
        if (!seen.contains(index.row())) {
            rows << index.row();
            seen.insert(index.row());
        }
    return rows;
}

void CaseListView::paintEvent(QPaintEvent *event)
{
    QListView::paintEvent(event);
    const QList<int> rows = orderedSelection();
    if (rows.size() < 2)
        return;
    QPainter painter(viewport());
    painter.setRenderHint(QPainter::Antialiasing);
    QFont font = painter.font();
    font.setBold(true);
    painter.setFont(font);
    const int diameter = QFontMetrics(font).height() + 6;
    for (int i = 0; i < rows.size(); ++i) {
        const QRect item = visualRect(model()->index(rows.at(i), 0));
        if (!item.intersects(event->rect()))
            continue;
        const QRect badge(item.topLeft() + QPoint(4, 4), QSize(diameter, diameter));
        painter.setPen(QPen(Qt::white, 2));
        painter.setBrush(QColor(0x00, 0x8b, 0xd6));
        painter.drawEllipse(badge);
        painter.drawText(badge, Qt::AlignCenter, QString::number(i + 1));
    }
}

void CaseListView::dragEnterEvent(QDragEnterEvent *event)
{
    acceptFileDrag(event);
}

void CaseListView::dragMoveEvent(QDragMoveEvent *event)
{
    acceptFileDrag(event);
}

void CaseListView::dropEvent(QDropEvent *event)
{
    const QStringList files = takeDroppedImageFiles(event);
    if (event->isAccepted())
        Q_EMIT filesDropped(files);
}

} // namespace migician::ui
