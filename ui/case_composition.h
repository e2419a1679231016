// Composing cases in the workbench: a new case from selected list entries (in selection order or
// file order), from dropped files, and changes of the open case's images (add dropped or pasted
// images, remove, move), each undoable on the controller's undo stack. Pasted images are written
// as PNG files into the project's media folder first, never kept only in memory.
// GUI thread only; owned by the WorkbenchController.
#pragma once

#include <QImage>
#include <QObject>
#include <QStringList>

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

Q_SIGNALS:
    void caseCreated(qint64 caseId);

private:
    bool createCase(const QStringList &files, QString *error);
    int caseBlockEnd() const; // the row after the project's cases (folder images follow)
    annotate::ProjectStore *openStore(QString *error) const; // nullptr (and *error): none open

    WorkbenchController *m_controller;
};

} // namespace migician::ui
