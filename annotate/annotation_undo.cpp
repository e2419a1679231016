#include "annotation_undo.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace migician::annotate {

namespace {

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QString boxJson(const AnnotationInfo &a)
{
    const QJsonObject object{
            {QStringLiteral("image"), a.image},
            {QStringLiteral("box"), QJsonArray{a.box.x1, a.box.y1, a.box.x2, a.box.y2}}};
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

Status exec(QSqlQuery &query, const QString &file)
{
    if (!query.exec())
        return Status::failure(QStringLiteral("%1: %2").arg(file, query.lastError().text()));
    return {};
}

Status logRow(ProjectStore &store, qint64 annotationId, EditAction action, const EditContext &edit,
              const QString &before, const QString &after)
{
    auto annotator = store.ensureAnnotator(edit.author);
    if (!annotator)
        return annotator.status();
    QSqlQuery query(store.database());
    query.prepare(
            QStringLiteral("INSERT INTO edit_log(annotation_id, action, annotator_id, timestamp,"
                           " duration_ms, before_json, after_json) VALUES(?,?,?,?,?,?,?)"));
    query.addBindValue(annotationId);
    query.addBindValue(toString(action));
    query.addBindValue(annotator.value());
    query.addBindValue(now());
    query.addBindValue(std::max<qint64>(0, edit.durationMs));
    query.addBindValue(before);
    query.addBindValue(after);
    return exec(query, store.fileName());
}

} // namespace

Status restoreAnnotation(ProjectStore &store, qint64 annotationId, const EditContext &edit)
{
    auto current = store.annotation(annotationId);
    if (!current)
        return current.status();
    return store.transaction([&]() -> Status {
        QSqlQuery query(store.database());
        query.prepare(
                QStringLiteral("UPDATE annotations SET deleted = 0, modified = ? WHERE id = ?"));
        query.addBindValue(now());
        query.addBindValue(annotationId);
        if (Status s = exec(query, store.fileName()); !s)
            return s;
        // "" not QString(): a null QString binds as SQL NULL, and before_json is NOT NULL.
        return logRow(store, annotationId, EditAction::Create, edit, QStringLiteral(""),
                      boxJson(*current));
    });
}

Status setReviewState(ProjectStore &store, qint64 annotationId, ReviewState state,
                      const EditContext &edit)
{
    auto current = store.annotation(annotationId);
    if (!current)
        return current.status();
    if (current->review == state)
        return {};
    return store.transaction([&]() -> Status {
        QSqlQuery query(store.database());
        query.prepare(
                QStringLiteral("UPDATE annotations SET review = ?, modified = ? WHERE id = ?"));
        query.addBindValue(toString(state));
        query.addBindValue(now());
        query.addBindValue(annotationId);
        if (Status s = exec(query, store.fileName()); !s)
            return s;
        if (state == ReviewState::Pending)
            return {};
        const EditAction action
                = state == ReviewState::Accepted ? EditAction::Accept : EditAction::Reject;
        return logRow(store, annotationId, action, edit, boxJson(*current), boxJson(*current));
    });
}

} // namespace migician::annotate
