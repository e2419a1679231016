#include "annotate/evaluation_log.h"

#include "annotate/evaluation_failures.h"
#include "annotate/migbench_import.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

Q_LOGGING_CATEGORY(lcEvaluationLog, "migician.annotate.evaluation")

namespace migician::annotate {

namespace {

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
                        QStringLiteral(
                                "%1: progress file of another evaluation (different bench, "
                                "backend, model, case selection or protocol); remove it or choose "
                                "another --out")
                                .arg(m_file.fileName()));
            // The last element is what follows the final newline: empty, or a line torn by a
            // kill while it was written, which is cut off and rewritten by the next append. A
            // damaged line before it is skipped with a warning; the records after it count.
            if (lines.size() < 2) { // the header without its newline: write it again
                if (!m_file.resize(0) || !m_file.seek(0))
                    return Status::failure(QStringLiteral("%1: cannot rewrite: %2")
                                                   .arg(m_file.fileName(), m_file.errorString()));
                return writeLine(header);
            }
            qint64 goodBytes = 0;
            for (int i = 0; i + 1 < lines.size(); ++i)
                goodBytes += lines[i].size() + 1;
            for (int i = 1; i + 1 < lines.size(); ++i) {
                const QString where
                        = QStringLiteral("%1: line %2").arg(m_file.fileName()).arg(i + 1);
                QJsonParseError parseError;
                const QJsonDocument document = QJsonDocument::fromJson(lines[i], &parseError);
                if (!document.isObject()) {
                    skip(where, parseError.errorString());
                    continue;
                }
                const auto record = evalRecordFromJson(document.object(), where);
                if (!record) {
                    skip(where, record.error());
                    continue;
                }
                remember(*record);
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
        EvalRecord stored = record;
        if (stored.failed())
            stored.attempts = failedAttempts(record.index) + 1;
        const Status written = writeLine(compact(toJson(stored)));
        if (written)
            remember(stored);
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
    void skip(const QString &where, const QString &why)
    {
        const QString warning
                = QStringLiteral("%1: %2; skipped (that case runs again)").arg(where, why);
        qCWarning(lcEvaluationLog).noquote() << warning;
        m_warnings << warning;
    }

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
        }
        const auto failures = EvaluationFailures(m_store).forRun(m_runId);
        if (!failures)
            return failures.status();
        for (auto it = m_caseIds.begin(); it != m_caseIds.end(); ++it) {
            if (const auto failure = failures->find(it.value()); failure != failures->end()) {
                EvalRecord record;
                record.index = it.key();
                record.failure = failure->reason;
                record.attempts = failure->attempts;
                record.finished = failure->lastAttempt;
                remember(record);
            }
            const auto predictions = m_store.predictionsForCase(it.value());
            if (!predictions)
                return predictions.status();
            for (const PredictionInfo &p : *predictions) {
                if (p.runId != m_runId)
                    continue;
                EvalRecord record;
                record.index = it.key();
                record.answer = p.rawAnswer;
                record.boxes = p.boxes;
                record.seconds = p.latencyMs.value_or(0) / 1000.0;
                record.finished = p.created;
                remember(record);
            }
        }
        return {};
    }

    Status append(const EvalRecord &record) override
    {
        const qint64 caseId = m_caseIds.value(record.index);
        EvaluationFailures failures(m_store);
        EvalRecord stored = record;
        const Status written = m_store.transaction([&]() -> Status {
            if (record.failed()) {
                stored.attempts = failedAttempts(record.index) + 1;
                return failures.record(m_runId, caseId, record.failure);
            }
            NewPrediction prediction;
            prediction.runId = m_runId;
            prediction.caseId = caseId;
            prediction.rawAnswer = record.answer;
            prediction.boxes = record.boxes;
            prediction.latencyMs = qint64(record.seconds * 1000.0 + 0.5);
            if (const Result<qint64> recorded = m_store.recordPrediction(prediction); !recorded)
                return recorded.status();
            return failures.clear(m_runId, caseId);
        });
        if (written)
            remember(stored);
        return written;
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

int EvaluationLog::failedAttempts(int index) const
{
    const auto failure = m_failures.find(index);
    return failure == m_failures.end() ? 0 : failure->attempts;
}

void EvaluationLog::remember(const EvalRecord &record)
{
    if (record.failed()) {
        if (!m_finished.contains(record.index))
            m_failures.insert(record.index, record);
        return;
    }
    m_failures.remove(record.index);
    m_finished.insert(record.index, record);
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

} // namespace migician::annotate
