#include "box_commands.h"

#include "ui/case_session.h"

#include <QCoreApplication>

namespace migician::ui {

namespace {
// The first redo() carries the measured duration; replays are instantaneous.
qint64 takeDuration(qint64 &duration)
{
    const qint64 d = duration;
    duration = 0;
    return d;
}
} // namespace

CreateBoxCommand::CreateBoxCommand(CaseSession *session, int image, const annotate::NormBox &box,
                                   qint64 durationMs)
    : QUndoCommand(QCoreApplication::translate("migician::ui::BoxCommands", "Create box"))
    , m_session(session)
    , m_image(image)
    , m_box(box)
    , m_duration(durationMs)
{}

void CreateBoxCommand::redo()
{
    const auto edit = m_session->context(takeDuration(m_duration));
    if (m_id == 0) {
        auto id = m_session->createBox(m_image, m_box, annotate::AnnotationSource::Human, 0,
                                       QString(), edit);
        if (id)
            m_id = id.value();
        else
            setObsolete(true);
    } else {
        (void)m_session->restoreBox(m_id, edit);
    }
}

void CreateBoxCommand::undo()
{
    if (m_id)
        (void)m_session->deleteBox(m_id, m_session->context(0));
}

DeleteBoxCommand::DeleteBoxCommand(CaseSession *session, qint64 id, qint64 durationMs)
    : QUndoCommand(QCoreApplication::translate("migician::ui::BoxCommands", "Delete box"))
    , m_session(session)
    , m_id(id)
    , m_duration(durationMs)
{}

void DeleteBoxCommand::redo()
{
    (void)m_session->deleteBox(m_id, m_session->context(takeDuration(m_duration)));
}

void DeleteBoxCommand::undo()
{
    (void)m_session->restoreBox(m_id, m_session->context(0));
}

ChangeBoxCommand::ChangeBoxCommand(CaseSession *session, const annotate::AnnotationInfo &before,
                                   int image, const annotate::NormBox &box, qint64 durationMs)
    : QUndoCommand(before.image != image
                           ? QCoreApplication::translate("migician::ui::BoxCommands",
                                                         "Move box to Image-%1")
                                     .arg(image)
                           : QCoreApplication::translate("migician::ui::BoxCommands", "Move box"))
    , m_session(session)
    , m_id(before.id)
    , m_beforeImage(before.image)
    , m_afterImage(image)
    , m_beforeBox(before.box)
    , m_afterBox(box)
    , m_duration(durationMs)
{}

void ChangeBoxCommand::redo()
{
    (void)m_session->updateBox(m_id, m_afterImage, m_afterBox,
                               m_session->context(takeDuration(m_duration)));
}

void ChangeBoxCommand::undo()
{
    (void)m_session->updateBox(m_id, m_beforeImage, m_beforeBox, m_session->context(0));
}

ReviewBoxCommand::ReviewBoxCommand(CaseSession *session, const annotate::AnnotationInfo &before,
                                   annotate::ReviewState after, qint64 durationMs)
    : QUndoCommand(after == annotate::ReviewState::Accepted
                           ? QCoreApplication::translate("migician::ui::BoxCommands", "Accept box")
                           : QCoreApplication::translate("migician::ui::BoxCommands", "Reject box"))
    , m_session(session)
    , m_id(before.id)
    , m_before(before.review)
    , m_after(after)
    , m_duration(durationMs)
{}

void ReviewBoxCommand::redo()
{
    (void)m_session->setReview(m_id, m_after, m_session->context(takeDuration(m_duration)));
}

void ReviewBoxCommand::undo()
{
    (void)m_session->setReview(m_id, m_before, m_session->context(0));
}

} // namespace migician::ui
