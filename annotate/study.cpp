#include "annotate/study.h"

#include "annotate/store_sql.h"
#include "annotate/study_plan.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QUuid>

#include <algorithm>

namespace migician::annotate {

namespace {

QString newUid()
{
    return QUuid::createUuid().toString(QUuid::Id128);
}

// Writes one annotator's assignments in the order shuffled by (seed, name).
Status insertAssignments(ProjectStore &store, qint64 studyId, qint64 annotatorId,
                         const QString &annotator, QList<qint64> cases, quint64 seed)
{
    QSqlQuery q(store.database());
    seededShuffle(cases, streamSeed(seed, annotator));
    for (int i = 0; i < cases.size(); ++i)
        if (Status s = sql::run(q, store.fileName(), QStringLiteral("assigning a case"),
                                QStringLiteral("INSERT INTO study_assignments(study_id, "
                                               "annotator_id, case_id, position, uid) "
                                               "VALUES(?, ?, ?, ?, ?)"),
                                {studyId, annotatorId, cases.at(i), i, newUid()});
            !s)
            return s;
    return {};
}

} // namespace

Result<QList<StudyInfo>> listStudies(const ProjectStore &store)
{
    const QString file = store.fileName();
    QSqlQuery q(store.database());
    if (Status s = sql::run(q, file, QStringLiteral("listing studies"),
                            QStringLiteral("SELECT s.id, s.uid, s.name, s.condition, s.run_id, "
                                           "s.seed, s.per_task, s.overlap, s.created, (SELECT "
                                           "count(*) FROM study_cases c WHERE c.study_id = s.id) "
                                           "FROM studies s ORDER BY s.id"));
        !s)
        return s;
    QList<StudyInfo> studies;
    QMap<qint64, int> index;
    while (q.next()) {
        StudyInfo info;
        info.id = q.value(0).toLongLong();
        info.uid = q.value(1).toString();
        info.name = q.value(2).toString();
        info.condition = q.value(3).toString() == QLatin1String("assisted")
                                 ? StudyCondition::Assisted
                                 : StudyCondition::Blind;
        info.runId = q.value(4).toLongLong();
        info.seed = quint64(q.value(5).toLongLong());
        info.casesPerTask = q.value(6).toInt();
        info.overlap = q.value(7).toInt();
        info.created = sql::parseUtc(q.value(8).toString());
        info.cases = q.value(9).toInt();
        index.insert(info.id, int(studies.size()));
        studies << info;
    }
    if (Status s = sql::run(q, file, QStringLiteral("listing study annotators"),
                            QStringLiteral("SELECT a.study_id, n.name FROM study_annotators a "
                                           "JOIN annotators n ON n.id = a.annotator_id ORDER BY "
                                           "a.study_id, a.position"));
        !s)
        return s;
    while (q.next()) {
        const auto found = index.find(q.value(0).toLongLong());
        if (found != index.end())
            studies[*found].annotators << q.value(1).toString();
    }
    return studies;
}

Result<StudyInfo> studyById(const ProjectStore &store, qint64 studyId)
{
    return findStudy(store, QString::number(studyId));
}

Result<StudyInfo> findStudy(const ProjectStore &store, const QString &key)
{
    const auto studies = listStudies(store);
    if (!studies)
        return studies.status();
    bool isNumber = false;
    const qint64 id = key.toLongLong(&isNumber);
    // An id wins over a study that happens to be named like one.
    for (const StudyInfo &study : *studies)
        if (isNumber && study.id == id)
            return study;
    for (const StudyInfo &study : *studies)
        if (study.name == key)
            return study;
    QStringList known;
    for (const StudyInfo &study : *studies)
        known << QStringLiteral("%1 '%2'").arg(study.id).arg(study.name);
    return Result<StudyInfo>::failure(QStringLiteral("%1: no study '%2' (studies: %3)")
                                              .arg(store.fileName(), key,
                                                   known.isEmpty()
                                                           ? QStringLiteral("none")
                                                           : known.join(QStringLiteral(", "))));
}

Result<qint64> createStudy(ProjectStore &store, const StudySpec &spec)
{
    const QString file = store.fileName();
    const auto plan = planStudy(store, spec);
    if (!plan)
        return plan.status();
    if (!plan->ok())
        return Result<qint64>::failure(
                QStringLiteral("%1: study '%2' refused: %3")
                        .arg(file, spec.name.trimmed(), plan->errors.join(QLatin1Char(' '))));
    QJsonObject fractions;
    for (auto it = spec.fractionPerTask.begin(); it != spec.fractionPerTask.end(); ++it)
        fractions.insert(it.key(), *it);
    const bool planned = !plan->casesByAnnotator.isEmpty();
    qint64 id = 0;
    const Status status = store.transaction([&]() -> Status {
        QSqlQuery q(store.database());
        if (Status s
            = sql::run(q, file, QStringLiteral("adding a study"),
                       QStringLiteral("INSERT INTO studies(name, condition, seed, fractions_json, "
                                      "run_id, created, uid, per_task, overlap) "
                                      "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                       {spec.name.trimmed(),
                        spec.condition == StudyCondition::Blind ? QStringLiteral("blind")
                                                                : QStringLiteral("assisted"),
                        qint64(spec.seed),
                        QString::fromUtf8(QJsonDocument(fractions).toJson(QJsonDocument::Compact)),
                        sql::idOrNull(spec.condition == StudyCondition::Assisted ? spec.runId : 0),
                        sql::nowUtc(), newUid(),
                        spec.casesPerTask > 0 ? QVariant(spec.casesPerTask)
                                              : QVariant(QMetaType(QMetaType::Int)),
                        planned ? spec.overlap : 0});
            !s)
            return s;
        id = q.lastInsertId().toLongLong();
        for (const qint64 caseId : plan->cases())
            if (Status s = sql::run(q, file, QStringLiteral("adding a study case"),
                                    QStringLiteral("INSERT INTO study_cases(study_id, case_id) "
                                                   "VALUES(?, ?)"),
                                    {id, caseId});
                !s)
                return s;
        int position = 0;
        for (const QString &raw : spec.annotators) {
            const QString name = raw.trimmed();
            if (!plan->casesByAnnotator.contains(name))
                continue;
            const Result<qint64> annotatorId = store.ensureAnnotator(name);
            if (!annotatorId)
                return annotatorId.status();
            if (Status s = sql::run(q, file, QStringLiteral("adding a study annotator"),
                                    QStringLiteral("INSERT INTO study_annotators(study_id, "
                                                   "annotator_id, position) VALUES(?, ?, ?)"),
                                    {id, *annotatorId, position++});
                !s)
                return s;
            if (Status s = insertAssignments(store, id, *annotatorId, name,
                                             plan->casesByAnnotator.value(name), spec.seed);
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
    const auto study = studyById(store, studyId);
    if (!study)
        return study.status();
    if (!study->annotators.isEmpty() && !study->annotators.contains(annotator))
        return Result<int>::failure(
                QStringLiteral("%1: '%2' is not an annotator of study '%3' (its annotators: %4)")
                        .arg(file, annotator, study->name,
                             study->annotators.join(QStringLiteral(", "))));
    int count = 0;
    const Status status = store.transaction([&]() -> Status {
        const Result<qint64> annotatorId = store.ensureAnnotator(annotator);
        if (!annotatorId)
            return annotatorId.status();
        QSqlQuery q(store.database());
        if (Status s = sql::run(q, file, QStringLiteral("reading assignments"),
                                QStringLiteral("SELECT count(*) FROM study_assignments WHERE "
                                               "study_id = ? AND annotator_id = ?"),
                                {studyId, *annotatorId});
            !s)
            return s;
        count = q.next() ? q.value(0).toInt() : 0;
        if (count > 0 || !study->annotators.isEmpty())
            return {};
        Result<QList<qint64>> cases = studyCases(store, studyId);
        if (!cases)
            return cases.status();
        count = int(cases->size());
        return insertAssignments(store, studyId, *annotatorId, annotator, *cases, study->seed);
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
                      const std::optional<NormBox> &box, qint64 activeMs,
                      const QString &finishedUtc)
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
                         annotationId, finishedUtc.isEmpty() ? sql::nowUtc() : finishedUtc});
    });
}

Result<QList<StudyResponse>> studyResponses(const ProjectStore &store, qint64 studyId)
{
    QSqlQuery q(store.database());
    if (Status s = sql::run(q, store.fileName(), QStringLiteral("reading study responses"),
                            QStringLiteral("SELECT a.case_id, n.name, r.status, r.image, r.x1, "
                                           "r.y1, r.x2, r.y2, r.active_ms, r.finished FROM "
                                           "study_responses r JOIN study_assignments a ON a.id = "
                                           "r.assignment_id JOIN annotators n ON n.id = "
                                           "a.annotator_id WHERE a.study_id = ? ORDER BY n.name, "
                                           "a.position"),
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
        r.finished = sql::parseUtc(q.value(9).toString());
        responses << r;
    }
    return responses;
}

Result<QList<AnnotatorProgress>> studyProgress(const ProjectStore &store, qint64 studyId)
{
    QSqlQuery q(store.database());
    if (Status s = sql::run(q, store.fileName(), QStringLiteral("reading study progress"),
                            QStringLiteral("SELECT n.name, count(a.id), sum(r.status = "
                                           "'answered'), sum(r.status = 'skipped') FROM "
                                           "study_assignments a JOIN annotators n ON n.id = "
                                           "a.annotator_id LEFT JOIN study_responses r ON "
                                           "r.assignment_id = a.id WHERE a.study_id = ? GROUP BY "
                                           "n.name ORDER BY n.name"),
                            {studyId});
        !s)
        return s;
    QList<AnnotatorProgress> progress;
    while (q.next())
        progress << AnnotatorProgress{q.value(0).toString(), q.value(1).toInt(), q.value(2).toInt(),
                                      q.value(3).toInt()};
    return progress;
}

} // namespace migician::annotate
