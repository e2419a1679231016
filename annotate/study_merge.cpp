// mergeStudyFile() of annotate/study_exchange.h.
#include "annotate/study_exchange.h"

#include "annotate/store_sql.h"

#include <QFileInfo>
#include <QSqlQuery>

namespace migician::annotate {

namespace {

// One assignment of the incoming file, with its response if it has one.
struct Incoming
{
    QString uid;
    QString annotator;
    QString task;
    QString question;
    qint64 activeMs = 0;
    bool answered = false;
    bool responded = false;
    int image = 0;
    NormBox box;
    qint64 responseMs = 0;
    QString finished; // ISO 8601 UTC, copied verbatim so a second merge compares equal
};

// The same assignment in the project.
struct Local
{
    qint64 id = 0;
    qint64 studyId = 0;
    QString annotator;
    qint64 caseId = 0;
    QString task;
    QString question;
    qint64 activeMs = 0;
    qint64 responseId = 0; // 0 = no response
    QString finished;
    qint64 annotationId = 0;
};

Result<QList<Incoming>> incomingAssignments(const ProjectStore &file, qint64 studyId)
{
    QSqlQuery q(file.database());
    if (Status s = sql::run(q, file.fileName(), QStringLiteral("reading the responses"),
                            QStringLiteral("SELECT a.uid, n.name, c.task, c.question, "
                                           "a.active_ms, r.status, r.image, r.x1, r.y1, r.x2, "
                                           "r.y2, r.active_ms, r.finished FROM study_assignments "
                                           "a JOIN annotators n ON n.id = a.annotator_id JOIN "
                                           "cases c ON c.id = a.case_id LEFT JOIN "
                                           "study_responses r ON r.assignment_id = a.id WHERE "
                                           "a.study_id = ? ORDER BY a.id"),
                            {studyId});
        !s)
        return s;
    QList<Incoming> rows;
    while (q.next()) {
        Incoming in;
        in.uid = q.value(0).toString();
        in.annotator = q.value(1).toString();
        in.task = q.value(2).toString();
        in.question = q.value(3).toString();
        in.activeMs = q.value(4).toLongLong();
        in.responded = !q.value(5).isNull();
        in.answered = q.value(5).toString() == QLatin1String("answered");
        in.image = q.value(6).toInt();
        in.box = NormBox{q.value(7).toDouble(), q.value(8).toDouble(), q.value(9).toDouble(),
                         q.value(10).toDouble()};
        in.responseMs = q.value(11).toLongLong();
        in.finished = q.value(12).toString();
        rows << in;
    }
    return rows;
}

Result<std::optional<Local>> localAssignment(const ProjectStore &store, const QString &uid)
{
    using R = Result<std::optional<Local>>;
    QSqlQuery q(store.database());
    if (Status s = sql::run(q, store.fileName(), QStringLiteral("finding an assignment"),
                            QStringLiteral("SELECT a.id, a.study_id, n.name, a.case_id, c.task, "
                                           "c.question, a.active_ms, r.id, r.finished, "
                                           "r.annotation_id FROM study_assignments a JOIN "
                                           "annotators n ON n.id = a.annotator_id JOIN cases c ON "
                                           "c.id = a.case_id LEFT JOIN study_responses r ON "
                                           "r.assignment_id = a.id WHERE a.uid = ?"),
                            {uid});
        !s)
        return s;
    if (!q.next())
        return R(std::optional<Local>());
    Local l;
    l.id = q.value(0).toLongLong();
    l.studyId = q.value(1).toLongLong();
    l.annotator = q.value(2).toString();
    l.caseId = q.value(3).toLongLong();
    l.task = q.value(4).toString();
    l.question = q.value(5).toString();
    l.activeMs = q.value(6).toLongLong();
    l.responseId = q.value(7).toLongLong();
    l.finished = q.value(8).toString();
    l.annotationId = q.value(9).toLongLong();
    return R(std::optional<Local>(l));
}

// Replaces the project's response by a later one, keeping the annotation (and its edit log)
// in step: moved, created or deleted as the new response says.
Status replaceResponse(ProjectStore &store, const Local &local, const Incoming &in)
{
    const EditContext edit{in.annotator, in.responseMs};
    qint64 annotationId = local.annotationId;
    if (in.answered && annotationId > 0) {
        if (Status s = store.updateAnnotation(annotationId, in.image, in.box, edit); !s)
            return s;
    } else if (in.answered) {
        NewAnnotation annotation;
        annotation.caseId = local.caseId;
        annotation.image = in.image;
        annotation.box = in.box;
        const Result<qint64> created = store.createAnnotation(annotation, edit);
        if (!created)
            return created.status();
        annotationId = *created;
    } else if (annotationId > 0) {
        if (Status s = store.deleteAnnotation(annotationId, edit); !s)
            return s;
        annotationId = 0;
    }
    const QVariant none{QMetaType(QMetaType::Double)};
    QSqlQuery q(store.database());
    return sql::run(
            q, store.fileName(), QStringLiteral("replacing a study response"),
            QStringLiteral("UPDATE study_responses SET status = ?, image = ?, x1 = ?, "
                           "y1 = ?, x2 = ?, y2 = ?, active_ms = ?, annotation_id = ?, "
                           "finished = ? WHERE id = ?"),
            {in.answered ? QStringLiteral("answered") : QStringLiteral("skipped"),
             in.answered ? QVariant(in.image) : QVariant(QMetaType(QMetaType::Int)),
             in.answered ? QVariant(in.box.x1) : none, in.answered ? QVariant(in.box.y1) : none,
             in.answered ? QVariant(in.box.x2) : none, in.answered ? QVariant(in.box.y2) : none,
             in.responseMs, sql::idOrNull(annotationId), in.finished, local.responseId});
}

Status mergeAssignment(ProjectStore &store, const QString &file, const StudyInfo &study,
                       const Incoming &in, MergeReport &report)
{
    const auto found = localAssignment(store, in.uid);
    if (!found)
        return found.status();
    if (!*found || (*found)->studyId != study.id)
        return Status::failure(QStringLiteral("%1: a case of %2 in study '%3' is not in %4 (the "
                                              "file is not a copy of this study); nothing "
                                              "merged")
                                       .arg(file, in.annotator, study.name, store.fileName()));
    const Local &local = **found;
    if (local.annotator != in.annotator || local.task != in.task || local.question != in.question)
        return Status::failure(QStringLiteral("%1: assignment %2 is %3 on '%4' here but %5 on "
                                              "'%6' in %7; nothing merged")
                                       .arg(file, in.uid, in.annotator, in.question,
                                            local.annotator, local.question, store.fileName()));
    if (!report.annotators.contains(in.annotator))
        report.annotators << in.annotator;
    if (!in.responded) {
        if (local.responseId != 0 || in.activeMs <= local.activeMs)
            return {};
        ++report.progressUpdated;
        return saveProgress(store, local.id, in.activeMs);
    }
    if (local.responseId == 0) {
        ++report.added;
        return recordResponse(store, local.id, in.image,
                              in.answered ? std::optional<NormBox>(in.box) : std::nullopt,
                              in.responseMs, in.finished);
    }
    const QDateTime theirs = sql::parseUtc(in.finished);
    const QDateTime ours = sql::parseUtc(local.finished);
    if (theirs == ours) {
        ++report.unchanged;
        return {};
    }
    if (theirs < ours) {
        ++report.keptNewer;
        return {};
    }
    ++report.replaced;
    return replaceResponse(store, local, in);
}

} // namespace

Result<MergeReport> mergeStudyFile(ProjectStore &store, const QString &file)
{
    using R = Result<MergeReport>;
    if (QFileInfo(file).canonicalFilePath() == QFileInfo(store.fileName()).canonicalFilePath())
        return R::failure(QStringLiteral("%1: cannot merge a project into itself").arg(file));
    if (!QFileInfo(file).isFile())
        return R::failure(QStringLiteral("%1: no such file").arg(file));
    const auto opened = ProjectStore::open(file, ProjectStore::OpenMode::OpenExisting);
    if (!opened)
        return opened.status();
    const ProjectStore &incoming = *opened.value();
    const auto theirs = listStudies(incoming);
    if (!theirs)
        return theirs.status();
    const auto ours = listStudies(store);
    if (!ours)
        return ours.status();
    QList<std::pair<StudyInfo, StudyInfo>> matched; // (theirs, ours)
    QStringList foreign;
    for (const StudyInfo &t : *theirs) {
        const auto o = std::find_if(ours->begin(), ours->end(),
                                    [&](const StudyInfo &s) { return s.uid == t.uid; });
        if (o != ours->end())
            matched << std::pair{t, *o};
        else
            foreign << QStringLiteral("'%1'").arg(t.name);
    }
    if (matched.isEmpty())
        return R::failure(
                theirs->isEmpty()
                        ? QStringLiteral("%1: holds no study; nothing merged").arg(file)
                        : QStringLiteral("%1: its study %2 is not a study of %3 (another "
                                         "study, or another project); nothing merged")
                                  .arg(file, foreign.join(QStringLiteral(", ")), store.fileName()));
    MergeReport report;
    report.file = file;
    const Status merged = store.transaction([&]() -> Status {
        for (const auto &[t, o] : matched) {
            const auto rows = incomingAssignments(incoming, t.id);
            if (!rows)
                return rows.status();
            for (const Incoming &in : *rows)
                if (Status s = mergeAssignment(store, file, o, in, report); !s)
                    return s;
            report.studies << o.name;
        }
        return {};
    });
    if (!merged)
        return merged;
    return report;
}

} // namespace migician::annotate
