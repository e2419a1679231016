#include "annotate/evaluation_failures.h"

#include "annotate/store_sql.h"

namespace migician::annotate {

Status EvaluationFailures::record(qint64 runId, qint64 caseId, const QString &reason)
{
    QSqlQuery q(m_store.database());
    return sql::run(q, m_store.fileName(), QStringLiteral("recording a failed evaluation case"),
                    QStringLiteral("INSERT INTO evaluation_failures(run_id, case_id, reason, "
                                   "attempts, last_attempt) VALUES(?, ?, ?, 1, ?) "
                                   "ON CONFLICT(run_id, case_id) DO UPDATE SET "
                                   "reason = excluded.reason, attempts = attempts + 1, "
                                   "last_attempt = excluded.last_attempt"),
                    {runId, caseId, reason, sql::nowUtc()});
}

Status EvaluationFailures::clear(qint64 runId, qint64 caseId)
{
    QSqlQuery q(m_store.database());
    return sql::run(q, m_store.fileName(), QStringLiteral("clearing a failed evaluation case"),
                    QStringLiteral("DELETE FROM evaluation_failures WHERE run_id = ? AND "
                                   "case_id = ?"),
                    {runId, caseId});
}

Result<QMap<qint64, EvaluationFailure>> EvaluationFailures::forRun(qint64 runId) const
{
    QSqlQuery q(m_store.database());
    if (Status s
        = sql::run(q, m_store.fileName(), QStringLiteral("reading the failed cases of a run"),
                   QStringLiteral("SELECT case_id, reason, attempts, last_attempt FROM "
                                  "evaluation_failures WHERE run_id = ?"),
                   {runId});
        !s)
        return s;
    QMap<qint64, EvaluationFailure> failures;
    while (q.next())
        failures.insert(q.value(0).toLongLong(),
                        EvaluationFailure{q.value(1).toString(), q.value(2).toInt(),
                                          sql::parseUtc(q.value(3).toString())});
    return failures;
}

} // namespace migician::annotate
