#include "annotate/study.h"

#include "annotate/store_sql.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>
#include <random>

namespace migician::annotate {

namespace {

// std::shuffle's result depends on the standard library; this Fisher-Yates with mt19937_64 is
// the same everywhere, so a seed reproduces a study on any machine.
template<typename T>
void seededShuffle(QList<T> &items, quint64 seed)
{
    std::mt19937_64 random(seed);
    for (qsizetype i = items.size() - 1; i > 0; --i) {
        const qsizetype j = qsizetype(random() % quint64(i + 1));
        std::swap(items[i], items[j]);
    }
}

quint64 annotatorSeed(quint64 seed, const QString &name)
{
    quint64 h = 1469598103934665603ULL; // FNV-1a over the UTF-8 name
    for (char c : name.toUtf8())
        h = (h ^ quint8(c)) * 1099511628211ULL;
    return seed ^ h;
}

} // namespace

Result<qint64> createStudy(ProjectStore &store, const StudySpec &spec)
{
    const QString file = store.fileName();
    if (spec.name.trimmed().isEmpty())
        return Result<qint64>::failure(QStringLiteral("%1: a study needs a name").arg(file));
    QJsonObject fractions;
    for (auto it = spec.fractionPerTask.begin(); it != spec.fractionPerTask.end(); ++it) {
        if (!(*it >= 0 && *it <= 1))
            return Result<qint64>::failure(
                    QStringLiteral("%1: study '%2': fraction %3 of task '%4' is not in 0..1")
                            .arg(file, spec.name)
                            .arg(*it)
                            .arg(it.key()));
        fractions.insert(it.key(), *it);
    }
    if (spec.condition == StudyCondition::Assisted && spec.runId <= 0)
        return Result<qint64>::failure(
                QStringLiteral("%1: study '%2': the assisted condition needs a run")
                        .arg(file, spec.name));
    qint64 id = 0;
    const Status status = store.transaction([&]() -> Status {
        QSqlQuery q(store.database());
        if (Status s
            = sql::run(q, file, QStringLiteral("adding a study"),
                       QStringLiteral("INSERT INTO studies(name, condition, seed, fractions_json, "
                                      "run_id, created) VALUES(?, ?, ?, ?, ?, ?)"),
                       {spec.name,
                        spec.condition == StudyCondition::Blind ? QStringLiteral("blind")
                                                                : QStringLiteral("assisted"),
                        qint64(spec.seed),
                        QString::fromUtf8(QJsonDocument(fractions).toJson(QJsonDocument::Compact)),
                        sql::idOrNull(spec.runId), sql::nowUtc()});
            !s)
            return s;
        id = q.lastInsertId().toLongLong();
        for (auto it = spec.fractionPerTask.begin(); it != spec.fractionPerTask.end(); ++it) {
            const Result<QList<CaseSummary>> cases = store.listCases(it.key());
            if (!cases)
                return cases.status();
            QList<qint64> ids;
            for (const CaseSummary &c : *cases)
                ids << c.id;
            // Each task gets its own stream, so adding a task does not change the others.
            seededShuffle(ids, annotatorSeed(spec.seed, it.key()));
            int take = int(std::lround(*it * double(ids.size())));
            if (*it > 0 && take == 0 && !ids.isEmpty())
                take = 1;
            for (int i = 0; i < take; ++i)
                if (Status s = sql::run(q, file, QStringLiteral("adding a study case"),
                                        QStringLiteral("INSERT INTO study_cases(study_id, case_id) "
                                                       "VALUES(?, ?)"),
                                        {id, ids.at(i)});
                    !s)
                    return s;
        }
        return {};
    });
    if (!status)
        return status;
    return id;
}

Result<QList<qint64>> studyCases(const ProjectStore &store, qint64 studyId)
{
    QSqlQuery q(store.database());
    if (Status s = sql::run(q, store.fileName(), QStringLiteral("listing study cases"),
                            QStringLiteral("SELECT case_id FROM study_cases WHERE study_id = ? "
                                           "ORDER BY case_id"),
                            {studyId});
        !s)
        return s;
    QList<qint64> ids;
    while (q.next())
        ids << q.value(0).toLongLong();
    return ids;
}

Result<int> assignAnnotator(ProjectStore &store, qint64 studyId, const QString &annotator)
{
    const QString file = store.fileName();
    int count = 0;
    const Status status = store.transaction([&]() -> Status {
        const Result<qint64> annotatorId = store.ensureAnnotator(annotator);
        if (!annotatorId)
            return annotatorId.status();
        QSqlQuery q(store.database());
        if (Status s = sql::run(q, file, QStringLiteral("reading a study"),
                                QStringLiteral("SELECT seed FROM studies WHERE id = ?"), {studyId});
            !s)
            return s;
        if (!q.next())
            return Status::failure(
                    QStringLiteral("%1: no study with id %2").arg(file).arg(studyId));
        const quint64 seed = quint64(q.value(0).toLongLong());
        if (Status s = sql::run(q, file, QStringLiteral("reading assignments"),
                                QStringLiteral("SELECT count(*) FROM study_assignments WHERE "
                                               "study_id = ? AND annotator_id = ?"),
                                {studyId, *annotatorId});
            !s)
            return s;
        if (q.next() && q.value(0).toInt() > 0) {
            count = q.value(0).toInt();
            return {};
        }
        Result<QList<qint64>> cases = studyCases(store, studyId);
        if (!cases)
            return cases.status();
        seededShuffle(*cases, annotatorSeed(seed, annotator));
        for (int i = 0; i < cases->size(); ++i)
            if (Status s = sql::run(q, file, QStringLiteral("assigning a case"),
                                    QStringLiteral("INSERT INTO study_assignments(study_id, "
                                                   "annotator_id, case_id, position) "
                                                   "VALUES(?, ?, ?, ?)"),
                                    {studyId, *annotatorId, cases->at(i), i});
                !s)
                return s;
        count = int(cases->size());
        return {};
    });
    if (!status)
        return status;
    return count;
}

Result<std::optional<StudyItem>> nextItem(const ProjectStore &store, qint64 studyId,
                                          const QString &annotator)
{
    using R = Result<std::optional<StudyItem>>;
    QSqlQuery q(store.database());
    if (Status s = sql::run(
                q, store.fileName(), QStringLiteral("finding the next study case"),
                QStringLiteral("SELECT a.id, a.case_id, a.position, a.active_ms, (SELECT count(*) "
                               "FROM study_assignments b WHERE b.study_id = a.study_id AND "
                               "b.annotator_id = a.annotator_id) FROM study_assignments a JOIN "
                               "annotators n ON n.id = a.annotator_id LEFT JOIN study_responses r "
                               "ON r.assignment_id = a.id WHERE a.study_id = ? AND n.name = ? AND "
                               "r.id IS NULL ORDER BY a.position LIMIT 1"),
                {studyId, annotator});
        !s)
        return s;
    if (!q.next())
        return R(std::optional<StudyItem>());
    StudyItem item;
    item.assignmentId = q.value(0).toLongLong();
    item.caseId = q.value(1).toLongLong();
    item.position = q.value(2).toInt();
    item.activeMsSoFar = q.value(3).toLongLong();
    item.total = q.value(4).toInt();
    return R(std::optional<StudyItem>(item));
}

Status saveProgress(ProjectStore &store, qint64 assignmentId, qint64 activeMs)
{
    return store.transaction([&]() -> Status {
        QSqlQuery q(store.database());
        return sql::run(q, store.fileName(), QStringLiteral("saving study progress"),
                        QStringLiteral("UPDATE study_assignments SET active_ms = ? WHERE id = ?"),
                        {activeMs, assignmentId});
    });
}

Status recordResponse(ProjectStore &store, qint64 assignmentId, int image,
                      const std::optional<NormBox> &box, qint64 activeMs)
{
    const QString file = store.fileName();
    if (activeMs < 0)
        return Status::failure(QStringLiteral("%1: negative active time").arg(file));
    return store.transaction([&]() -> Status {
        QSqlQuery q(store.database());
        if (Status s = sql::run(q, file, QStringLiteral("reading an assignment"),
                                QStringLiteral("SELECT a.case_id, n.name FROM study_assignments a "
                                               "JOIN annotators n ON n.id = a.annotator_id WHERE "
                                               "a.id = ?"),
                                {assignmentId});
            !s)
            return s;
        if (!q.next())
            return Status::failure(
                    QStringLiteral("%1: no study assignment %2").arg(file).arg(assignmentId));
        const qint64 caseId = q.value(0).toLongLong();
        const QString annotator = q.value(1).toString();
        // Braces: with parentheses clang reads this as a function declaration.
        QVariant annotationId{QMetaType(QMetaType::LongLong)};
        if (box) {
            NewAnnotation annotation;
            annotation.caseId = caseId;
            annotation.image = image;
            annotation.box = *box;
            const Result<qint64> created
                    = store.createAnnotation(annotation, EditContext{annotator, activeMs});
            if (!created)
                return created.status();
            annotationId = *created;
        }
        const QVariant none{QMetaType(QMetaType::Double)}; // braces, as above
        return sql::run(q, file, QStringLiteral("recording a study response"),
                        QStringLiteral("INSERT INTO study_responses(assignment_id, status, image, "
                                       "x1, y1, x2, y2, active_ms, annotation_id, finished) "
                                       "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                        {assignmentId, box ? QStringLiteral("answered") : QStringLiteral("skipped"),
                         box ? QVariant(image) : QVariant(QMetaType(QMetaType::Int)),
                         box ? QVariant(box->x1) : none, box ? QVariant(box->y1) : none,
                         box ? QVariant(box->x2) : none, box ? QVariant(box->y2) : none, activeMs,
                         annotationId, sql::nowUtc()});
    });
}

Result<QList<StudyResponse>> studyResponses(const ProjectStore &store, qint64 studyId)
{
    QSqlQuery q(store.database());
    if (Status s = sql::run(q, store.fileName(), QStringLiteral("reading study responses"),
                            QStringLiteral("SELECT a.case_id, n.name, r.status, r.image, r.x1, "
                                           "r.y1, r.x2, r.y2, r.active_ms FROM study_responses r "
                                           "JOIN study_assignments a ON a.id = r.assignment_id "
                                           "JOIN annotators n ON n.id = a.annotator_id WHERE "
                                           "a.study_id = ? ORDER BY n.name, a.position"),
                            {studyId});
        !s)
        return s;
    QList<StudyResponse> responses;
    while (q.next()) {
        StudyResponse r;
        r.caseId = q.value(0).toLongLong();
        r.annotator = q.value(1).toString();
        r.skipped = q.value(2).toString() == QLatin1String("skipped");
        r.image = q.value(3).toInt();
        r.box = NormBox{q.value(4).toDouble(), q.value(5).toDouble(), q.value(6).toDouble(),
                        q.value(7).toDouble()};
        r.activeMs = q.value(8).toLongLong();
        responses << r;
    }
    return responses;
}

} // namespace migician::annotate
