// The open case: its images, ground truth and current annotations, and the edits made to them.
// Every edit goes to the project store at once (with author and duration) and the annotations
// are then re-read from the store, so what the canvas shows is what the file holds.
// GUI thread only (the store's connection belongs to the thread that opened it).
#pragma once

#include "annotate/project_store.h"

#include <QImage>
#include <QList>
#include <QObject>

namespace migician::ui {

class CaseSession : public QObject
{
    Q_OBJECT
public:
    explicit CaseSession(QObject *parent = nullptr);

    void setStore(annotate::ProjectStore *store); // not owned; nullptr closes the case
    annotate::ProjectStore *store() const { return m_store; }
    void setAuthor(const QString &author) { m_author = author; }
    QString author() const { return m_author; }

    // Loads a case of the store with its images (decoded here: at most six, from local files).
    bool loadCase(qint64 caseId, QString *error);
    qint64 caseId() const { return m_case.id; }
    const annotate::CaseInfo &caseInfo() const { return m_case; }
    const QList<QImage> &images() const { return m_images; }
    const QList<annotate::AnnotationInfo> &annotations() const { return m_annotations; }
    std::optional<annotate::AnnotationInfo> annotation(qint64 id) const;

    // Edits; each is one store transaction with its edit-log row. Failures are also reported
    // through errorOccurred.
    annotate::Result<qint64> createBox(int image, const annotate::NormBox &box,
                                       annotate::AnnotationSource source, qint64 predictionId,
                                       const QString &label, const annotate::EditContext &edit);
    annotate::Status updateBox(qint64 id, int image, const annotate::NormBox &box,
                               const annotate::EditContext &edit);
    annotate::Status deleteBox(qint64 id, const annotate::EditContext &edit);
    annotate::Status restoreBox(qint64 id, const annotate::EditContext &edit);
    annotate::Status setReview(qint64 id, annotate::ReviewState state,
                               const annotate::EditContext &edit);

    annotate::EditContext context(qint64 durationMs) const { return {m_author, durationMs}; }
    void reload();

Q_SIGNALS:
    void caseLoaded();
    void annotationsChanged(const QList<migician::annotate::AnnotationInfo> &annotations);
    void errorOccurred(const QString &message);

private:
    annotate::Status report(const annotate::Status &status);

    annotate::ProjectStore *m_store = nullptr;
    QString m_author = QStringLiteral("annotator");
    annotate::CaseInfo m_case;
    QList<QImage> m_images;
    QList<annotate::AnnotationInfo> m_annotations;
};

} // namespace migician::ui
