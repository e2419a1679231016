// Whether an image file is still the one a project recorded: the content hash (SHA-256) taken
// when the image was added, with the file's size and modification time at that moment. A check
// costs one stat() while size and time are unchanged; only then is the file hashed again, so a
// touched but identical file is still "ok" and an edited one is "changed".
//
// Threading: these functions touch only the file system (no database): safe on any thread, e.g.
// a thread pool checking the images of a case while they are decoded.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QtGlobal>

namespace migician::annotate {

struct FileFingerprint
{
    qint64 size = -1;
    QString modified; // ISO 8601 UTC with milliseconds; empty when the file does not exist
    QString sha256;   // hex; empty when not computed or unreadable
};

// Size and modification time, and the hash when `hash` is true. size = -1 when the file is
// missing or not a regular file.
FileFingerprint fingerprintFile(const QString &path, bool hash = true);

// fingerprintFile() of each path, on up to QThread::idealThreadCount() threads; same order.
QList<FileFingerprint> fingerprintFiles(const QStringList &paths, bool hash = true);

// What the project knows of one image file.
struct StoredImageFile
{
    qint64 imageId = 0;
    QString path;         // as stored: relative to the images root, or absolute outside it
    QString absolutePath; // resolved against the images root
    QString contentHash;  // empty: no hash recorded (nothing to compare with)
    qint64 size = -1;     // -1: not recorded
    QString modified;     // empty: not recorded
};

enum class ImageFileState {
    Ok,         // same content as recorded
    Unverified, // nothing recorded to compare with (the current fingerprint is in the check)
    Missing,    // no file at the path: moved, renamed or deleted
    Changed,    // a file is there but its content hash differs: edited or replaced
};

struct ImageFileCheck
{
    StoredImageFile stored;
    ImageFileState state = ImageFileState::Ok;
    FileFingerprint now; // what was seen (hash only when it had to be computed)
    // True when `now` should be written back to the project: the content is known to be the
    // recorded one (or nothing was recorded) and the size/time to recognise it are new.
    bool refreshFingerprint = false;
};

ImageFileCheck checkImageFile(const StoredImageFile &stored);

QString toString(ImageFileState state); // "ok" "unverified" "missing" "changed"

} // namespace migician::annotate
