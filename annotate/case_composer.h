// Cases the user composes from their own images: create a case from image files, add, remove and
// reorder its images. Works on a ProjectStore's connection (one more concern beside it, not more
// ProjectStore methods) and follows its contract: errors as values naming the file, every change
// one transaction.
//
// Image files are stored relative to the project's images root when they lie inside it (so the
// project folder can be moved or shared) and as absolute paths otherwise. Each gets its content
// hash with the size and time it was taken at (see image_file_check.h).
//
// A change of a case's image order keeps everything numbered by image consistent: a box follows
// its image (annotations are renumbered), so does the ground truth; predictions keep the order of
// their time and are read in the current one (ProjectStore::predictionsForCase). Removing an
// image deletes the boxes on it (logged in edit_log); restoreImage() undoes a removal exactly.
// Every change is a row of the append-only case_layout_log (the image ids before and after), by
// which the image numbers of older edit_log rows can be read.
#pragma once

#include <QHash>

#include "annotate/image_file_check.h"
#include "annotate/project_store.h"

namespace migician::annotate {

struct NewComposedCase
{
    QStringList files; // image files: absolute, or relative to the images root; in prompt order
    QString question;
    QString task = QStringLiteral("user");
    QString source = QStringLiteral("composed");
    int sourceIndex = -1; // (source, sourceIndex) is unique when >= 0: createCase() returns the
                          // existing case then
};

struct AddedImages
{
    QList<int> positions; // 1-based positions of the new images, ascending
    QStringList skipped;  // files already in the case (a case holds an image once)
};

// What removeImage() changed, so that restoreImage() can put it back exactly.
struct RemovedImage
{
    qint64 caseId = 0;
    int position = 0; // 1-based position the image had
    qint64 imageId = 0;
    QList<qint64> annotationsOnImage; // every annotation numbered with that image, deleted or not
    QList<qint64> deletedAnnotations; // those the removal deleted (they were live)
    int groundTruthImage = 0;         // the case's ground-truth image before the removal
};

struct LayoutChange
{
    QString action; // "create" "add" "remove" "restore" "move"
    QList<qint64> before, after;
    QString author;
    QDateTime timestamp;
};

class CaseComposer
{
public:
    explicit CaseComposer(ProjectStore &store)
        : m_store(store)
    {}

    // The image id of each file (added to the project when new), in order. New files are hashed
    // in parallel before the transaction.
    Result<QList<qint64>> registerImages(const QStringList &files);
    // Fingerprints already taken (by absolute path), e.g. on a worker thread before the store is
    // touched on its own thread: registerImages() uses them instead of reading those files again.
    void setKnownFingerprints(QHash<QString, FileFingerprint> fingerprints)
    {
        m_known = std::move(fingerprints);
    }

    Result<qint64> createCase(const NewComposedCase &newCase, const EditContext &edit);
    // Inserts `files` before `position` (1-based; imageCount + 1 appends).
    Result<AddedImages> addImages(qint64 caseId, int position, const QStringList &files,
                                  const EditContext &edit);
    // A case keeps at least one image.
    Result<RemovedImage> removeImage(qint64 caseId, int position, const EditContext &edit);
    Status restoreImage(const RemovedImage &removed, const EditContext &edit);
    // Moves the image at `from` to `to` (both 1-based); the others keep their relative order.
    Status moveImage(qint64 caseId, int from, int to, const EditContext &edit);
    Status setQuestion(qint64 caseId, const QString &question);

    // The case's image files in order, resolved against the images root.
    Result<QList<StoredImageFile>> imageFiles(qint64 caseId) const;
    // Stores the size and time a verified file is recognised by (see ImageFileCheck).
    Status recordFingerprint(qint64 imageId, const FileFingerprint &fingerprint);
    // The file as it is now becomes the recorded one (after the user accepted an edited file).
    Status acceptCurrentFile(qint64 imageId);

    Result<QList<LayoutChange>> layoutLog(qint64 caseId) const; // oldest first

    // Where the project keeps images it owns (pasted from the clipboard): "<name>.media" beside
    // the project file.
    QString mediaFolder() const { return mediaFolderOf(m_store.fileName()); }
    static QString mediaFolderOf(const QString &projectFile);

private:
    Result<QList<qint64>> imageOrder(qint64 caseId) const;
    // Writes `after` as the case's order, renumbers the case's annotations (except `keep`) and
    // its ground truth by `newPositionOfOld` (0 = gone) and logs the change.
    Status relayout(qint64 caseId, const QList<qint64> &before, const QList<qint64> &after,
                    const QList<int> &newPositionOfOld, const QList<qint64> &keep,
                    const QString &action, const EditContext &edit);
    Status writeOrder(qint64 caseId, const QList<qint64> &ids);
    Status logLayout(qint64 caseId, const QString &action, const QList<qint64> &before,
                     const QList<qint64> &after, const EditContext &edit);
    Result<qint64> registerImage(const QString &file, const FileFingerprint *fingerprint);
    QString storedPath(const QString &root, const QString &file) const;

    ProjectStore &m_store;
    QHash<QString, FileFingerprint> m_known;
};

} // namespace migician::annotate
