#include "annotate/run_history.h"

#include "annotate/case_layout.h"
#include "annotate/store_sql.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QUrl>

namespace migician::annotate {

namespace {

std::optional<RunStatus> statusFromString(const QString &text)
{
    for (RunStatus status : {RunStatus::Answered, RunStatus::Cancelled, RunStatus::Failed})
        if (toString(status) == text)
            return status;
    return std::nullopt;
}

QString referencesJson(const QList<RunReference> &references)
{
    QJsonArray array;
    for (const RunReference &r : references)
        array << QJsonObject{
                {QStringLiteral("image_id"), r.imageId},
                {QStringLiteral("box"), QJsonArray{r.box.x1, r.box.y1, r.box.x2, r.box.y2}}};
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<RunReference> referencesFromJson(const QString &json, const QList<qint64> &current)
{
    QList<RunReference> references;
    for (const QJsonValue &value : QJsonDocument::fromJson(json.toUtf8()).array()) {
        const QJsonObject object = value.toObject();
        const QJsonArray box = object.value(QLatin1String("box")).toArray();
        RunReference r;
        r.imageId = qint64(object.value(QLatin1String("image_id")).toDouble());
        r.image = int(current.indexOf(r.imageId)) + 1;
        r.box = NormBox{box.at(0).toDouble(), box.at(1).toDouble(), box.at(2).toDouble(),
                        box.at(3).toDouble()};
        references << r;
    }
    return references;
}

QString timingsJson(const RunTimings &t)
{
    QJsonObject object{{QStringLiteral("total_ms"), t.totalMs}};
    if (t.firstTokenMs)
        object.insert(QStringLiteral("first_token_ms"), *t.firstTokenMs);
    if (t.engineMs)
        object.insert(QStringLiteral("engine_ms"), *t.engineMs);
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

RunTimings timingsFromJson(const QString &json)
{
    const QJsonObject object = QJsonDocument::fromJson(json.toUtf8()).object();
    RunTimings t;
    t.totalMs = qint64(object.value(QLatin1String("total_ms")).toDouble());
    if (object.contains(QLatin1String("first_token_ms")))
        t.firstTokenMs = qint64(object.value(QLatin1String("first_token_ms")).toDouble());
    if (object.contains(QLatin1String("engine_ms")))
        t.engineMs = qint64(object.value(QLatin1String("engine_ms")).toDouble());
    return t;
}

} // namespace

QString toString(RunStatus status)
{
    switch (status) {
    case RunStatus::Answered:
        return QStringLiteral("answered");
    case RunStatus::Cancelled:
        return QStringLiteral("cancelled");
    case RunStatus::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

QString RunHistory::safeEndpoint(const QString &endpoint)
{
    const QUrl url(endpoint);
    if (url.isValid() && !url.scheme().isEmpty() && url.scheme() != QLatin1String("file")
        && !url.host().isEmpty())
        return url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment)
                .toString();
    return endpoint;
}

Result<CaseRunInfo> RunHistory::record(const NewCaseRun &run)
{
    const QString file = m_store.fileName();
    if (run.author.trimmed().isEmpty())
        return Result<CaseRunInfo>::failure(
                QStringLiteral("%1: a run on case %2 needs an author").arg(file).arg(run.caseId));
    const Result<CaseInfo> c = m_store.caseById(run.caseId);
    if (!c)
        return c.status();
    const QList<qint64> order = c->imageIds();
    for (const RunReference &r : run.references)
        if (!order.contains(r.imageId))
            return Result<CaseRunInfo>::failure(
                    QStringLiteral("%1: case %2: a visual reference is cut from image %3, which "
                                   "is not in the case")
                            .arg(file)
                            .arg(run.caseId)
                            .arg(r.imageId));
    const QDateTime finished = QDateTime::currentDateTimeUtc();
    const QDateTime started
            = run.started.isValid() ? run.started.toUTC() : finished.addMSecs(-run.timings.totalMs);
    CaseRunInfo info;
    const Status status = m_store.transaction([&]() -> Status {
        NewRun newRun;
        newRun.backend = run.backend.name;
        newRun.modelFolder = safeEndpoint(run.backend.endpoint);
        newRun.configChecksum = run.backend.configChecksum;
        newRun.parametersJson = run.backend.samplingJson.isEmpty() ? QStringLiteral("{}")
                                                                   : run.backend.samplingJson;
        const Result<qint64> runId = m_store.createRun(newRun);
        if (!runId)
            return runId.status();
        if (Status s = m_store.finishRun(*runId, run.timings.totalMs); !s)
            return s;
        info.runId = *runId;
        if (run.status == RunStatus::Answered) {
            NewPrediction prediction;
            prediction.runId = *runId;
            prediction.caseId = run.caseId;
            prediction.rawAnswer = run.answer.isNull() ? QStringLiteral("") : run.answer;
            prediction.boxes = run.boxes;
            prediction.latencyMs = run.timings.engineMs ? run.timings.engineMs
                                                        : std::optional(run.timings.totalMs);
            const Result<qint64> predictionId = m_store.recordPrediction(prediction);
            if (!predictionId)
                return predictionId.status();
            info.predictionId = *predictionId;
        }
        const Result<qint64> author = m_store.ensureAnnotator(run.author);
        if (!author)
            return author.status();
        QSqlQuery q(m_store.database());
        if (Status s = sql::run(
                    q, file, QStringLiteral("recording a run in the case history"),
                    QStringLiteral("INSERT INTO case_runs(case_id, run_id, prediction_id, query, "
                                   "references_json, image_ids, status, answer, error, "
                                   "timings_json, annotator_id, started, finished) "
                                   "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                    {run.caseId, *runId, sql::idOrNull(info.predictionId), run.query,
                     referencesJson(run.references), layout::idsJson(order), toString(run.status),
                     run.answer, run.error, timingsJson(run.timings), *author,
                     started.toString(Qt::ISODateWithMs), finished.toString(Qt::ISODateWithMs)});
            !s)
            return s;
        info.id = q.lastInsertId().toLongLong();
        return {};
    });
    if (!status)
        return status;
    const Result<QList<CaseRunInfo>> stored
            = select(QStringLiteral("cr.id = ?"), QVariant(info.id));
    if (!stored)
        return stored.status();
    return stored->value(0);
}

Result<QList<CaseRunInfo>> RunHistory::forCase(qint64 caseId) const
{
    return select(QStringLiteral("cr.case_id = ?"), QVariant(caseId));
}

Result<std::optional<CaseRunInfo>> RunHistory::byPrediction(qint64 predictionId) const
{
    using R = Result<std::optional<CaseRunInfo>>;
    if (predictionId <= 0)
        return R(std::optional<CaseRunInfo>());
    const Result<QList<CaseRunInfo>> runs
            = select(QStringLiteral("cr.prediction_id = ?"), QVariant(predictionId));
    if (!runs)
        return runs.status();
    return R(runs->isEmpty() ? std::optional<CaseRunInfo>() : std::optional(runs->first()));
}

Result<QList<CaseRunInfo>> RunHistory::select(const QString &where, const QVariant &value) const
{
    const QString file = m_store.fileName();
    QSqlQuery q(m_store.database());
    if (Status s = sql::runList(
                q, file, QStringLiteral("reading the case history"),
                QStringLiteral("SELECT cr.id, cr.case_id, cr.run_id, cr.prediction_id, cr.query, "
                               "cr.references_json, cr.status, cr.answer, cr.error, "
                               "cr.timings_json, n.name, cr.started, cr.finished, r.backend, "
                               "r.model_folder, r.config_checksum, r.parameters_json FROM "
                               "case_runs cr JOIN runs r ON r.id = cr.run_id JOIN annotators n "
                               "ON n.id = cr.annotator_id WHERE %1 ORDER BY cr.id DESC")
                        .arg(where),
                {value});
        !s)
        return s;
    QList<CaseRunInfo> runs;
    QList<QString> references;
    while (q.next()) {
        CaseRunInfo r;
        r.id = q.value(0).toLongLong();
        r.caseId = q.value(1).toLongLong();
        r.runId = q.value(2).toLongLong();
        r.predictionId = q.value(3).toLongLong();
        r.query = q.value(4).toString();
        references << q.value(5).toString();
        r.status = statusFromString(q.value(6).toString()).value_or(RunStatus::Failed);
        r.answer = q.value(7).toString();
        r.error = q.value(8).toString();
        r.timings = timingsFromJson(q.value(9).toString());
        r.author = q.value(10).toString();
        r.started = sql::parseUtc(q.value(11).toString());
        r.finished = sql::parseUtc(q.value(12).toString());
        r.backend = RunBackend{q.value(13).toString(), q.value(14).toString(),
                               q.value(15).toString(), q.value(16).toString()};
        runs << r;
    }
    // Boxes and references in the case's current image order (predictionsForCase translates).
    QHash<qint64, QList<qint64>> orders;
    QHash<qint64, QHash<qint64, QList<PredictedBox>>> boxes;
    for (int i = 0; i < runs.size(); ++i) {
        CaseRunInfo &r = runs[i];
        if (!orders.contains(r.caseId)) {
            const Result<CaseInfo> c = m_store.caseById(r.caseId);
            if (!c)
                return c.status();
            orders.insert(r.caseId, c->imageIds());
            const Result<QList<PredictionInfo>> predictions = m_store.predictionsForCase(r.caseId);
            if (!predictions)
                return predictions.status();
            for (const PredictionInfo &p : *predictions)
                boxes[r.caseId].insert(p.id, p.boxes);
        }
        r.references = referencesFromJson(references.at(i), orders.value(r.caseId));
        r.boxes = boxes.value(r.caseId).value(r.predictionId);
    }
    return runs;
}

} // namespace migician::annotate
