#include "case_session.h"

#include "annotate/annotation_undo.h"
#include "ui/image_decoder.h"

#include <QDir>

namespace migician::ui {

CaseSession::CaseSession(QObject *parent)
    : QObject(parent)
{}

void CaseSession::setStore(annotate::ProjectStore *store)
{
    m_store = store;
    m_case = {};
    m_images.clear();
    m_annotations.clear();
}

bool CaseSession::loadCase(qint64 caseId, QString *error)
{
    if (!m_store) {
        *error = tr("No project is open.");
        return false;
    }
    auto info = m_store->caseById(caseId);
    if (!info) {
        *error = info.error();
        return false;
    }
    auto root = m_store->imagesRoot();
    if (!root) {
        *error = root.error();
        return false;
    }
    m_case = info.value();
    m_images.clear();
    const QDir dir(root.value());
    for (const annotate::ImageInfo &image : std::as_const(m_case.images)) {
        // Decoded as the reference pipeline does (no EXIF rotation), so the model sees the same
        // pixels as in Python; an unreadable file is shown as such, not an error.
        QString problem;
        const auto decoded = decodeImageFile(dir.filePath(image.relativePath), &problem);
        m_images << (decoded ? toQImage(*decoded) : QImage());
        if (!decoded)
            Q_EMIT errorOccurred(problem);
        else if (!image.width) // pixel exports (COCO, ODVG) need the size
            (void)m_store->setImageSize(image.id, decoded->width, decoded->height);
    }
    Q_EMIT caseLoaded();
    reload();
    return true;
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
