#include "ui/image_files.h"

#include "ui/natural_order.h"

#include <QDir>
#include <QDirIterator>
#include <QDropEvent>
#include <QFileInfo>
#include <QImageReader>
#include <QMimeData>
#include <QSet>

#include <algorithm>

namespace migician::ui {

bool isImageFile(const QString &path)
{
    static const QSet<QString> formats = [] {
        QSet<QString> set;
        for (const QByteArray &format : QImageReader::supportedImageFormats())
            set.insert(QString::fromLatin1(format).toLower());
        return set;
    }();
    return formats.contains(QFileInfo(path).suffix().toLower());
}

QStringList imageFilesIn(const QString &folder, bool recursive)
{
    const QDir dir(folder);
    QStringList relative;
    QDirIterator it(folder, QDir::Files | QDir::Readable,
                    recursive ? QDirIterator::Subdirectories : QDirIterator::NoIteratorFlags);
    while (it.hasNext()) {
        const QString file = it.next();
        if (isImageFile(file))
            relative << dir.relativeFilePath(file);
    }
    std::sort(relative.begin(), relative.end(), naturalLess);
    QStringList files;
    files.reserve(relative.size());
    for (const QString &path : std::as_const(relative))
        files << dir.filePath(path);
    return files;
}

QStringList imageFilesFromUrls(const QList<QUrl> &urls, QStringList *skipped)
{
    QStringList files;
    for (const QUrl &url : urls) {
        const QString path = url.isLocalFile() ? url.toLocalFile() : QString();
        const QFileInfo info(path);
        if (!path.isEmpty() && info.isDir())
            files << imageFilesIn(info.absoluteFilePath(), true);
        else if (!path.isEmpty() && info.isFile() && isImageFile(path))
            files << info.absoluteFilePath();
        else if (skipped)
            *skipped << (path.isEmpty() ? url.toString() : path);
    }
    return files;
}

bool hasLocalFiles(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls())
        return false;
    const QList<QUrl> urls = mime->urls();
    return std::any_of(urls.begin(), urls.end(), [](const QUrl &url) { return url.isLocalFile(); });
}

bool acceptFileDrag(QDropEvent *event)
{
    if (!hasLocalFiles(event->mimeData())) {
        event->ignore();
        return false;
    }
    event->acceptProposedAction();
    return true;
}

QStringList takeDroppedImageFiles(QDropEvent *event)
{
    if (!acceptFileDrag(event))
        return {};
    return imageFilesFromUrls(event->mimeData()->urls());
}

} // namespace migician::ui
