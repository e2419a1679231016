// Composing cases in the workbench: a new case from selected list entries (in selection order or
// file order), from dropped files, and changes of the open case's images (add dropped or pasted
// images, remove, move), each undoable on the controller's undo stack. Pasted images are written
// as PNG files into the project's media folder first, never kept only in memory.
// A new case of more than kReadInBackgroundAbove images is read (hashed and decoded) on a thread
// pool first, with progress (readingProgress) and cancel (cancelReading()), and stored and shown
// when that is done (caseCreated, or readingFailed): the window stays responsive meanwhile.
// GUI thread only; owned by the WorkbenchController.
#pragma once

#include "annotate/image_file_check.h"

#include <QHash>
#include <QImage>
#include <QObject>
#include <QStringList>

template<typename T>
class QFutureWatcher;

namespace migician::annotate {
class ProjectStore;
}

namespace migician::ui {

class WorkbenchController;

class CaseComposition : public QObject
{
    Q_OBJECT
public:
    explicit CaseComposition(WorkbenchController *controller);
    ~CaseComposition() override;

    static constexpr int kReadInBackgroundAbove = 8;

    // One new case of the images of these list rows: a folder image, or all images of a case.
    // `fileOrder` sorts the rows in list (natural file) order first; otherwise the order given
    // is the image order. The new case is listed and shown.
    bool newCaseFromRows(QList<int> rows, bool fileOrder, QString *error);
    bool newCaseFromFiles(const QStringList &files, QString *error);

    // Changes of the open case (undoable). With no case open, added files make a new case.
    bool addFiles(const QStringList &files, QString *error);
    bool pasteImage(const QImage &image, QString *error);
    // Image files (copied in a file manager) or image data from the clipboard.
    bool pasteFromClipboard(QString *error);
    bool moveImage(int from, int to, QString *error);
    bool removeImage(int image, QString *error);

    // A new case's images are being read on the thread pool.
    bool isReading() const { return m_reading != nullptr; }
    void cancelReading();

    // One image read off the GUI thread: its fingerprint and pixels.
    struct ReadImage
    {
        QString file; // absolute, cleaned
        annotate::FileFingerprint fingerprint;
        QImage image; // null when it could not be decoded (the case shows it as unreadable)
    };

Q_SIGNALS:
    void caseCreated(qint64 caseId);
    void readingStarted(int images);
    void readingProgress(int done, int total);
    // Reading ended: cancelled by the user, or failed with `error` (empty when cancelled).
    void readingStopped(const QString &error);

private:
    bool createCase(const QStringList &files, QString *error);
    // Stores and shows the case; `read`: the images read off the GUI thread, by file.
    bool storeCase(const QStringList &files, const QHash<QString, ReadImage> &read, QString *error);
    int caseBlockEnd() const; // the row after the project's cases (folder images follow)
    annotate::ProjectStore *openStore(QString *error) const; // nullptr (and *error): none open

    WorkbenchController *m_controller;
    QFutureWatcher<ReadImage> *m_reading = nullptr;
};

} // namespace migician::ui
