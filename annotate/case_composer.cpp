#include "annotate/case_composer.h"

#include "annotate/annotation_undo.h"
#include "annotate/case_layout.h"
#include "annotate/store_sql.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>
#include <QSqlQuery>

namespace migician::annotate {

namespace {

// New position (1-based, 0 = gone) of each old position when `order` (old 0-based indices in
// their new order) becomes the case's order.
QList<int> positionsOf(const QList<int> &order, int oldCount)
{
    QList<int> map(oldCount, 0);
    for (int j = 0; j < order.size(); ++j)
        map[order.at(j)] = j + 1;
    return map;
}

} // namespace

QString CaseComposer::storedPath(const QString &root, const QString &file) const
{
    const QString absolute = QDir::cleanPath(
            QDir::isAbsolutePath(file) ? file : QDir(root).absoluteFilePath(file));
    const QString relative = QDir(root).relativeFilePath(absolute);
    if (relative != QLatin1String("..") && !relative.startsWith(QLatin1String("../"))
        && !QDir::isAbsolutePath(relative))
        return relative;
    // The root may be reached through a symbolic link: compare the real paths.
    const QFileInfo info(absolute);
    if (info.exists()) {
        const QString canonicalRoot = QFileInfo(root).canonicalFilePath();
        const QString canonical = info.canonicalFilePath();
        if (!canonicalRoot.isEmpty() && canonical.startsWith(canonicalRoot + QLatin1Char('/')))
            return canonical.mid(canonicalRoot.size() + 1);
    }
    return absolute;
}

Result<QList<qint64>> CaseComposer::registerImages(const QStringList &files)
{
    using R = Result<QList<qint64>>;
    const Result<QString> root = m_store.imagesRoot();
    if (!root)
        return root.status();
    // Hash the files the project does not know yet, in parallel and outside the transaction.
    QStringList paths, fresh;
    QSet<QString> known;
    QSqlQuery q(m_store.database());
    for (const QString &file : files) {
        if (file.trimmed().isEmpty())
            return R::failure(QStringLiteral("%1: empty image path").arg(m_store.fileName()));
        const QString path = storedPath(*root, file);
        paths << path;
        if (known.contains(path) || fresh.contains(path))
            continue;
        if (Status s = sql::run(q, m_store.fileName(), QStringLiteral("looking up an image"),
                                QStringLiteral("SELECT id FROM images WHERE path = ?"), {path});
            !s)
            return s;
        if (q.next())
            known.insert(path);
        else
            fresh << path;
    }
    q.finish();
    QStringList absolute, unknown;
    for (const QString &path : std::as_const(fresh)) {
        absolute << QDir(*root).absoluteFilePath(path);
        if (!m_known.contains(absolute.last()))
            unknown << absolute.last();
    }
    const QList<FileFingerprint> computed = fingerprintFiles(unknown, true);
    QList<FileFingerprint> prints;
    for (const QString &file : std::as_const(absolute))
        prints << (m_known.contains(file) ? m_known.value(file)
                                          : computed.at(unknown.indexOf(file)));
    QList<qint64> ids;
    const Status status = m_store.transaction([&]() -> Status {
        for (const QString &path : std::as_const(paths)) {
            const qsizetype at = fresh.indexOf(path);
            const Result<qint64> id = registerImage(path, at >= 0 ? &prints.at(at) : nullptr);
            if (!id)
                return id.status();
            ids << *id;
        }
        return {};
    });
    if (!status)
        return status;
    return ids;
}

Result<qint64> CaseComposer::registerImage(const QString &path, const FileFingerprint *print)
{
    const QString file = m_store.fileName();
    QSqlQuery q(m_store.database());
    if (Status s = sql::run(q, file, QStringLiteral("looking up an image"),
                            QStringLiteral("SELECT id FROM images WHERE path = ?"), {path});
        !s)
        return s;
    if (q.next())
        return q.value(0).toLongLong();
    const bool exists = print && print->size >= 0;
    const QVariant noText{QMetaType(QMetaType::QString)};
    if (Status s
        = sql::run(q, file, QStringLiteral("adding an image"),
                   QStringLiteral("INSERT INTO images(path, content_hash, missing, "
                                  "file_size, file_mtime) VALUES(?, ?, ?, ?, ?)"),
                   {path, exists && !print->sha256.isEmpty() ? QVariant(print->sha256) : noText,
                    exists ? 0 : 1,
                    exists ? QVariant(print->size) : QVariant(QMetaType(QMetaType::LongLong)),
                    exists ? QVariant(print->modified) : noText});
        !s)
        return s;
    return q.lastInsertId().toLongLong();
}

Result<QList<qint64>> CaseComposer::imageOrder(qint64 caseId) const
{
    QSqlQuery q(m_store.database());
    if (Status s = sql::run(q, m_store.fileName(), QStringLiteral("reading case images"),
                            QStringLiteral("SELECT image_id FROM case_images WHERE case_id = ? "
                                           "ORDER BY position"),
                            {caseId});
        !s)
        return s;
    QList<qint64> ids;
    while (q.next())
        ids << q.value(0).toLongLong();
    if (ids.isEmpty())
        return Result<QList<qint64>>::failure(
                QStringLiteral("%1: no case with id %2").arg(m_store.fileName()).arg(caseId));
    return ids;
}

Status CaseComposer::relayout(qint64 caseId, const QList<qint64> &before,
                              const QList<qint64> &after, const QList<int> &newPositionOfOld,
                              const QList<qint64> &keep, const QString &action,
                              const EditContext &edit)
{
    const QString file = m_store.fileName();
    if (Status s = writeOrder(caseId, after); !s)
        return s;
    QSqlQuery q(m_store.database());
    auto renumber = [&](int image) {
        return image >= 1 && image <= newPositionOfOld.size() ? newPositionOfOld.at(image - 1) : 0;
    };
    // Boxes follow their image. Deleted ones too, so that undoing their deletion later puts them
    // back on the right image.
    if (Status s
        = sql::run(q, file, QStringLiteral("reading annotations"),
                   QStringLiteral("SELECT id, image FROM annotations WHERE case_id = ?"), {caseId});
        !s)
        return s;
    QList<QPair<qint64, int>> moves;
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        const int image = q.value(1).toInt();
        const int next = renumber(image);
        if (next > 0 && next != image && !keep.contains(id))
            moves.append({id, next});
    }
    for (const auto &[id, image] : std::as_const(moves))
        if (Status s = sql::run(q, file, QStringLiteral("renumbering a box"),
                                QStringLiteral("UPDATE annotations SET image = ? WHERE id = ?"),
                                {image, id});
            !s)
            return s;
    if (Status s = sql::run(q, file, QStringLiteral("reading the ground-truth image"),
                            QStringLiteral("SELECT gt_image FROM cases WHERE id = ?"), {caseId});
        !s)
        return s;
    const int groundTruth = q.next() ? q.value(0).toInt() : 0;
    if (groundTruth > 0)
        if (Status s = sql::run(q, file, QStringLiteral("renumbering the ground truth"),
                                QStringLiteral("UPDATE cases SET gt_image = ? WHERE id = ?"),
                                {renumber(groundTruth), caseId});
            !s)
            return s;
    return logLayout(caseId, action, before, after, edit);
}

Status CaseComposer::writeOrder(qint64 caseId, const QList<qint64> &ids)
{
    QSqlQuery q(m_store.database());
    if (Status s = sql::run(q, m_store.fileName(), QStringLiteral("writing case images"),
                            QStringLiteral("DELETE FROM case_images WHERE case_id = ?"), {caseId});
        !s)
        return s;
    for (int i = 0; i < ids.size(); ++i)
        if (Status s = sql::run(q, m_store.fileName(), QStringLiteral("writing case images"),
                                QStringLiteral("INSERT INTO case_images(case_id, position, "
                                               "image_id) VALUES(?, ?, ?)"),
                                {caseId, i + 1, ids.at(i)});
            !s)
            return s;
    return {};
}

Status CaseComposer::logLayout(qint64 caseId, const QString &action, const QList<qint64> &before,
                               const QList<qint64> &after, const EditContext &edit)
{
    const Result<qint64> author = m_store.ensureAnnotator(edit.author);
    if (!author)
        return author.status();
    QSqlQuery q(m_store.database());
    return sql::run(q, m_store.fileName(), QStringLiteral("logging a change of case images"),
                    QStringLiteral("INSERT INTO case_layout_log(case_id, action, before_json, "
                                   "after_json, annotator_id, timestamp) VALUES(?, ?, ?, ?, ?, ?)"),
                    {caseId, action, layout::idsJson(before), layout::idsJson(after), *author,
                     sql::nowUtc()});
}

Result<qint64> CaseComposer::createCase(const NewComposedCase &c, const EditContext &edit)
{
    const QString file = m_store.fileName();
    if (c.files.isEmpty())
        return Result<qint64>::failure(
                QStringLiteral("%1: a case needs at least one image").arg(file));
    if (c.task.trimmed().isEmpty())
        return Result<qint64>::failure(QStringLiteral("%1: a case needs a task").arg(file));
    if (c.sourceIndex >= 0) {
        const Result<qint64> existing = m_store.caseIdBySource(c.source, c.sourceIndex);
        if (!existing || *existing > 0)
            return existing;
    }
    const Result<QList<qint64>> ids = registerImages(c.files);
    if (!ids)
        return ids.status();
    QList<qint64> order;
    for (qint64 id : *ids)
        if (!order.contains(id))
            order << id;
    qint64 caseId = 0;
    const Status status = m_store.transaction([&]() -> Status {
        QSqlQuery q(m_store.database());
        if (Status s = sql::run(q, file, QStringLiteral("adding a case"),
                                QStringLiteral("INSERT INTO cases(source, source_index, task, "
                                               "question, created) VALUES(?, ?, ?, ?, ?)"),
                                {c.source, c.sourceIndex, c.task, c.question, sql::nowUtc()});
            !s)
            return s;
        caseId = q.lastInsertId().toLongLong();
        if (Status s = writeOrder(caseId, order); !s)
            return s;
        return logLayout(caseId, QStringLiteral("create"), {}, order, edit);
    });
    if (!status)
        return status;
    return caseId;
}

Result<AddedImages> CaseComposer::addImages(qint64 caseId, int position, const QStringList &files,
                                            const EditContext &edit)
{
    using R = Result<AddedImages>;
    const Result<QList<qint64>> before = imageOrder(caseId);
    if (!before)
        return before.status();
    if (position < 1 || position > before->size() + 1)
        return R::failure(QStringLiteral("%1: case %2 has %3 images; cannot insert at %4")
                                  .arg(m_store.fileName())
                                  .arg(caseId)
                                  .arg(before->size())
                                  .arg(position));
    const Result<QList<qint64>> ids = registerImages(files);
    if (!ids)
        return ids.status();
    AddedImages added;
    QList<qint64> inserted;
    for (int i = 0; i < ids->size(); ++i) {
        if (before->contains(ids->at(i)) || inserted.contains(ids->at(i)))
            added.skipped << files.at(i);
        else
            inserted << ids->at(i);
    }
    if (inserted.isEmpty())
        return added;
    QList<qint64> after = *before;
    QList<int> map;
    for (int p = 1; p <= before->size(); ++p)
        map << (p < position ? p : p + int(inserted.size()));
    for (int i = 0; i < inserted.size(); ++i) {
        after.insert(position - 1 + i, inserted.at(i));
        added.positions << position + i;
    }
    const Status status = m_store.transaction(
            [&] { return relayout(caseId, *before, after, map, {}, QStringLiteral("add"), edit); });
    if (!status)
        return status;
    return added;
}

Result<RemovedImage> CaseComposer::removeImage(qint64 caseId, int position, const EditContext &edit)
{
    using R = Result<RemovedImage>;
    const Result<QList<qint64>> before = imageOrder(caseId);
    if (!before)
        return before.status();
    if (position < 1 || position > before->size())
        return R::failure(QStringLiteral("%1: case %2 has no image %3")
                                  .arg(m_store.fileName())
                                  .arg(caseId)
                                  .arg(position));
    if (before->size() == 1)
        return R::failure(QStringLiteral("%1: case %2: a case keeps at least one image")
                                  .arg(m_store.fileName())
                                  .arg(caseId));
    RemovedImage removed;
    removed.caseId = caseId;
    removed.position = position;
    removed.imageId = before->at(position - 1);
    const Status status = m_store.transaction([&]() -> Status {
        QSqlQuery q(m_store.database());
        if (Status s = sql::run(q, m_store.fileName(), QStringLiteral("reading annotations"),
                                QStringLiteral("SELECT id, deleted FROM annotations WHERE "
                                               "case_id = ? AND image = ?"),
                                {caseId, position});
            !s)
            return s;
        while (q.next()) {
            removed.annotationsOnImage << q.value(0).toLongLong();
            if (!q.value(1).toBool())
                removed.deletedAnnotations << q.value(0).toLongLong();
        }
        if (Status s
            = sql::run(q, m_store.fileName(), QStringLiteral("reading a case"),
                       QStringLiteral("SELECT gt_image FROM cases WHERE id = ?"), {caseId});
            !s)
            return s;
        removed.groundTruthImage = q.next() ? q.value(0).toInt() : 0;
        q.finish();
        // The boxes of a removed image go with it (each deletion is in the edit log).
        for (qint64 id : std::as_const(removed.deletedAnnotations))
            if (Status s = m_store.deleteAnnotation(id, edit); !s)
                return s;
        QList<qint64> after = *before;
        after.removeAt(position - 1);
        QList<int> order;
        for (int i = 0; i < before->size(); ++i)
            if (i != position - 1)
                order << i;
        return relayout(caseId, *before, after, positionsOf(order, int(before->size())),
                        removed.annotationsOnImage, QStringLiteral("remove"), edit);
    });
    if (!status)
        return status;
    return removed;
}

Status CaseComposer::restoreImage(const RemovedImage &removed, const EditContext &edit)
{
    const Result<QList<qint64>> before = imageOrder(removed.caseId);
    if (!before)
        return before.status();
    if (removed.position < 1 || removed.position > before->size() + 1)
        return Status::failure(QStringLiteral("%1: case %2 cannot take back an image at %3")
                                       .arg(m_store.fileName())
                                       .arg(removed.caseId)
                                       .arg(removed.position));
    QList<qint64> after = *before;
    after.insert(removed.position - 1, removed.imageId);
    QList<int> map;
    for (int p = 1; p <= before->size(); ++p)
        map << (p < removed.position ? p : p + 1);
    return m_store.transaction([&]() -> Status {
        if (Status s = relayout(removed.caseId, *before, after, map, removed.annotationsOnImage,
                                QStringLiteral("restore"), edit);
            !s)
            return s;
        QSqlQuery q(m_store.database());
        if (Status s = sql::run(q, m_store.fileName(), QStringLiteral("restoring the ground truth"),
                                QStringLiteral("UPDATE cases SET gt_image = ? WHERE id = ?"),
                                {removed.groundTruthImage, removed.caseId});
            !s)
            return s;
        for (qint64 id : removed.annotationsOnImage)
            if (Status s = sql::run(q, m_store.fileName(), QStringLiteral("restoring a box"),
                                    QStringLiteral("UPDATE annotations SET image = ? WHERE id = ?"),
                                    {removed.position, id});
                !s)
                return s;
        for (qint64 id : removed.deletedAnnotations)
            if (Status s = restoreAnnotation(m_store, id, edit); !s)
                return s;
        return {};
    });
}

Status CaseComposer::moveImage(qint64 caseId, int from, int to, const EditContext &edit)
{
    const Result<QList<qint64>> before = imageOrder(caseId);
    if (!before)
        return before.status();
    const int n = int(before->size());
    if (from < 1 || from > n || to < 1 || to > n)
        return Status::failure(QStringLiteral("%1: case %2 has %3 images; cannot move %4 to %5")
                                       .arg(m_store.fileName())
                                       .arg(caseId)
                                       .arg(n)
                                       .arg(from)
                                       .arg(to));
    if (from == to)
        return {};
    QList<int> order;
    for (int i = 0; i < n; ++i)
        order << i;
    order.move(from - 1, to - 1);
    QList<qint64> after;
    for (int i : std::as_const(order))
        after << before->at(i);
    return m_store.transaction([&] {
        return relayout(caseId, *before, after, positionsOf(order, n), {}, QStringLiteral("move"),
                        edit);
    });
}

Status CaseComposer::setQuestion(qint64 caseId, const QString &question)
{
    return m_store.transaction([&]() -> Status {
        QSqlQuery q(m_store.database());
        if (Status s = sql::run(q, m_store.fileName(), QStringLiteral("setting a case question"),
                                QStringLiteral("UPDATE cases SET question = ? WHERE id = ?"),
                                {question, caseId});
            !s)
            return s;
        if (q.numRowsAffected() != 1)
            return Status::failure(
                    QStringLiteral("%1: no case with id %2").arg(m_store.fileName()).arg(caseId));
        return {};
    });
}

Result<QList<StoredImageFile>> CaseComposer::imageFiles(qint64 caseId) const
{
    const Result<QString> root = m_store.imagesRoot();
    if (!root)
        return root.status();
    QSqlQuery q(m_store.database());
    if (Status s = sql::run(q, m_store.fileName(), QStringLiteral("reading case images"),
                            QStringLiteral("SELECT i.id, i.path, i.content_hash, i.file_size, "
                                           "i.file_mtime FROM case_images ci JOIN images i ON "
                                           "i.id = ci.image_id WHERE ci.case_id = ? ORDER BY "
                                           "ci.position"),
                            {caseId});
        !s)
        return s;
    QList<StoredImageFile> files;
    const QDir dir(*root);
    while (q.next()) {
        StoredImageFile f;
        f.imageId = q.value(0).toLongLong();
        f.path = q.value(1).toString();
        f.absolutePath = QDir::cleanPath(dir.absoluteFilePath(f.path));
        f.contentHash = q.value(2).toString();
        f.size = q.value(3).isNull() ? -1 : q.value(3).toLongLong();
        f.modified = q.value(4).toString();
        files << f;
    }
    return files;
}

Status CaseComposer::recordFingerprint(qint64 imageId, const FileFingerprint &print)
{
    if (print.size < 0)
        return Status::failure(QStringLiteral("%1: image %2: no file to record")
                                       .arg(m_store.fileName())
                                       .arg(imageId));
    return m_store.transaction([&]() -> Status {
        QSqlQuery q(m_store.database());
        return sql::run(q, m_store.fileName(), QStringLiteral("recording an image file"),
                        QStringLiteral("UPDATE images SET file_size = ?, file_mtime = ?, "
                                       "content_hash = COALESCE(?, content_hash), missing = 0 "
                                       "WHERE id = ?"),
                        {print.size, print.modified,
                         print.sha256.isEmpty() ? QVariant(QMetaType(QMetaType::QString))
                                                : QVariant(print.sha256),
                         imageId});
    });
}

Status CaseComposer::acceptCurrentFile(qint64 imageId)
{
    const Result<QString> root = m_store.imagesRoot();
    if (!root)
        return root.status();
    const Result<ImageInfo> image = m_store.image(imageId);
    if (!image)
        return image.status();
    const QString path = QDir(*root).absoluteFilePath(image->relativePath);
    const FileFingerprint print = fingerprintFile(path, true);
    if (print.size < 0 || print.sha256.isEmpty())
        return Status::failure(
                QStringLiteral("%1: cannot read the image file %2").arg(m_store.fileName(), path));
    return recordFingerprint(imageId, print);
}

Result<QList<LayoutChange>> CaseComposer::layoutLog(qint64 caseId) const
{
    QSqlQuery q(m_store.database());
    if (Status s = sql::run(q, m_store.fileName(), QStringLiteral("reading the case image log"),
                            QStringLiteral("SELECT l.action, l.before_json, l.after_json, n.name, "
                                           "l.timestamp FROM case_layout_log l JOIN annotators n "
                                           "ON n.id = l.annotator_id WHERE l.case_id = ? ORDER BY "
                                           "l.id"),
                            {caseId});
        !s)
        return s;
    QList<LayoutChange> log;
    while (q.next())
        log << LayoutChange{q.value(0).toString(), layout::idsFromJson(q.value(1).toString()),
                            layout::idsFromJson(q.value(2).toString()), q.value(3).toString(),
                            sql::parseUtc(q.value(4).toString())};
    return log;
}

QString CaseComposer::mediaFolderOf(const QString &projectFile)
{
    const QFileInfo project(projectFile);
    return project.dir().filePath(project.completeBaseName() + QStringLiteral(".media"));
}

} // namespace migician::annotate
