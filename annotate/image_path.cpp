#include "annotate/image_path.h"

#include <QDir>
#include <QFileInfo>

namespace migician::annotate {

Result<QString> imagePathInsideRoot(const QString &root, const QString &path)
{
    if (path.trimmed().isEmpty())
        return Result<QString>::failure(QStringLiteral("empty image path"));
    if (QDir::isAbsolutePath(path))
        return Result<QString>::failure(
                QStringLiteral("image path '%1' is absolute; it must be relative to the images "
                               "root %2")
                        .arg(path, root));
    const QString cleaned = QDir::cleanPath(path);
    if (cleaned == QLatin1String("..") || cleaned.startsWith(QLatin1String("../")))
        return Result<QString>::failure(
                QStringLiteral("image path '%1' resolves outside the images root %2")
                        .arg(path, root));
    const QFileInfo info(QDir(root).filePath(cleaned));
    if (info.exists()) {
        const QString canonicalRoot = QFileInfo(root).canonicalFilePath();
        const QString canonical = info.canonicalFilePath();
        if (!canonical.startsWith(canonicalRoot + QLatin1Char('/')))
            return Result<QString>::failure(
                    QStringLiteral("image path '%1' resolves outside the images root %2 (to %3)")
                            .arg(path, root, canonical));
    }
    return cleaned;
}

} // namespace migician::annotate
