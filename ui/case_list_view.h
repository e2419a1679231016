// The case browser's view: thumbnails of the project's cases and of the open folder's images.
// Several can be selected (Ctrl/Shift click, rubber band); orderedSelection() gives them in the
// order they were selected (a Shift range in list order), which is the image order of a case
// made from them. Image files or folders dropped from the desktop are offered to the owner
// (filesDropped), which makes one new case of them. With several selected, each shows its place
// in that order.
#pragma once

#include <QListView>
#include <QPersistentModelIndex>
#include <QSet>

namespace migician::ui {

class CaseListView : public QListView
{
    Q_OBJECT
public:
    explicit CaseListView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model) override;
    QList<int> orderedSelection() const; // rows, in selection order

Q_SIGNALS:
    void filesDropped(const QStringList &files);
    // A row to show: a plain click (not one that extends the selection with Ctrl or Shift), or
    // Enter.
    void rowChosen(int row);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    // Numbers the selected thumbnails 1, 2, 3... in selection order: the image order of a case
    // made from them.
    void paintEvent(QPaintEvent *event) override;

private:
    void onSelectionChanged(const QItemSelection &selected, const QItemSelection &deselected);

    QList<QPersistentModelIndex> m_order;
    QSet<QPersistentModelIndex> m_members;
    Qt::KeyboardModifiers m_clickModifiers;
};

} // namespace migician::ui
