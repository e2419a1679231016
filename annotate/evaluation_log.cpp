#include "annotate/evaluation_log.h"

#include "annotate/migbench_import.h"
#include "annotate/migbench_scorer.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace migician::annotate {

namespace {

QJsonArray boxArray(const NormBox &box)
{
    return QJsonArray{box.x1, box.y1, box.x2, box.y2};
}

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

class SidecarLog final : public EvaluationLog
{
public:
    explicit SidecarLog(QString path)
        : m_file(std::move(path))
    {}

    Status open(const EvalIdentity &identity)
    {
        const QString header
                = compact(QJsonObject{{QStringLiteral("evaluation"), identity.toJson()}});
        if (m_file.exists()) {
            if (!m_file.open(QIODevice::ReadWrite))
                return Status::failure(QStringLiteral("%1: cannot open the progress file: %2")
                                               .arg(m_file.fileName(), m_file.errorString()));
            const QList<QByteArray> lines = m_file.readAll().split('\n');
            if (lines.isEmpty() || QString::fromUtf8(lines.first()) != header)
                return Status::failure(
                        QStringLiteral("%1: progress file of another evaluation (different bench, "
                                       "backend, model or case selection); remove it or choose "
                                       "another --out")
                                .arg(m_file.fileName()));
            qint64 goodBytes = lines.first().size() + 1;
            for (int i = 1; i < lines.size(); ++i) {
                const QJsonObject object = QJsonDocument::fromJson(lines[i]).object();
                // Only the last line can be torn (a kill while writing); it is rewritten.
                if (object.isEmpty() || i == lines.size() - 1)
                    break;
                const auto record = evalRecordFromJson(
                        object, QStringLiteral("%1: line %2").arg(m_file.fileName()).arg(i + 1));
                if (!record)
                    return record.status();
                m_finished.insert(record->index, *record);
                goodBytes += lines[i].size() + 1;
            }
            if (!m_file.resize(goodBytes) || !m_file.seek(goodBytes))
                return Status::failure(QStringLiteral("%1: cannot truncate a torn line: %2")
                                               .arg(m_file.fileName(), m_file.errorString()));
            return {};
        }
        if (!m_file.open(QIODevice::WriteOnly))
            return Status::failure(QStringLiteral("%1: cannot create the progress file: %2")
                                           .arg(m_file.fileName(), m_file.errorString()));
        return writeLine(header);
    }

    Status append(const EvalRecord &record) override
    {
        const Status written = writeLine(compact(toJson(record)));
        if (written)
            m_finished.insert(record.index, record);
        return written;
    }

    Status complete(qint64) override
    {
        m_file.close();
        if (!m_file.remove())
            return Status::failure(
                    QStringLiteral("%1: cannot remove the finished progress file: %2")
                            .arg(m_file.fileName(), m_file.errorString()));
        return {};
    }

    QString location() const override { return m_file.fileName(); }

private:
    // One line per case, flushed to the kernel at once: a killed process loses at most the case
    // it was working on.
    Status writeLine(const QString &line)
    {
        const QByteArray bytes = line.toUtf8() + '\n';
        if (m_file.write(bytes) != bytes.size() || !m_file.flush())
            return Status::failure(QStringLiteral("%1: cannot write progress: %2")
                                           .arg(m_file.fileName(), m_file.errorString()));
        return {};
    }

    QFile m_file;
};

class ProjectLog final : public EvaluationLog
{
public:
    ProjectLog(ProjectStore &store, QString source)
        : m_store(store)
        , m_source(std::move(source))
    {}

    Status open(const EvalIdentity &identity)
    {
        const QString parameters
                = compact(QJsonObject{{QStringLiteral("evaluation"), identity.toJson()}});
        QSqlQuery find(m_store.database());
        find.prepare(QStringLiteral("SELECT id FROM runs WHERE parameters_json = ? ORDER BY id"));
        find.addBindValue(parameters);
        if (!find.exec())
            return sqlFailure(find);
        if (find.next()) {
            m_runId = find.value(0).toLongLong();
        } else {
            NewRun run;
            run.backend = identity.backend;
            run.modelFolder = identity.model;
            run.parametersJson = parameters;
            const Result<qint64> created = m_store.createRun(run);
            if (!created)
                return created.status();
            m_runId = *created;
        }
        for (const int index : identity.indices) {
            const Result<qint64> caseId = m_store.caseIdBySource(m_source, index);
            if (!caseId)
                return caseId.status();
            if (*caseId == 0)
                return Status::failure(QStringLiteral("%1: case %2 of %3 is not in the project")
                                               .arg(m_store.fileName())
                                               .arg(index)
                                               .arg(m_source));
            m_caseIds.insert(index, *caseId);
            const auto predictions = m_store.predictionsForCase(*caseId);
            if (!predictions)
                return predictions.status();
            for (const PredictionInfo &p : *predictions) {
                if (p.runId != m_runId)
                    continue;
                EvalRecord record;
                record.index = index;
                record.answer = p.rawAnswer;
                record.boxes = p.boxes;
                record.seconds = p.latencyMs.value_or(0) / 1000.0;
                record.finished = p.created;
                m_finished.insert(index, record);
            }
        }
        return {};
    }

    Status append(const EvalRecord &record) override
    {
        NewPrediction prediction;
        prediction.runId = m_runId;
        prediction.caseId = m_caseIds.value(record.index);
        prediction.rawAnswer = record.answer;
        prediction.boxes = record.boxes;
        prediction.latencyMs = qint64(record.seconds * 1000.0 + 0.5);
        const Result<qint64> recorded = m_store.recordPrediction(prediction);
        if (!recorded)
            return recorded.status();
        m_finished.insert(record.index, record);
        return {};
    }

    Status complete(qint64 durationMs) override { return m_store.finishRun(m_runId, durationMs); }

    QString location() const override
    {
        return QStringLiteral("%1 (run %2)").arg(m_store.fileName()).arg(m_runId);
    }

private:
    Status sqlFailure(const QSqlQuery &query) const
    {
        return Status::failure(QStringLiteral("%1: cannot look up evaluation runs: %2")
                                       .arg(m_store.fileName(), query.lastError().text()));
    }

    ProjectStore &m_store;
    QString m_source;
    qint64 m_runId = 0;
    QMap<int, qint64> m_caseIds;
};

} // namespace

QJsonObject toJson(const EvalRecord &record)
{
    QJsonArray boxes;
    for (const PredictedBox &box : record.boxes)
        boxes.append(QJsonObject{{QStringLiteral("image"), box.image},
                                 {QStringLiteral("box"), boxArray(box.box)}});
    return QJsonObject{
            {QStringLiteral("index"), record.index},
            {QStringLiteral("answer"), record.answer},
            {QStringLiteral("boxes"), boxes},
            {QStringLiteral("image"),
             record.image() > 0 ? QJsonValue(record.image()) : QJsonValue()},
            {QStringLiteral("seconds"), record.seconds},
            {QStringLiteral("finished"), record.finished.toString(Qt::ISODateWithMs)},
    };
}

Result<EvalRecord> evalRecordFromJson(const QJsonObject &object, const QString &name)
{
    EvalRecord record;
    const QJsonValue index = object.value(QLatin1String("index"));
    if (!index.isDouble() || index.toInt(-1) < 0)
        return Result<EvalRecord>::failure(name + QStringLiteral(": 'index' must be a case index"));
    record.index = index.toInt();
    if (!object.value(QLatin1String("answer")).isString())
        return Result<EvalRecord>::failure(name + QStringLiteral(": 'answer' must be a string"));
    record.answer = object.value(QLatin1String("answer")).toString();
    for (const QJsonValue &value : object.value(QLatin1String("boxes")).toArray()) {
        const QJsonArray box = value.toObject().value(QLatin1String("box")).toArray();
        if (box.size() != 4)
            return Result<EvalRecord>::failure(name + QStringLiteral(": a box needs 4 numbers"));
        PredictedBox predicted;
        predicted.image = value.toObject().value(QLatin1String("image")).toInt();
        predicted.box = NormBox{box[0].toDouble(), box[1].toDouble(), box[2].toDouble(),
                                box[3].toDouble()};
        record.boxes << predicted;
    }
    record.seconds = object.value(QLatin1String("seconds")).toDouble();
    record.finished = QDateTime::fromString(object.value(QLatin1String("finished")).toString(),
                                            Qt::ISODateWithMs);
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
                       {QStringLiteral("cases"), selected}};
}

Result<std::unique_ptr<EvaluationLog>> openSidecarLog(const QString &path,
                                                      const EvalIdentity &identity)
{
    auto log = std::make_unique<SidecarLog>(path);
    if (const Status opened = log->open(identity); !opened)
        return opened;
    return std::unique_ptr<EvaluationLog>(std::move(log));
}

Result<std::unique_ptr<EvaluationLog>>
openProjectLog(ProjectStore &store, const QString &imagesRoot, const EvalIdentity &identity)
{
    const auto imported = importMigBench(store, identity.benchFile, imagesRoot);
    if (!imported)
        return imported.status();
    auto log = std::make_unique<ProjectLog>(store, QFileInfo(identity.benchFile).fileName());
    if (const Status opened = log->open(identity); !opened)
        return opened;
    return std::unique_ptr<EvaluationLog>(std::move(log));
}

QList<BenchPrediction> toBenchPredictions(const QList<EvalRecord> &records)
{
    QList<BenchPrediction> predictions;
    for (const EvalRecord &record : records) {
        BenchPrediction p;
        p.index = record.index;
        p.answer = record.answer;
        p.image = record.image();
        predictions << p;
    }
    return predictions;
}

Result<QJsonObject> evaluationResults(const QList<BenchCase> &cases,
                                      const QList<EvalRecord> &records, const QString &backend,
                                      bool migicianRescale)
{
    QList<EvalRecord> ordered = records;
    std::sort(ordered.begin(), ordered.end(),
              [](const EvalRecord &a, const EvalRecord &b) { return a.index < b.index; });
    const auto report = scoreMigBench(cases, toBenchPredictions(ordered), migicianRescale);
    if (!report)
        return report.status();
    QJsonArray predictions;
    for (const EvalRecord &record : ordered) {
        QJsonObject object = toJson(record);
        object.remove(QStringLiteral("finished"));
        predictions.append(object);
    }
    return QJsonObject{{QStringLiteral("backend"), backend},
                       {QStringLiteral("migician_rescale"), migicianRescale},
                       {QStringLiteral("predictions"), predictions},
                       {QStringLiteral("scores"), toJson(*report)}};
}

} // namespace migician::annotate
