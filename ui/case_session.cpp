#include "case_session.h"

#include "annotate/annotation_undo.h"
#include "ui/image_decoder.h"

#include <QDir>
#include <QtConcurrent/QtConcurrentMap>

namespace migician::ui {

CaseSession::CaseSession(QObject *parent)
    : QObject(parent)
{}

namespace {

// One image of a case: its file checked against the project, and decoded when needed.
struct Loaded
{
    annotate::ImageFileCheck check;
    std::optional<QImage> image; // set when it was decoded
    QString problem;
};

} // namespace

void CaseSession::setStore(annotate::ProjectStore *store)
{
    m_store = store;
    m_case = {};
    m_images.clear();
    m_decoded.clear();
    m_annotations.clear();
    m_problems.clear();
}

bool CaseSession::loadCase(qint64 caseId, QString *error)
{
    if (!m_store) {
        *error = tr("No project is open.");
        return false;
    }
    if (caseId != m_case.id)
        m_decoded.clear();
    m_decoded.insert(m_preloaded);
    m_preloaded.clear();
    return refresh(caseId, error);
}

bool CaseSession::refresh(qint64 caseId, QString *error)
{
    auto info = m_store->caseById(caseId);
    if (!info) {
        *error = info.error();
        return false;
    }
    annotate::CaseComposer composer(*m_store);
    auto files = composer.imageFiles(caseId);
    if (!files) {
        *error = files.error();
        return false;
    }
    m_case = info.value();
    // Decoded as the reference pipeline does (no EXIF rotation), so the model sees the same
    // pixels as in Python; an unreadable file is shown as such, not an error. Images decoded
    // before (same id) are kept.
    QList<int> positions;
    for (int i = 0; i < files->size(); ++i)
        positions << i;
    const QHash<qint64, QImage> decoded = m_decoded;
    const QList<annotate::StoredImageFile> stored = files.value();
    const QList<Loaded> loaded = QtConcurrent::blockingMapped<QList<Loaded>>(positions, [&](int i) {
        Loaded result;
        result.check = annotate::checkImageFile(stored.at(i));
        if (!decoded.contains(stored.at(i).imageId)) {
            const auto image = decodeImageFile(stored.at(i).absolutePath, &result.problem);
            result.image = image ? toQImage(*image) : QImage();
        }
        return result;
    });
    m_images.clear();
    QList<annotate::ImageFileCheck> checks;
    QList<std::pair<qint64, QSize>> sizes; // pixel exports (COCO, ODVG) need the sizes
    for (int i = 0; i < loaded.size(); ++i) {
        const Loaded &l = loaded.at(i);
        const qint64 id = stored.at(i).imageId;
        if (l.image) {
            m_decoded.insert(id, *l.image);
            if (!l.problem.isEmpty() && l.check.state != annotate::ImageFileState::Missing)
                Q_EMIT errorOccurred(l.problem);
            if (!l.image->isNull() && i < m_case.images.size() && !m_case.images.at(i).width)
                sizes.append({id, l.image->size()});
        }
        m_images << m_decoded.value(id);
        checks << l.check;
    }
    // One transaction (one disk sync) for all of them: a case of 50 new images stays quick.
    if (!sizes.isEmpty())
        (void)m_store->transaction([&]() -> annotate::Status {
            for (const auto &[id, size] : std::as_const(sizes))
                if (annotate::Status s = m_store->setImageSize(id, size.width(), size.height()); !s)
                    return s;
            return {};
        });
    applyChecks(checks);
    Q_EMIT caseLoaded();
    reload();
    return true;
}

void CaseSession::applyChecks(const QList<annotate::ImageFileCheck> &checks)
{
    annotate::CaseComposer composer(*m_store);
    m_problems.clear();
    const annotate::Status recorded = m_store->transaction([&]() -> annotate::Status {
        for (const annotate::ImageFileCheck &check : checks)
            if (check.refreshFingerprint)
                if (annotate::Status s
                    = composer.recordFingerprint(check.stored.imageId, check.now);
                    !s)
                    return s;
        return {};
    });
    if (!recorded)
        Q_EMIT errorOccurred(recorded.error());
    for (const annotate::ImageFileCheck &check : checks)
        if (check.state == annotate::ImageFileState::Missing
            || check.state == annotate::ImageFileState::Changed)
            m_problems << check;
    Q_EMIT imageProblemsChanged(m_problems);
}

void CaseSession::recheckImages()
{
    if (!m_store || m_case.id == 0)
        return;
    annotate::CaseComposer composer(*m_store);
    const auto files = composer.imageFiles(m_case.id);
    if (!files) {
        Q_EMIT errorOccurred(files.error());
        return;
    }
    const QList<annotate::ImageFileCheck> checks
            = QtConcurrent::blockingMapped<QList<annotate::ImageFileCheck>>(
                    files.value(),
                    [](const annotate::StoredImageFile &f) { return annotate::checkImageFile(f); });
    applyChecks(checks);
}

annotate::Status CaseSession::acceptChangedImages()
{
    if (!m_store || m_case.id == 0)
        return annotate::Status::failure(tr("No case is open."));
    annotate::CaseComposer composer(*m_store);
    for (const annotate::ImageFileCheck &problem : std::as_const(m_problems)) {
        if (problem.state != annotate::ImageFileState::Changed)
            continue;
        if (annotate::Status s = composer.acceptCurrentFile(problem.stored.imageId); !s)
            return report(s);
        m_decoded.remove(problem.stored.imageId); // decode the file as it is now
    }
    QString error;
    if (!refresh(m_case.id, &error))
        return report(annotate::Status::failure(error));
    return {};
}

annotate::Result<annotate::AddedImages>
CaseSession::addImages(int position, const QStringList &files, const annotate::EditContext &edit)
{
    if (!m_store || m_case.id == 0)
        return annotate::Result<annotate::AddedImages>::failure(tr("No case is open."));
    const QList<qint64> before = m_case.imageIds();
    auto added = annotate::CaseComposer(*m_store).addImages(m_case.id, position, files, edit);
    if (!added) {
        (void)report(added.status());
        return added;
    }
    if (!added->skipped.isEmpty())
        Q_EMIT errorOccurred(tr("Already in the case, not added again: %1")
                                     .arg(added->skipped.join(QStringLiteral(", "))));
    if (!added->positions.isEmpty())
        relayout(before);
    return added;
}

annotate::Result<annotate::RemovedImage> CaseSession::removeImage(int position,
                                                                  const annotate::EditContext &edit)
{
    if (!m_store || m_case.id == 0)
        return annotate::Result<annotate::RemovedImage>::failure(tr("No case is open."));
    const QList<qint64> before = m_case.imageIds();
    auto removed = annotate::CaseComposer(*m_store).removeImage(m_case.id, position, edit);
    if (!removed)
        (void)report(removed.status());
    else
        relayout(before);
    return removed;
}

annotate::Status CaseSession::restoreImage(const annotate::RemovedImage &removed,
                                           const annotate::EditContext &edit)
{
    if (!m_store || removed.caseId != m_case.id)
        return report(annotate::Status::failure(tr("No case is open.")));
    const QList<qint64> before = m_case.imageIds();
    const annotate::Status status = annotate::CaseComposer(*m_store).restoreImage(removed, edit);
    if (!status)
        return report(status);
    relayout(before);
    return status;
}

annotate::Status CaseSession::moveImage(int from, int to, const annotate::EditContext &edit)
{
    if (!m_store || m_case.id == 0)
        return report(annotate::Status::failure(tr("No case is open.")));
    const QList<qint64> before = m_case.imageIds();
    const annotate::Status status
            = annotate::CaseComposer(*m_store).moveImage(m_case.id, from, to, edit);
    if (!status)
        return report(status);
    relayout(before);
    return status;
}

annotate::Status CaseSession::setQuestion(const QString &question)
{
    if (!m_store || m_case.id == 0)
        return report(annotate::Status::failure(tr("No case is open.")));
    const annotate::Status status
            = annotate::CaseComposer(*m_store).setQuestion(m_case.id, question);
    if (status)
        m_case.question = question;
    else
        Q_EMIT errorOccurred(status.error());
    return status;
}

void CaseSession::relayout(const QList<qint64> &before)
{
    QString error;
    if (!refresh(m_case.id, &error)) {
        Q_EMIT errorOccurred(error);
        return;
    }
    const QList<qint64> after = m_case.imageIds();
    QList<int> map;
    for (qint64 id : before)
        map << int(after.indexOf(id)) + 1;
    Q_EMIT layoutChanged(map);
}

std::optional<annotate::AnnotationInfo> CaseSession::annotation(qint64 id) const
{
    for (const auto &a : m_annotations)
        if (a.id == id)
            return a;
    return std::nullopt;
}

void CaseSession::reload()
{
    if (!m_store || m_case.id == 0) {
        m_annotations.clear();
    } else if (auto list = m_store->annotationsForCase(m_case.id)) {
        m_annotations = list.value();
    } else {
        Q_EMIT errorOccurred(list.error());
    }
    Q_EMIT annotationsChanged(m_annotations);
}

annotate::Status CaseSession::report(const annotate::Status &status)
{
    if (!status)
        Q_EMIT errorOccurred(status.error());
    reload();
    return status;
}

annotate::Result<qint64> CaseSession::createBox(int image, const annotate::NormBox &box,
                                                annotate::AnnotationSource source,
                                                qint64 predictionId, const QString &label,
                                                const annotate::EditContext &edit)
{
    if (!m_store || m_case.id == 0)
        return annotate::Result<qint64>::failure(tr("No case is open."));
    annotate::NewAnnotation a;
    a.caseId = m_case.id;
    a.image = image;
    a.box = box;
    a.label = label.isNull() ? QStringLiteral("") : label; // NOT NULL column
    a.source = source;
    a.predictionId = predictionId;
    auto id = m_store->createAnnotation(a, edit);
    (void)report(id.status());
    return id;
}

annotate::Status CaseSession::updateBox(qint64 id, int image, const annotate::NormBox &box,
                                        const annotate::EditContext &edit)
{
    if (!m_store)
        return report(annotate::Status::failure(tr("No project is open.")));
    return report(m_store->updateAnnotation(id, image, box, edit));
}

annotate::Status CaseSession::deleteBox(qint64 id, const annotate::EditContext &edit)
{
    if (!m_store)
        return report(annotate::Status::failure(tr("No project is open.")));
    return report(m_store->deleteAnnotation(id, edit));
}

annotate::Status CaseSession::restoreBox(qint64 id, const annotate::EditContext &edit)
{
    if (!m_store)
        return report(annotate::Status::failure(tr("No project is open.")));
    return report(annotate::restoreAnnotation(*m_store, id, edit));
}

annotate::Status CaseSession::setReview(qint64 id, annotate::ReviewState state,
                                        const annotate::EditContext &edit)
{
    if (!m_store)
        return report(annotate::Status::failure(tr("No project is open.")));
    switch (state) {
    case annotate::ReviewState::Accepted:
        return report(m_store->acceptAnnotation(id, edit));
    case annotate::ReviewState::Rejected:
        return report(m_store->rejectAnnotation(id, edit));
    case annotate::ReviewState::Pending:
        break;
    }
    return report(annotate::setReviewState(*m_store, id, state, edit));
}

} // namespace migician::ui
