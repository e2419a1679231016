#include "case_list_model.h"

#include "ui/thumbnail_loader.h"

#include <QDir>
#include <QImageReader>
#include <QPainter>

#include <algorithm>

namespace migician::ui {

namespace {
// "img2" before "img10": digit runs compare by value, the rest case-insensitively. (QCollator's
// numeric mode is not available in every locale, e.g. the C locale of a test run.)
bool naturalLess(const QString &a, const QString &b)
{
    int i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i].isDigit() && b[j].isDigit()) {
            int ei = i, ej = j;
            while (ei < a.size() && a[ei].isDigit())
                ++ei;
            while (ej < b.size() && b[ej].isDigit())
                ++ej;
            // Skip leading zeros (keeping one digit) so that "007" and "7" compare by value.
            while (ei - i > 1 && a[i] == QLatin1Char('0'))
                ++i;
            while (ej - j > 1 && b[j] == QLatin1Char('0'))
                ++j;
            const QStringView ta = QStringView(a).mid(i, ei - i);
            const QStringView tb = QStringView(b).mid(j, ej - j);
            if (ta.size() != tb.size())
                return ta.size() < tb.size();
            if (ta != tb)
                return ta < tb;
            i = ei;
            j = ej;
            continue;
        }
        const QChar ca = a[i].toCaseFolded(), cb = b[j].toCaseFolded();
        if (ca != cb)
            return ca < cb;
        ++i;
        ++j;
    }
    return (a.size() - i) < (b.size() - j);
}
} // namespace

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
    m_rowsByPath.clear();
    for (int row = 0; row < m_entries.size(); ++row)
        m_rowsByPath[m_entries[row].thumbnailPath].append(row);
    endResetModel();
}

void CaseListModel::setCaseId(int row, qint64 caseId)
{
    if (row < 0 || row >= m_entries.size())
        return;
    m_entries[row].caseId = caseId;
    Q_EMIT dataChanged(index(row), index(row), {CaseIdRole});
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
