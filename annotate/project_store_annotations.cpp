// ProjectStore: annotations and their append-only edit log. Every change writes the annotation
// row and its edit_log row in the same transaction, so the log can never miss or invent an edit.
#include "annotate/project_store.h"

#include "annotate/store_sql.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

#include <cmath>

namespace migician::annotate {

namespace {

const char *const kAnnotationSelect
        = "SELECT a.id, a.case_id, a.query_id, a.image, a.x1, a.y1, a.x2, a.y2, a.label, a.source, "
          "a.review, a.prediction_id, n.name, a.created, a.modified, a.deleted FROM annotations a "
          "JOIN annotators n ON n.id = a.annotator_id";

AnnotationInfo readAnnotation(const QSqlQuery &q)
{
    AnnotationInfo a;
    a.id = q.value(0).toLongLong();
    a.caseId = q.value(1).toLongLong();
    a.queryId = q.value(2).toLongLong();
    a.image = q.value(3).toInt();
    a.box = NormBox{q.value(4).toDouble(), q.value(5).toDouble(), q.value(6).toDouble(),
                    q.value(7).toDouble()};
    a.label = q.value(8).toString();
    a.source = annotationSourceFromString(q.value(9).toString()).value_or(AnnotationSource::Human);
    a.review = reviewStateFromString(q.value(10).toString()).value_or(ReviewState::Pending);
    a.predictionId = q.value(11).toLongLong();
    a.author = q.value(12).toString();
    a.created = sql::parseUtc(q.value(13).toString());
    a.modified = sql::parseUtc(q.value(14).toString());
    return a;
}

// The state an edit-log row records before and after an edit.
QString stateJson(const AnnotationInfo &a)
{
    const QJsonObject object{
            {QStringLiteral("image"), a.image},
            {QStringLiteral("box"), QJsonArray{a.box.x1, a.box.y1, a.box.x2, a.box.y2}},
            {QStringLiteral("source"), toString(a.source)},
            {QStringLiteral("review"), toString(a.review)}};
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

bool validBox(const NormBox &b)
{
    return std::isfinite(b.x1) && std::isfinite(b.y1) && std::isfinite(b.x2) && std::isfinite(b.y2)
           && b.isValid() && b.x1 < b.x2 && b.y1 < b.y2;
}

} // namespace

Result<AnnotationInfo> ProjectStore::annotation(qint64 annotationId) const
{
    QSqlQuery q(database());
    if (Status s = sql::run(q, m_fileName, QStringLiteral("reading an annotation"),
                            QLatin1String(kAnnotationSelect) + QStringLiteral(" WHERE a.id = ?"),
                            {annotationId});
        !s)
        return s;
    if (!q.next())
        return Result<AnnotationInfo>::failure(
                QStringLiteral("%1: no annotation with id %2").arg(m_fileName).arg(annotationId));
    return readAnnotation(q);
}

Result<QList<AnnotationInfo>> ProjectStore::annotationsForCase(qint64 caseId) const
{
    QSqlQuery q(database());
    if (Status s = sql::run(q, m_fileName, QStringLiteral("listing annotations"),
                            QLatin1String(kAnnotationSelect)
                                    + QStringLiteral(" WHERE a.case_id = ? AND a.deleted = 0 "
                                                     "ORDER BY a.id"),
                            {caseId});
        !s)
        return s;
    QList<AnnotationInfo> list;
    while (q.next())
        list << readAnnotation(q);
    return list;
}

Result<QList<EditLogEntry>> ProjectStore::editHistory(qint64 annotationId) const
{
    QSqlQuery q(database());
    if (Status s = sql::run(q, m_fileName, QStringLiteral("reading the edit history"),
                            QStringLiteral("SELECT e.id, e.annotation_id, e.action, n.name, "
                                           "e.timestamp, e.duration_ms, e.before_json, "
                                           "e.after_json FROM edit_log e JOIN annotators n ON "
                                           "n.id = e.annotator_id WHERE e.annotation_id = ? "
                                           "ORDER BY e.id"),
                            {annotationId});
        !s)
        return s;
    QList<EditLogEntry> log;
    while (q.next()) {
        EditLogEntry e;
        e.id = q.value(0).toLongLong();
        e.annotationId = q.value(1).toLongLong();
        e.action = editActionFromString(q.value(2).toString()).value_or(EditAction::Create);
        e.author = q.value(3).toString();
        e.timestamp = sql::parseUtc(q.value(4).toString());
        e.durationMs = q.value(5).toLongLong();
        e.beforeJson = q.value(6).toString();
        e.afterJson = q.value(7).toString();
        log << e;
    }
    return log;
}

Result<qint64> ProjectStore::createAnnotation(const NewAnnotation &a, const EditContext &edit)
{
    auto fail = [&](const QString &why) {
        return Result<qint64>::failure(
                QStringLiteral("%1: new annotation: %2").arg(m_fileName, why));
    };
    if ((a.caseId > 0) == (a.queryId > 0))
        return fail(QStringLiteral("it must belong to exactly one case or query"));
    if (!validBox(a.box))
        return fail(QStringLiteral("box (%1,%2),(%3,%4) is not a non-empty box inside 0..1")
                            .arg(a.box.x1)
                            .arg(a.box.y1)
                            .arg(a.box.x2)
                            .arg(a.box.y2));
    if (a.source == AnnotationSource::Model && a.predictionId <= 0)
        return fail(QStringLiteral("a model box needs the prediction it came from"));
    if (edit.durationMs < 0)
        return fail(QStringLiteral("negative duration"));
    int imageCount = 0;
    if (a.caseId > 0) {
        const Result<CaseInfo> c = caseById(a.caseId);
        if (!c)
            return c.status();
        imageCount = int(c->images.size());
    } else {
        const Result<QueryInfo> query = this->query(a.queryId);
        if (!query)
            return query.status();
        imageCount = std::numeric_limits<int>::max();
        if (query->caseId > 0)
            if (const Result<CaseInfo> c = caseById(query->caseId); c)
                imageCount = int(c->images.size());
    }
    if (a.image < 1 || a.image > imageCount)
        return fail(QStringLiteral("image %1 is not one of the %2 images")
                            .arg(a.image)
                            .arg(imageCount));

    qint64 id = 0;
    const Status status = transaction([&]() -> Status {
        const Result<qint64> author = ensureAnnotator(edit.author);
        if (!author)
            return author.status();
        QSqlQuery q(database());
        const QString now = sql::nowUtc();
        if (Status s
            = sql::run(q, m_fileName, QStringLiteral("adding an annotation"),
                       QStringLiteral("INSERT INTO annotations(case_id, query_id, image, "
                                      "x1, y1, x2, y2, label, source, review, "
                                      "prediction_id, annotator_id, created, modified) "
                                      "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, "
                                      "?, ?)"),
                       {sql::idOrNull(a.caseId), sql::idOrNull(a.queryId), a.image, a.box.x1,
                        a.box.y1, a.box.x2, a.box.y2, a.label, toString(a.source),
                        sql::idOrNull(a.predictionId), *author, now, now});
            !s)
            return s;
        id = q.lastInsertId().toLongLong();
        AnnotationInfo after;
        after.image = a.image;
        after.box = a.box;
        after.source = a.source;
        return sql::run(q, m_fileName, QStringLiteral("logging an edit"),
                        QStringLiteral("INSERT INTO edit_log(annotation_id, action, annotator_id, "
                                       "timestamp, duration_ms, before_json, after_json) "
                                       "VALUES(?, 'create', ?, ?, ?, '', ?)"),
                        {id, *author, now, edit.durationMs, stateJson(after)});
    });
    if (!status)
        return status;
    return id;
}

namespace {

// Applies `change` to the live annotation `id` and logs `action` (decided by `change`).
struct Change
{
    AnnotationInfo after;
    std::optional<EditAction> action; // nullopt: nothing changed, nothing logged
};

} // namespace

static Status applyChange(ProjectStore &store, const QString &fileName, qint64 id,
                          const EditContext &edit,
                          const std::function<Result<Change>(const AnnotationInfo &)> &change)
{
    if (edit.durationMs < 0)
        return Status::failure(
                QStringLiteral("%1: annotation %2: negative duration").arg(fileName).arg(id));
    return store.transaction([&]() -> Status {
        const Result<AnnotationInfo> before = store.annotation(id);
        if (!before)
            return before.status();
        QSqlQuery q(store.database());
        if (Status s
            = sql::run(q, fileName, QStringLiteral("reading an annotation"),
                       QStringLiteral("SELECT deleted FROM annotations WHERE id = ?"), {id});
            !s)
            return s;
        if (q.next() && q.value(0).toBool())
            return Status::failure(
                    QStringLiteral("%1: annotation %2 was deleted").arg(fileName).arg(id));
        const Result<Change> result = change(*before);
        if (!result)
            return result.status();
        if (!result->action)
            return {};
        const Result<qint64> author = store.ensureAnnotator(edit.author);
        if (!author)
            return author.status();
        const AnnotationInfo &after = result->after;
        const QString now = sql::nowUtc();
        const bool deleted = *result->action == EditAction::Delete;
        // Box edits make the editor the author of the box; reviews keep the box's author.
        const bool boxEdit = *result->action == EditAction::Move
                             || *result->action == EditAction::Resize
                             || *result->action == EditAction::MoveImage;
        if (Status s = sql::run(q, fileName, QStringLiteral("updating an annotation"),
                                QStringLiteral("UPDATE annotations SET image = ?, x1 = ?, y1 = ?, "
                                               "x2 = ?, y2 = ?, source = ?, review = ?, "
                                               "deleted = ?, modified = ?, annotator_id = "
                                               "CASE WHEN ? THEN ? ELSE annotator_id END "
                                               "WHERE id = ?"),
                                {after.image, after.box.x1, after.box.y1, after.box.x2,
                                 after.box.y2, toString(after.source), toString(after.review),
                                 deleted ? 1 : 0, now, boxEdit ? 1 : 0, *author, id});
            !s)
            return s;
        return sql::run(q, fileName, QStringLiteral("logging an edit"),
                        QStringLiteral("INSERT INTO edit_log(annotation_id, action, annotator_id, "
                                       "timestamp, duration_ms, before_json, after_json) "
                                       "VALUES(?, ?, ?, ?, ?, ?, ?)"),
                        {id, toString(*result->action), *author, now, edit.durationMs,
                         stateJson(*before), deleted ? QString() : stateJson(after)});
    });
}

Status ProjectStore::updateAnnotation(qint64 annotationId, int image, const NormBox &box,
                                      const EditContext &edit)
{
    if (!validBox(box))
        return Status::failure(
                QStringLiteral("%1: annotation %2: box (%3,%4),(%5,%6) is not a non-empty box "
                               "inside 0..1")
                        .arg(m_fileName)
                        .arg(annotationId)
                        .arg(box.x1)
                        .arg(box.y1)
                        .arg(box.x2)
                        .arg(box.y2));
    return applyChange(
            *this, m_fileName, annotationId, edit,
            [&](const AnnotationInfo &before) -> Result<Change> {
                if (before.caseId > 0) {
                    const Result<CaseInfo> c = caseById(before.caseId);
                    if (!c)
                        return c.status();
                    if (image < 1 || image > c->images.size())
                        return Result<Change>::failure(
                                QStringLiteral(
                                        "%1: annotation %2: image %3 is not one of the %4 images")
                                        .arg(m_fileName)
                                        .arg(annotationId)
                                        .arg(image)
                                        .arg(c->images.size()));
                }
                Change change{before, std::nullopt};
                if (before.image == image && before.box == box)
                    return change;
                const double eps = 1e-12;
                const bool sameSize
                        = std::abs((box.x2 - box.x1) - (before.box.x2 - before.box.x1)) < eps
                          && std::abs((box.y2 - box.y1) - (before.box.y2 - before.box.y1)) < eps;
                change.action = before.image != image ? EditAction::MoveImage
                                : sameSize            ? EditAction::Move
                                                      : EditAction::Resize;
                change.after.image = image;
                change.after.box = box;
                if (before.source == AnnotationSource::Model)
                    change.after.source = AnnotationSource::Corrected;
                change.after.review = ReviewState::Pending;
                return change;
            });
}

Status ProjectStore::deleteAnnotation(qint64 annotationId, const EditContext &edit)
{
    return applyChange(*this, m_fileName, annotationId, edit,
                       [](const AnnotationInfo &before) -> Result<Change> {
                           return Change{before, EditAction::Delete};
                       });
}

Status ProjectStore::acceptAnnotation(qint64 annotationId, const EditContext &edit)
{
    return applyChange(*this, m_fileName, annotationId, edit,
                       [](const AnnotationInfo &before) -> Result<Change> {
                           Change change{before, EditAction::Accept};
                           change.after.review = ReviewState::Accepted;
                           return change;
                       });
}

Status ProjectStore::rejectAnnotation(qint64 annotationId, const EditContext &edit)
{
    return applyChange(*this, m_fileName, annotationId, edit,
                       [](const AnnotationInfo &before) -> Result<Change> {
                           Change change{before, EditAction::Reject};
                           change.after.review = ReviewState::Rejected;
                           return change;
                       });
}

Result<std::optional<CurrentBox>> ProjectStore::currentBox(qint64 caseId) const
{
    using R = Result<std::optional<CurrentBox>>;
    QSqlQuery q(database());
    if (Status s = sql::run(q, m_fileName, QStringLiteral("choosing the current box"),
                            QStringLiteral("SELECT id, image, x1, y1, x2, y2 FROM annotations "
                                           "WHERE case_id = ? AND deleted = 0 AND review <> "
                                           "'rejected' AND (source <> 'model' OR review = "
                                           "'accepted') ORDER BY source = 'model', modified DESC, "
                                           "id DESC LIMIT 1"),
                            {caseId});
        !s)
        return s;
    if (q.next()) {
        CurrentBox box;
        box.origin = CurrentBox::Origin::Annotation;
        box.annotationId = q.value(0).toLongLong();
        box.image = q.value(1).toInt();
        box.box = NormBox{q.value(2).toDouble(), q.value(3).toDouble(), q.value(4).toDouble(),
                          q.value(5).toDouble()};
        return R(std::optional<CurrentBox>(box));
    }
    const Result<CaseInfo> c = caseById(caseId);
    if (!c)
        return c.status();
    if (!c->groundTruth)
        return R(std::optional<CurrentBox>());
    CurrentBox box;
    box.image = c->groundTruthImage;
    box.box = *c->groundTruth;
    return R(std::optional<CurrentBox>(box));
}

} // namespace migician::annotate
