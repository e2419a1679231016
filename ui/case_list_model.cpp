#include "case_list_model.h"

#include "ui/natural_order.h"
#include "ui/thumbnail_loader.h"

#include <QDir>
#include <QImageReader>
#include <QPainter>

#include <algorithm>

namespace migician::ui {

CaseListModel::CaseListModel(QObject *parent)
    : QAbstractListModel(parent)
    , m_loader(new ThumbnailLoader(QSize(128, 96), this))
{
    m_placeholder = QPixmap(m_loader->size());
    m_placeholder.fill(QColor(0x3a, 0x3d, 0x42));
    connect(m_loader, &ThumbnailLoader::loaded, this, &CaseListModel::onLoaded);
}

void CaseListModel::setEntries(QList<CaseEntry> entries)
{
    beginResetModel();
    m_loader->clearQueue();
    m_entries = std::move(entries);
    rebuildPathIndex();
    endResetModel();
}

void CaseListModel::setCaseId(int row, qint64 caseId)
{
    if (row < 0 || row >= m_entries.size())
        return;
    m_entries[row].caseId = caseId;
    Q_EMIT dataChanged(index(row), index(row), {CaseIdRole});
}

void CaseListModel::insertEntry(int row, const CaseEntry &entry)
{
    row = std::clamp(row, 0, int(m_entries.size()));
    beginInsertRows({}, row, row);
    m_entries.insert(row, entry);
    endInsertRows();
    rebuildPathIndex();
}

void CaseListModel::updateEntry(int row, const CaseEntry &entry)
{
    if (row < 0 || row >= m_entries.size())
        return;
    m_entries[row] = entry;
    rebuildPathIndex();
    Q_EMIT dataChanged(index(row), index(row));
}

void CaseListModel::rebuildPathIndex()
{
    m_rowsByPath.clear();
    for (int row = 0; row < m_entries.size(); ++row)
        m_rowsByPath[m_entries[row].thumbnailPath].append(row);
}

int CaseListModel::rowOfCase(qint64 caseId) const
{
    for (int row = 0; row < m_entries.size(); ++row)
        if (m_entries[row].caseId == caseId)
            return row;
    return -1;
}

QList<CaseEntry> CaseListModel::folderEntries(const QString &folder)
{
    QStringList filters;
    for (const QByteArray &format : QImageReader::supportedImageFormats())
        filters << QStringLiteral("*.") + QString::fromLatin1(format);
    QDir dir(folder);
    QStringList names = dir.entryList(filters, QDir::Files | QDir::Readable, QDir::NoSort);
    std::sort(names.begin(), names.end(), naturalLess);
    QList<CaseEntry> entries;
    entries.reserve(names.size());
    for (const QString &name : std::as_const(names)) {
        CaseEntry entry;
        entry.title = name;
        entry.toolTip = dir.filePath(name);
        entry.thumbnailPath = dir.filePath(name);
        entry.relativePath = name;
        entries << entry;
    }
    return entries;
}

int CaseListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant CaseListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const CaseEntry &e = m_entries[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return e.title;
    case Qt::ToolTipRole:
        return e.toolTip;
    case CaseIdRole:
        return e.caseId;
    case RelativePathRole:
        return e.relativePath;
    case Qt::DecorationRole: {
        if (e.thumbnailPath.isEmpty())
            return m_placeholder;
        if (const QPixmap *cached = m_thumbnails.object(e.thumbnailPath))
            return *cached;
        if (!m_loader->isPending(e.thumbnailPath)) {
            ++m_requested;
            m_loader->request(e.thumbnailPath);
        }
        return m_placeholder;
    }
    default:
        return {};
    }
}

void CaseListModel::onLoaded(const QString &path, const QImage &image)
{
    QPixmap pixmap(m_loader->size());
    pixmap.fill(QColor(0x3a, 0x3d, 0x42));
    if (!image.isNull()) {
        QPainter painter(&pixmap);
        const QPoint at((pixmap.width() - image.width()) / 2,
                        (pixmap.height() - image.height()) / 2);
        painter.drawImage(at, image);
    }
    m_thumbnails.insert(path, new QPixmap(pixmap));
    for (int row : m_rowsByPath.value(path))
        Q_EMIT dataChanged(index(row), index(row), {Qt::DecorationRole});
}

} // namespace migician::ui
