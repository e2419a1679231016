#include "annotate/image_file_check.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace migician::annotate {

FileFingerprint fingerprintFile(const QString &path, bool hash)
{
    FileFingerprint fingerprint;
    const QFileInfo info(path);
    if (!info.isFile())
        return fingerprint;
    fingerprint.size = info.size();
    fingerprint.modified = info.lastModified().toUTC().toString(Qt::ISODateWithMs);
    if (hash) {
        QFile file(path);
        if (file.open(QIODevice::ReadOnly)) {
            QCryptographicHash sha(QCryptographicHash::Sha256);
            if (sha.addData(&file))
                fingerprint.sha256 = QString::fromLatin1(sha.result().toHex());
        }
    }
    return fingerprint;
}

QList<FileFingerprint> fingerprintFiles(const QStringList &paths, bool hash)
{
    QList<FileFingerprint> out(paths.size());
    const int workers = std::max(1, std::min<int>(QThread::idealThreadCount(), int(paths.size())));
    std::atomic<int> next{0};
    auto work = [&] {
        for (int i = next++; i < paths.size(); i = next++)
            out[i] = fingerprintFile(paths.at(i), hash);
    };
    std::vector<std::thread> threads;
    for (int w = 1; w < workers; ++w)
        threads.emplace_back(work);
    work();
    for (std::thread &thread : threads)
        thread.join();
    return out;
}

ImageFileCheck checkImageFile(const StoredImageFile &stored)
{
    ImageFileCheck check;
    check.stored = stored;
    check.now = fingerprintFile(stored.absolutePath, false);
    if (check.now.size < 0) {
        check.state = ImageFileState::Missing;
        return check;
    }
    const bool sameStat = stored.size == check.now.size && stored.modified == check.now.modified;
    if (sameStat && !stored.contentHash.isEmpty())
        return check; // Ok: the file was recognised by its size and time
    check.now = fingerprintFile(stored.absolutePath, true);
    if (stored.contentHash.isEmpty()) {
        check.state = ImageFileState::Unverified;
        check.refreshFingerprint = !check.now.sha256.isEmpty();
        return check;
    }
    if (check.now.sha256 != stored.contentHash) {
        check.state = ImageFileState::Changed;
        return check;
    }
    check.refreshFingerprint = true; // same content, new size/time to recognise it by
    return check;
}

QString toString(ImageFileState state)
{
    switch (state) {
    case ImageFileState::Ok:
        return QStringLiteral("ok");
    case ImageFileState::Unverified:
        return QStringLiteral("unverified");
    case ImageFileState::Missing:
        return QStringLiteral("missing");
    case ImageFileState::Changed:
        return QStringLiteral("changed");
    }
    return {};
}

} // namespace migician::annotate
