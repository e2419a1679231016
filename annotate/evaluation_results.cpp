// The JSON of evaluation records (progress lines and results.json) and the results file itself;
// see evaluation_log.h.
#include "annotate/evaluation_log.h"

#include "annotate/migbench_scorer.h"

#include <QJsonArray>

#include <algorithm>

namespace migician::annotate {

namespace {

QJsonArray boxArray(const NormBox &box)
{
    return QJsonArray{box.x1, box.y1, box.x2, box.y2};
}

} // namespace

QJsonObject toJson(const EvalRecord &record)
{
    QJsonObject object{{QStringLiteral("index"), record.index},
                       {QStringLiteral("seconds"), record.seconds},
                       {QStringLiteral("finished"), record.finished.toString(Qt::ISODateWithMs)}};
    if (!record.prompt.isEmpty())
        object.insert(QStringLiteral("prompt"), record.prompt);
    if (record.failed()) {
        object.insert(QStringLiteral("failed"), record.failure);
        object.insert(QStringLiteral("attempts"), record.attempts);
        return object;
    }
    QJsonArray boxes;
    for (const PredictedBox &box : record.boxes)
        boxes.append(QJsonObject{{QStringLiteral("image"), box.image},
                                 {QStringLiteral("box"), boxArray(box.box)}});
    object.insert(QStringLiteral("answer"), record.answer);
    object.insert(QStringLiteral("boxes"), boxes);
    object.insert(QStringLiteral("image"),
                  record.image() > 0 ? QJsonValue(record.image()) : QJsonValue());
    if (!record.tokenIds.isEmpty()) {
        QJsonArray ids;
        for (const qint64 id : record.tokenIds)
            ids.append(id);
        object.insert(QStringLiteral("token_ids"), ids);
    }
    return object;
}

Result<EvalRecord> evalRecordFromJson(const QJsonObject &object, const QString &name)
{
    const auto fail = [&name](const char *why) {
        return Result<EvalRecord>::failure(name + QStringLiteral(": ") + QLatin1String(why));
    };
    EvalRecord record;
    const QJsonValue index = object.value(QLatin1String("index"));
    if (!index.isDouble() || index.toInt(-1) < 0)
        return fail("'index' must be a case index");
    record.index = index.toInt();
    record.prompt = object.value(QLatin1String("prompt")).toString();
    record.seconds = object.value(QLatin1String("seconds")).toDouble();
    record.finished = QDateTime::fromString(object.value(QLatin1String("finished")).toString(),
                                            Qt::ISODateWithMs);
    if (const QJsonValue failed = object.value(QLatin1String("failed")); !failed.isUndefined()) {
        if (!failed.isString() || failed.toString().isEmpty())
            return fail("'failed' must be the reason, a non-empty string");
        record.failure = failed.toString();
        record.attempts = std::max(1, object.value(QLatin1String("attempts")).toInt(1));
        return record;
    }
    if (!object.value(QLatin1String("answer")).isString())
        return fail("'answer' must be a string");
    record.answer = object.value(QLatin1String("answer")).toString();
    for (const QJsonValue &value : object.value(QLatin1String("boxes")).toArray()) {
        const QJsonArray box = value.toObject().value(QLatin1String("box")).toArray();
        if (box.size() != 4)
            return fail("a box needs 4 numbers");
        PredictedBox predicted;
        predicted.image = value.toObject().value(QLatin1String("image")).toInt();
        predicted.box = NormBox{box[0].toDouble(), box[1].toDouble(), box[2].toDouble(),
                                box[3].toDouble()};
        record.boxes << predicted;
    }
    for (const QJsonValue &id : object.value(QLatin1String("token_ids")).toArray())
        record.tokenIds << id.toInteger();
    return record;
}

QJsonObject EvalIdentity::toJson() const
{
    QJsonArray selected;
    for (const int index : indices)
        selected.append(index);
    return QJsonObject{{QStringLiteral("bench"), benchFile},
                       {QStringLiteral("backend"), backend},
                       {QStringLiteral("model"), model},
                       {QStringLiteral("cases"), selected},
                       {QStringLiteral("protocol"), protocol}};
}

QList<BenchPrediction> toBenchPredictions(const QList<EvalRecord> &records)
{
    QList<BenchPrediction> predictions;
    for (const EvalRecord &record : records) {
        BenchPrediction p;
        p.index = record.index;
        if (record.failed()) {
            p.failure = record.failure;
        } else {
            p.answer = record.answer;
            p.image = record.image();
        }
        predictions << p;
    }
    return predictions;
}

Result<QJsonObject> evaluationResults(const QList<BenchCase> &cases,
                                      const QList<EvalRecord> &records,
                                      const EvaluationProtocol &protocol)
{
    QList<EvalRecord> ordered = records;
    std::sort(ordered.begin(), ordered.end(),
              [](const EvalRecord &a, const EvalRecord &b) { return a.index < b.index; });
    const auto report = scoreMigBench(cases, toBenchPredictions(ordered), protocol.migicianRescale);
    if (!report)
        return report.status();
    QJsonArray predictions;
    QJsonArray failed;
    for (const EvalRecord &record : ordered) {
        QJsonObject object = toJson(record);
        object.remove(QStringLiteral("finished"));
        // Every prompt is recorded, also for records read back from a project (which keeps the
        // answer, not the prompt): the protocol makes it from the case.
        if (!object.contains(QLatin1String("prompt")) && record.index >= 0
            && record.index < cases.size())
            object.insert(QStringLiteral("prompt"), protocol.question(cases.at(record.index)));
        if (!record.failed()) {
            predictions.append(object);
            continue;
        }
        failed.append(QJsonObject{
                {QStringLiteral("index"), record.index},
                {QStringLiteral("task"), record.index >= 0 && record.index < cases.size()
                                                 ? cases.at(record.index).task
                                                 : QString()},
                {QStringLiteral("reason"), record.failure},
                {QStringLiteral("attempts"), record.attempts}});
    }
    return QJsonObject{{QStringLiteral("protocol"), protocol.toJson()},
                       {QStringLiteral("backend"), protocol.backend.value(QLatin1String("name"))},
                       {QStringLiteral("migician_rescale"), protocol.migicianRescale},
                       {QStringLiteral("predictions"), predictions},
                       {QStringLiteral("failed"), failed},
                       {QStringLiteral("scores"), toJson(*report)}};
}

} // namespace migician::annotate
