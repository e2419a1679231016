// The case browser's list: the cases of a project or the image files of a folder. Thumbnails are
// asked for in data(DecorationRole), which views call only for rows they paint, so a folder of
// 10,000 images costs one directory listing up front and a few dozen decodes per screen.
#pragma once

#include "annotate/store_types.h"

#include <QAbstractListModel>
#include <QCache>
#include <QHash>
#include <QImage>
#include <QPixmap>

namespace migician::ui {

class ThumbnailLoader;

struct CaseEntry
{
    QString title;
    QString toolTip;
    QString thumbnailPath; // absolute path of the image shown as the thumbnail
    qint64 caseId = 0;     // 0 for a folder image that is not a case yet
    QString relativePath;  // folder entries: the image relative to the folder
    int imageCount = 1;    // images of the case (folder entries: 1)
};

class CaseListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { CaseIdRole = Qt::UserRole + 1, RelativePathRole };

    explicit CaseListModel(QObject *parent = nullptr);

    void setEntries(QList<CaseEntry> entries);
    const CaseEntry &entry(int row) const { return m_entries[row]; }
    void setCaseId(int row, qint64 caseId);
    // Rows change one by one (not a reset), so selection and scrolling of a long list stay.
    void insertEntry(int row, const CaseEntry &entry);
    void updateEntry(int row, const CaseEntry &entry);
    int rowOfCase(qint64 caseId) const;

    // Image files of a folder (not recursive), sorted by name, as one-image entries.
    static QList<CaseEntry> folderEntries(const QString &folder);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

    ThumbnailLoader *loader() const { return m_loader; }
    int thumbnailsRequested() const { return m_requested; }

private:
    void onLoaded(const QString &path, const QImage &image);
    void rebuildPathIndex();

    QList<CaseEntry> m_entries;
    QHash<QString, QList<int>> m_rowsByPath;
    ThumbnailLoader *m_loader;
    mutable QCache<QString, QPixmap> m_thumbnails{2000};
    mutable int m_requested = 0;
    QPixmap m_placeholder;
};

} // namespace migician::ui
