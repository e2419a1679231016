// ProjectStore: cases, queries, runs and predictions.
#include "annotate/project_store.h"

#include "annotate/case_layout.h"
#include "annotate/store_sql.h"

#include <QSqlQuery>

#include <algorithm>
#include <cmath>

namespace migician::annotate {

namespace {

bool finite(const NormBox &box)
{
    return std::isfinite(box.x1) && std::isfinite(box.y1) && std::isfinite(box.x2)
           && std::isfinite(box.y2);
}

QVariant boxValue(const std::optional<NormBox> &box, int coordinate)
{
    if (!box)
        return QVariant(QMetaType(QMetaType::Double));
    const double values[4] = {box->x1, box->y1, box->x2, box->y2};
    return values[coordinate];
}

std::optional<NormBox> readBox(const QSqlQuery &q, int first)
{
    if (q.value(first).isNull())
        return std::nullopt;
    return NormBox{q.value(first).toDouble(), q.value(first + 1).toDouble(),
                   q.value(first + 2).toDouble(), q.value(first + 3).toDouble()};
}

} // namespace

Result<qint64> ProjectStore::addCase(const NewCase &c)
{
    auto fail = [&](const QString &why) {
        return Result<qint64>::failure(QStringLiteral("%1: case %2 (%3): %4")
                                               .arg(m_fileName)
                                               .arg(c.sourceIndex)
                                               .arg(c.source, why));
    };
    if (c.task.trimmed().isEmpty())
        return fail(QStringLiteral("empty task"));
    if (c.imagePaths.isEmpty())
        return fail(QStringLiteral("no images"));
    if (c.groundTruthImage < 0 || c.groundTruthImage > c.imagePaths.size())
        return fail(QStringLiteral("ground-truth image %1 is not one of its %2 images")
                            .arg(c.groundTruthImage)
                            .arg(c.imagePaths.size()));
    if (c.groundTruth && !finite(*c.groundTruth))
        return fail(QStringLiteral("ground-truth box is not finite"));

    qint64 id = 0;
    const Status status = transaction([&]() -> Status {
        QSqlQuery q(database());
        if (c.sourceIndex >= 0) {
            const Result<qint64> existing = caseIdBySource(c.source, c.sourceIndex);
            if (!existing)
                return existing.status();
            if (*existing > 0) {
                id = *existing;
                return {};
            }
        }
        if (Status s
            = sql::run(q, m_fileName, QStringLiteral("adding a case"),
                       QStringLiteral("INSERT INTO cases(source, source_index, task, "
                                      "question, gt_x1, gt_y1, gt_x2, gt_y2, gt_image, "
                                      "additional_info, need_format, created) "
                                      "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                       {c.source, c.sourceIndex, c.task, c.question, boxValue(c.groundTruth, 0),
                        boxValue(c.groundTruth, 1), boxValue(c.groundTruth, 2),
                        boxValue(c.groundTruth, 3), c.groundTruthImage, c.additionalInfo,
                        c.needFormat ? 1 : 0, sql::nowUtc()});
            !s)
            return s;
        id = q.lastInsertId().toLongLong();
        for (int i = 0; i < c.imagePaths.size(); ++i) {
            const Result<qint64> image = addImage(NewImage{c.imagePaths.at(i), {}, {}, {}});
            if (!image)
                return Status::failure(QStringLiteral("case %1 (%2): %3")
                                               .arg(c.sourceIndex)
                                               .arg(c.source, image.error()));
            if (Status s = sql::run(q, m_fileName, QStringLiteral("adding a case image"),
                                    QStringLiteral("INSERT INTO case_images(case_id, position, "
                                                   "image_id) VALUES(?, ?, ?)"),
                                    {id, i + 1, *image});
                !s)
                return s;
        }
        return {};
    });
    if (!status)
        return status;
    return id;
}

Result<qint64> ProjectStore::caseIdBySource(const QString &source, int sourceIndex) const
{
    QSqlQuery q(database());
    if (Status s = sql::run(q, m_fileName, QStringLiteral("looking up a case"),
                            // The literal "source_index >= 0" lets SQLite use the
                            // partial unique index (a bound value alone does not).
                            QStringLiteral("SELECT id FROM cases WHERE source = ? AND "
                                           "source_index = ? AND source_index >= 0"),
                            {source, sourceIndex});
        !s)
        return s;
    return q.next() ? q.value(0).toLongLong() : qint64(0);
}

Result<QList<CaseSummary>> ProjectStore::listCases(const QString &task) const
{
    QSqlQuery q(database());
    const QString select = QStringLiteral(
            "SELECT c.id, c.source_index, c.task, c.question, "
            "(SELECT count(*) FROM case_images ci WHERE ci.case_id = c.id) FROM cases c");
    const Status s = task.isEmpty()
                             ? sql::run(q, m_fileName, QStringLiteral("listing cases"),
                                        select + QStringLiteral(" ORDER BY c.id"))
                             : sql::run(q, m_fileName, QStringLiteral("listing cases"),
                                        select + QStringLiteral(" WHERE c.task = ? ORDER BY c.id"),
                                        {task});
    if (!s)
        return s;
    QList<CaseSummary> cases;
    while (q.next())
        cases << CaseSummary{q.value(0).toLongLong(), q.value(1).toInt(), q.value(2).toString(),
                             q.value(3).toString(), q.value(4).toInt()};
    return cases;
}

Result<CaseInfo> ProjectStore::caseById(qint64 caseId) const
{
    QSqlQuery q(database());
    if (Status s = sql::run(q, m_fileName, QStringLiteral("reading a case"),
                            QStringLiteral("SELECT id, source, source_index, task, question, "
                                           "gt_x1, gt_y1, gt_x2, gt_y2, gt_image, "
                                           "additional_info, need_format FROM cases WHERE id = ?"),
                            {caseId});
        !s)
        return s;
    if (!q.next())
        return Result<CaseInfo>::failure(
                QStringLiteral("%1: no case with id %2").arg(m_fileName).arg(caseId));
    CaseInfo c;
    c.id = q.value(0).toLongLong();
    c.source = q.value(1).toString();
    c.sourceIndex = q.value(2).toInt();
    c.task = q.value(3).toString();
    c.question = q.value(4).toString();
    c.groundTruth = readBox(q, 5);
    c.groundTruthImage = q.value(9).toInt();
    c.additionalInfo = q.value(10).toString();
    c.needFormat = q.value(11).toBool();
    if (Status s = sql::run(q, m_fileName, QStringLiteral("reading case images"),
                            QStringLiteral("SELECT i.id, i.path, i.content_hash, i.width, "
                                           "i.height, i.missing FROM case_images ci JOIN images i "
                                           "ON i.id = ci.image_id WHERE ci.case_id = ? "
                                           "ORDER BY ci.position"),
                            {caseId});
        !s)
        return s;
    while (q.next()) {
        ImageInfo image;
        image.id = q.value(0).toLongLong();
        image.relativePath = q.value(1).toString();
        image.contentHash = q.value(2).toString();
        if (!q.value(3).isNull())
            image.width = q.value(3).toInt();
        if (!q.value(4).isNull())
            image.height = q.value(4).toInt();
        image.missing = q.value(5).toBool();
        c.images << image;
    }
    return c;
}

Result<int> ProjectStore::caseCount(const QString &task) const
{
    QSqlQuery q(database());
    const Status s = task.isEmpty()
                             ? sql::run(q, m_fileName, QStringLiteral("counting cases"),
                                        QStringLiteral("SELECT count(*) FROM cases"))
                             : sql::run(q, m_fileName, QStringLiteral("counting cases"),
                                        QStringLiteral("SELECT count(*) FROM cases WHERE task = ?"),
                                        {task});
    if (!s)
        return s;
    return q.next() ? q.value(0).toInt() : 0;
}

Result<QStringList> ProjectStore::tasks() const
{
    QSqlQuery q(database());
    if (Status s = sql::run(q, m_fileName, QStringLiteral("listing tasks"),
                            QStringLiteral("SELECT DISTINCT task FROM cases ORDER BY task"));
        !s)
        return s;
    QStringList tasks;
    while (q.next())
        tasks << q.value(0).toString();
    return tasks;
}

// ---------------------------------------------------------------- queries

Result<qint64> ProjectStore::addQuery(const NewQuery &query)
{
    if (query.text.trimmed().isEmpty() && query.referenceImageId == 0)
        return Result<qint64>::failure(
                QStringLiteral("%1: a query needs a text or a visual reference").arg(m_fileName));
    if (query.referenceCrop && (!query.referenceCrop->isValid() || query.referenceImageId == 0))
        return Result<qint64>::failure(
                QStringLiteral("%1: visual reference crop must lie in 0..1 of a given image")
                        .arg(m_fileName));
    qint64 id = 0;
    const Status status = transaction([&]() -> Status {
        QSqlQuery q(database());
        if (Status s
            = sql::run(q, m_fileName, QStringLiteral("adding a query"),
                       QStringLiteral("INSERT INTO queries(case_id, text, ref_image_id, "
                                      "ref_x1, ref_y1, ref_x2, ref_y2, created) "
                                      "VALUES(?, ?, ?, ?, ?, ?, ?, ?)"),
                       {sql::idOrNull(query.caseId), query.text,
                        sql::idOrNull(query.referenceImageId), boxValue(query.referenceCrop, 0),
                        boxValue(query.referenceCrop, 1), boxValue(query.referenceCrop, 2),
                        boxValue(query.referenceCrop, 3), sql::nowUtc()});
            !s)
            return s;
        id = q.lastInsertId().toLongLong();
        return {};
    });
    if (!status)
        return status;
    return id;
}

Result<QueryInfo> ProjectStore::query(qint64 queryId) const
{
    QSqlQuery q(database());
    if (Status s = sql::run(q, m_fileName, QStringLiteral("reading a query"),
                            QStringLiteral("SELECT id, case_id, text, ref_image_id, ref_x1, "
                                           "ref_y1, ref_x2, ref_y2, created FROM queries WHERE "
                                           "id = ?"),
                            {queryId});
        !s)
        return s;
    if (!q.next())
        return Result<QueryInfo>::failure(
                QStringLiteral("%1: no query with id %2").arg(m_fileName).arg(queryId));
    QueryInfo info;
    info.id = q.value(0).toLongLong();
    info.caseId = q.value(1).toLongLong();
    info.text = q.value(2).toString();
    info.referenceImageId = q.value(3).toLongLong();
    info.referenceCrop = readBox(q, 4);
    info.created = sql::parseUtc(q.value(8).toString());
    return info;
}

// ---------------------------------------------------------------- runs and predictions

Result<qint64> ProjectStore::createRun(const NewRun &run)
{
    qint64 id = 0;
    const Status status = transaction([&]() -> Status {
        QSqlQuery q(database());
        if (Status s = sql::run(q, m_fileName, QStringLiteral("adding a run"),
                                QStringLiteral("INSERT INTO runs(backend, model_folder, "
                                               "config_checksum, parameters_json, started) "
                                               "VALUES(?, ?, ?, ?, ?)"),
                                {run.backend, run.modelFolder, run.configChecksum,
                                 run.parametersJson, sql::nowUtc()});
            !s)
            return s;
        id = q.lastInsertId().toLongLong();
        return {};
    });
    if (!status)
        return status;
    return id;
}

Status ProjectStore::finishRun(qint64 runId, qint64 durationMs)
{
    return transaction([&]() -> Status {
        QSqlQuery q(database());
        if (Status s = sql::run(q, m_fileName, QStringLiteral("finishing a run"),
                                QStringLiteral("UPDATE runs SET duration_ms = ? WHERE id = ?"),
                                {durationMs, runId});
            !s)
            return s;
        if (q.numRowsAffected() != 1)
            return Status::failure(
                    QStringLiteral("%1: no run with id %2").arg(m_fileName).arg(runId));
        return {};
    });
}

Result<RunInfo> ProjectStore::run(qint64 runId) const
{
    QSqlQuery q(database());
    if (Status s = sql::run(q, m_fileName, QStringLiteral("reading a run"),
                            QStringLiteral("SELECT id, backend, model_folder, config_checksum, "
                                           "parameters_json, started, duration_ms FROM runs "
                                           "WHERE id = ?"),
                            {runId});
        !s)
        return s;
    if (!q.next())
        return Result<RunInfo>::failure(
                QStringLiteral("%1: no run with id %2").arg(m_fileName).arg(runId));
    RunInfo info;
    info.id = q.value(0).toLongLong();
    info.backend = q.value(1).toString();
    info.modelFolder = q.value(2).toString();
    info.configChecksum = q.value(3).toString();
    info.parametersJson = q.value(4).toString();
    info.started = sql::parseUtc(q.value(5).toString());
    if (!q.value(6).isNull())
        info.durationMs = q.value(6).toLongLong();
    return info;
}

Result<qint64> ProjectStore::recordPrediction(const NewPrediction &p)
{
    if ((p.caseId > 0) == (p.queryId > 0))
        return Result<qint64>::failure(
                QStringLiteral("%1: a prediction belongs to exactly one case or query")
                        .arg(m_fileName));
    QList<ImageInfo> images;
    QList<qint64> imageIds; // the case's order now: boxes are read back in later orders
    if (p.caseId > 0) {
        const Result<CaseInfo> c = caseById(p.caseId);
        if (!c)
            return c.status();
        images = c->images;
        imageIds = c->imageIds();
    }
    for (int i = 0; i < p.boxes.size(); ++i) {
        const PredictedBox &box = p.boxes.at(i);
        if (!finite(box.box) || !box.box.isValid())
            return Result<qint64>::failure(
                    QStringLiteral("%1: prediction box %2 is not an ordered box inside 0..1")
                            .arg(m_fileName)
                            .arg(i));
        if (box.image < 0 || (!images.isEmpty() && box.image > images.size()))
            return Result<qint64>::failure(
                    QStringLiteral("%1: prediction box %2 names image %3 of %4")
                            .arg(m_fileName)
                            .arg(i)
                            .arg(box.image)
                            .arg(images.size()));
    }
    qint64 id = 0;
    const Status status = transaction([&]() -> Status {
        QSqlQuery q(database());
        if (Status s
            = sql::run(q, m_fileName, QStringLiteral("recording a prediction"),
                       QStringLiteral("INSERT INTO predictions(run_id, case_id, query_id, "
                                      "raw_answer, latency_ms, created, image_ids) "
                                      "VALUES(?, ?, ?, ?, ?, ?, ?)"),
                       {sql::idOrNull(p.runId), sql::idOrNull(p.caseId), sql::idOrNull(p.queryId),
                        p.rawAnswer, sql::nullable(p.latencyMs), sql::nowUtc(),
                        p.caseId > 0 ? QVariant(layout::idsJson(imageIds))
                                     : QVariant(QMetaType(QMetaType::QString))});
            !s)
            return s;
        id = q.lastInsertId().toLongLong();
        for (int i = 0; i < p.boxes.size(); ++i) {
            PredictedBox box = p.boxes.at(i);
            if (!box.pixels && box.image >= 1 && box.image <= images.size()) {
                const ImageInfo &image = images.at(box.image - 1);
                if (image.width && image.height)
                    box.pixels = box.box.toPixels(*image.width, *image.height);
            }
            // Braces: with parentheses clang reads this as a function declaration.
            const QVariant none{QMetaType(QMetaType::Double)};
            if (Status s
                = sql::run(q, m_fileName, QStringLiteral("recording a prediction box"),
                           QStringLiteral("INSERT INTO prediction_boxes(prediction_id, position, "
                                          "image, x1, y1, x2, y2, px1, py1, px2, py2) "
                                          "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                           {id, i, box.image, box.box.x1, box.box.y1, box.box.x2, box.box.y2,
                            box.pixels ? QVariant(box.pixels->x1) : none,
                            box.pixels ? QVariant(box.pixels->y1) : none,
                            box.pixels ? QVariant(box.pixels->x2) : none,
                            box.pixels ? QVariant(box.pixels->y2) : none});
                !s)
                return s;
        }
        return {};
    });
    if (!status)
        return status;
    return id;
}

Result<QList<PredictionInfo>> ProjectStore::predictionsForCase(qint64 caseId) const
{
    QSqlQuery q(database());
    if (Status s = sql::run(q, m_fileName, QStringLiteral("listing predictions"),
                            QStringLiteral("SELECT id, run_id, case_id, query_id, raw_answer, "
                                           "latency_ms, created, image_ids FROM predictions "
                                           "WHERE case_id = ? ORDER BY id"),
                            {caseId});
        !s)
        return s;
    QList<PredictionInfo> predictions;
    QList<QList<qint64>> orders; // the case's image ids when each prediction was made
    while (q.next()) {
        orders << (q.value(7).isNull() ? QList<qint64>()
                                       : layout::idsFromJson(q.value(7).toString()));
        PredictionInfo p;
        p.id = q.value(0).toLongLong();
        p.runId = q.value(1).toLongLong();
        p.caseId = q.value(2).toLongLong();
        p.queryId = q.value(3).toLongLong();
        p.rawAnswer = q.value(4).toString();
        if (!q.value(5).isNull())
            p.latencyMs = q.value(5).toLongLong();
        p.created = sql::parseUtc(q.value(6).toString());
        predictions << p;
    }
    QList<qint64> current;
    if (!predictions.isEmpty()) {
        if (Status s = sql::run(q, m_fileName, QStringLiteral("reading case images"),
                                QStringLiteral("SELECT image_id FROM case_images WHERE case_id = ? "
                                               "ORDER BY position"),
                                {caseId});
            !s)
            return s;
        while (q.next())
            current << q.value(0).toLongLong();
    }
    // Predictions stored before orders were recorded (older files) were made against the order
    // the case had before its first change, which the layout log keeps.
    QList<qint64> original = current;
    if (std::any_of(orders.begin(), orders.end(), [](const auto &o) { return o.isEmpty(); })) {
        if (Status s = sql::run(q, m_fileName, QStringLiteral("reading the case image log"),
                                QStringLiteral("SELECT before_json FROM case_layout_log WHERE "
                                               "case_id = ? AND action <> 'create' ORDER BY id "
                                               "LIMIT 1"),
                                {caseId});
            !s)
            return s;
        if (q.next())
            original = layout::idsFromJson(q.value(0).toString());
    }
    for (int i = 0; i < predictions.size(); ++i) {
        PredictionInfo &p = predictions[i];
        // Image numbers are stored as they were; a box follows its image when the case's
        // images were reordered since (and names no image when its image was removed).
        const QList<qint64> &then = orders.at(i).isEmpty() ? original : orders.at(i);
        if (Status s = sql::run(q, m_fileName, QStringLiteral("reading prediction boxes"),
                                QStringLiteral("SELECT image, x1, y1, x2, y2, px1, py1, px2, py2 "
                                               "FROM prediction_boxes WHERE prediction_id = ? "
                                               "ORDER BY position"),
                                {p.id});
            !s)
            return s;
        while (q.next()) {
            PredictedBox box;
            box.image = layout::translate(q.value(0).toInt(), then, current);
            box.box = *readBox(q, 1);
            if (!q.value(5).isNull())
                box.pixels = PixelRect{q.value(5).toDouble(), q.value(6).toDouble(),
                                       q.value(7).toDouble(), q.value(8).toDouble()};
            p.boxes << box;
        }
    }
    return predictions;
}

} // namespace migician::annotate
