// Undoable box edits (QUndoStack): each command's first redo() is the user's edit with its
// measured duration; later undo()/redo() calls restore the states exactly, logged with duration 0.
#pragma once

#include "annotate/store_types.h"

#include <QUndoCommand>

namespace migician::ui {

class CaseSession;

class CreateBoxCommand : public QUndoCommand
{
public:
    CreateBoxCommand(CaseSession *session, int image, const annotate::NormBox &box,
                     qint64 durationMs);
    void redo() override;
    void undo() override;
    qint64 annotationId() const { return m_id; }

private:
    CaseSession *m_session;
    int m_image;
    annotate::NormBox m_box;
    qint64 m_duration;
    qint64 m_id = 0;
};

class DeleteBoxCommand : public QUndoCommand
{
public:
    DeleteBoxCommand(CaseSession *session, qint64 id, qint64 durationMs);
    void redo() override;
    void undo() override;

private:
    CaseSession *m_session;
    qint64 m_id;
    qint64 m_duration;
};

// Move, resize or move to another image.
class ChangeBoxCommand : public QUndoCommand
{
public:
    ChangeBoxCommand(CaseSession *session, const annotate::AnnotationInfo &before, int image,
                     const annotate::NormBox &box, qint64 durationMs);
    void redo() override;
    void undo() override;

private:
    CaseSession *m_session;
    qint64 m_id;
    int m_beforeImage, m_afterImage;
    annotate::NormBox m_beforeBox, m_afterBox;
    qint64 m_duration;
};

class ReviewBoxCommand : public QUndoCommand
{
public:
    ReviewBoxCommand(CaseSession *session, const annotate::AnnotationInfo &before,
                     annotate::ReviewState after, qint64 durationMs);
    void redo() override;
    void undo() override;

private:
    CaseSession *m_session;
    qint64 m_id;
    annotate::ReviewState m_before, m_after;
    qint64 m_duration;
};

} // namespace migician::ui
