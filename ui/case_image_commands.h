// Undoable changes of the open case's images (QUndoStack), beside the box commands: add image
// files, remove an image, move an image to another place. Each redo()/undo() is one store
// transaction through CaseSession, logged with its author; boxes, the ground truth and the
// visual references follow their image (see CaseComposer and CaseSession::layoutChanged).
#pragma once

#include "annotate/case_composer.h"

#include <QStringList>
#include <QUndoCommand>

namespace migician::ui {

class CaseSession;

class AddImagesCommand : public QUndoCommand
{
public:
    AddImagesCommand(CaseSession *session, int position, const QStringList &files);
    void redo() override;
    void undo() override;

private:
    CaseSession *m_session;
    int m_position;
    QStringList m_files;
    QList<int> m_positions;                 // where the images went (first redo)
    QList<annotate::RemovedImage> m_undone; // what undo() took out, put back by a later redo()
    bool m_done = false;
};

class RemoveImageCommand : public QUndoCommand
{
public:
    RemoveImageCommand(CaseSession *session, int position);
    void redo() override;
    void undo() override;

private:
    CaseSession *m_session;
    int m_position;
    std::optional<annotate::RemovedImage> m_removed;
};

class MoveImageCommand : public QUndoCommand
{
public:
    MoveImageCommand(CaseSession *session, int from, int to);
    void redo() override;
    void undo() override;

private:
    CaseSession *m_session;
    int m_from, m_to;
};

} // namespace migician::ui
