#include "case_image_commands.h"

#include "ui/case_session.h"

#include <QCoreApplication>

namespace migician::ui {

AddImagesCommand::AddImagesCommand(CaseSession *session, int position, const QStringList &files)
    : QUndoCommand(files.size() == 1 ? QCoreApplication::translate(
                           "migician::ui::CaseImageCommands", "Add image")
                                     : QCoreApplication::translate(
                                               "migician::ui::CaseImageCommands", "Add %1 images")
                                               .arg(files.size()))
    , m_session(session)
    , m_position(position)
    , m_files(files)
{}

void AddImagesCommand::redo()
{
    const annotate::EditContext edit = m_session->context(0);
    if (!m_done) {
        m_done = true;
        const auto added = m_session->addImages(m_position, m_files, edit);
        if (!added || added->positions.isEmpty()) {
            setObsolete(true); // nothing changed: nothing to undo
            return;
        }
        m_positions = added->positions;
        return;
    }
    // Put back exactly what undo() took out, first removed last.
    for (auto it = m_undone.crbegin(); it != m_undone.crend(); ++it)
        (void)m_session->restoreImage(*it, edit);
    m_undone.clear();
}

void AddImagesCommand::undo()
{
    m_undone.clear();
    for (auto it = m_positions.crbegin(); it != m_positions.crend(); ++it) {
        const auto removed = m_session->removeImage(*it, m_session->context(0));
        if (removed)
            m_undone << removed.value();
    }
}

RemoveImageCommand::RemoveImageCommand(CaseSession *session, int position)
    : QUndoCommand(QCoreApplication::translate("migician::ui::CaseImageCommands", "Remove Image-%1")
                           .arg(position))
    , m_session(session)
    , m_position(position)
{}

void RemoveImageCommand::redo()
{
    const auto removed = m_session->removeImage(m_position, m_session->context(0));
    if (removed)
        m_removed = removed.value();
    else
        setObsolete(true);
}

void RemoveImageCommand::undo()
{
    if (m_removed)
        (void)m_session->restoreImage(*m_removed, m_session->context(0));
    m_removed.reset();
}

MoveImageCommand::MoveImageCommand(CaseSession *session, int from, int to)
    : QUndoCommand(
            QCoreApplication::translate("migician::ui::CaseImageCommands", "Move Image-%1 to %2")
                    .arg(from)
                    .arg(to))
    , m_session(session)
    , m_from(from)
    , m_to(to)
{}

void MoveImageCommand::redo()
{
    if (!m_session->moveImage(m_from, m_to, m_session->context(0)))
        setObsolete(true);
}

void MoveImageCommand::undo()
{
    (void)m_session->moveImage(m_to, m_from, m_session->context(0));
}

} // namespace migician::ui
