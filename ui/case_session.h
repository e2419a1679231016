// The open case: its images, ground truth and current annotations, and the edits made to them.
// Every edit goes to the project store at once (with author and duration) and the annotations
// are then re-read from the store, so what the canvas shows is what the file holds.
// The case's images can be added, removed and reordered (CaseComposer); boxes follow their image.
// Each image file is checked against the content hash the project recorded, when the case is
// loaded and on recheckImages(): a moved or edited file is reported, never silently shown.
// GUI thread only (the store's connection belongs to the thread that opened it); decoding and
// file checks run on a thread pool while the GUI thread waits for them.
#pragma once

#include "annotate/case_composer.h"
#include "annotate/image_file_check.h"
#include "annotate/project_store.h"

#include <QHash>
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

    // Loads a case of the store with its images (decoded in parallel, from local files).
    bool loadCase(qint64 caseId, QString *error);
    // Images already decoded (by image id; e.g. on a worker thread for a case about to be
    // created): the next loadCase() uses them instead of decoding those files again.
    void preloadDecoded(const QHash<qint64, QImage> &images) { m_preloaded.insert(images); }
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

    // Changes of the case's images (see CaseComposer); the case is reloaded and layoutChanged
    // tells where each old image went.
    annotate::Result<annotate::AddedImages> addImages(int position, const QStringList &files,
                                                      const annotate::EditContext &edit);
    annotate::Result<annotate::RemovedImage> removeImage(int position,
                                                         const annotate::EditContext &edit);
    annotate::Status restoreImage(const annotate::RemovedImage &removed,
                                  const annotate::EditContext &edit);
    annotate::Status moveImage(int from, int to, const annotate::EditContext &edit);
    annotate::Status setQuestion(const QString &question);

    // The image files that are not as the project recorded them (missing or changed).
    const QList<annotate::ImageFileCheck> &imageProblems() const { return m_problems; }
    // Checks the files again (e.g. when the application becomes active).
    void recheckImages();
    // The changed files as they are now become the recorded ones; the images are decoded again.
    annotate::Status acceptChangedImages();

    annotate::EditContext context(qint64 durationMs) const { return {m_author, durationMs}; }
    void reload();

Q_SIGNALS:
    void caseLoaded();
    void annotationsChanged(const QList<migician::annotate::AnnotationInfo> &annotations);
    // newPositionOfOld[k-1]: the new 1-based position of old image k, 0 when it was removed.
    void layoutChanged(const QList<int> &newPositionOfOld);
    void imageProblemsChanged(const QList<migician::annotate::ImageFileCheck> &problems);
    void errorOccurred(const QString &message);

private:
    annotate::Status report(const annotate::Status &status);
    // Reads the case again, decodes the images not decoded yet and checks every file.
    bool refresh(qint64 caseId, QString *error);
    void applyChecks(const QList<annotate::ImageFileCheck> &checks);
    void relayout(const QList<qint64> &before);

    annotate::ProjectStore *m_store = nullptr;
    QString m_author = QStringLiteral("annotator");
    annotate::CaseInfo m_case;
    QList<QImage> m_images;
    QHash<qint64, QImage> m_preloaded; // for the next loadCase()
    QHash<qint64, QImage> m_decoded;   // by image id: a reorder decodes nothing again
    QList<annotate::AnnotationInfo> m_annotations;
    QList<annotate::ImageFileCheck> m_problems;
};

} // namespace migician::ui
