// Image files from what a user hands over: dropped or pasted URLs, folders, a folder opened with
// a rule. Folders are expanded to the image files below them in natural order ("img2" before
// "img10"). Pure file-system helpers; safe on any thread.
#pragma once

#include <QList>
#include <QStringList>
#include <QUrl>

class QDropEvent;
class QMimeData;

namespace migician::ui {

// True when the file's extension is an image format Qt can read.
bool isImageFile(const QString &path);

// The image files of a folder in natural order of their relative paths; `recursive` includes
// subfolders.
QStringList imageFilesIn(const QString &folder, bool recursive);

// Local files and folders of `urls`, folders expanded (recursively), in the given order; anything
// else (remote URLs, other files) goes to *skipped when given.
QStringList imageFilesFromUrls(const QList<QUrl> &urls, QStringList *skipped = nullptr);

// True when `mime` carries at least one local file or folder.
bool hasLocalFiles(const QMimeData *mime);

// For a widget that takes files dropped from the desktop: accepts a drag enter/move that carries
// local files (ignores others) and returns whether it did.
bool acceptFileDrag(QDropEvent *event);
// For its drop: the image files dropped (folders expanded), the event accepted; empty and
// ignored when the drop carries no local files.
QStringList takeDroppedImageFiles(QDropEvent *event);

} // namespace migician::ui
