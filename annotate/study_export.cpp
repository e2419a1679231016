// exportAnnotatorProject() and studyExportInfo() of annotate/study_exchange.h.
#include "annotate/study_exchange.h"

#include "annotate/store_sql.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

namespace migician::annotate {

namespace {

const QString kExportKey = QStringLiteral("study_export");

struct Assignment
{
    QString uid;
    qint64 caseId = 0;
    int position = 0;
    qint64 activeMs = 0;
    QVariantList response; // status, image, x1, y1, x2, y2, active_ms, finished; empty = none
};

Result<QList<Assignment>> assignmentsOf(const ProjectStore &store, qint64 studyId,
                                        const QString &annotator)
{
    QSqlQuery q(store.database());
    if (Status s = sql::run(q, store.fileName(), QStringLiteral("reading an annotator's cases"),
                            QStringLiteral("SELECT a.uid, a.case_id, a.position, a.active_ms, "
                                           "r.status, r.image, r.x1, r.y1, r.x2, r.y2, "
                                           "r.active_ms, r.finished FROM study_assignments a "
                                           "JOIN annotators n ON n.id = a.annotator_id LEFT JOIN "
                                           "study_responses r ON r.assignment_id = a.id WHERE "
                                           "a.study_id = ? AND n.name = ? ORDER BY a.position"),
                            {studyId, annotator});
        !s)
        return s;
    QList<Assignment> assignments;
    while (q.next()) {
        Assignment a{q.value(0).toString(),
                     q.value(1).toLongLong(),
                     q.value(2).toInt(),
                     q.value(3).toLongLong(),
                     {}};
        if (!q.value(4).isNull())
            for (int i = 4; i < 12; ++i)
                a.response << q.value(i);
        assignments << a;
    }
    return assignments;
}

// The files a failed or cancelled export leaves behind.
void removeExport(const QString &outFile, const QString &copiedImages)
{
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(outFile + suffix);
    if (!copiedImages.isEmpty())
        QDir(copiedImages).removeRecursively();
}

class Exporter
{
public:
    Exporter(ProjectStore &source, const AnnotatorExport &request, const StudyInfo &study)
        : m_source(source)
        , m_request(request)
        , m_study(study)
    {}

    Result<AnnotatorExportReport> run(const QList<Assignment> &assignments,
                                      const std::function<bool(int done, int total)> &progress)
    {
        const QFileInfo out(m_request.outFile);
        m_report.outFile = out.absoluteFilePath();
        const auto root = m_source.imagesRoot();
        if (!root)
            return root.status();
        if (m_request.images == ExportImages::Copy) {
            m_copyFolder = out.absoluteDir().filePath(out.completeBaseName()
                                                      + QStringLiteral("-images"));
            if (QFileInfo::exists(m_copyFolder))
                return Result<AnnotatorExportReport>::failure(
                        QStringLiteral("%1: already exists; choose another output name")
                                .arg(m_copyFolder));
            m_report.imagesRoot = out.completeBaseName() + QStringLiteral("-images");
        } else {
            m_report.imagesRoot = out.absoluteDir().relativeFilePath(*root);
        }
        m_root = *root;
        auto opened = ProjectStore::open(m_report.outFile, ProjectStore::OpenMode::CreateNew);
        if (!opened)
            return opened.status();
        m_target = std::move(opened.value());
        if (m_request.images == ExportImages::Copy && !QDir().mkpath(m_copyFolder))
            return Result<AnnotatorExportReport>::failure(
                    QStringLiteral("%1: cannot create the images folder").arg(m_copyFolder));
        const Status written = m_target->transaction([&]() -> Status {
            if (Status s = writeMeta(); !s)
                return s;
            const Result<qint64> runId = copyRunHeader();
            if (!runId)
                return runId.status();
            const Result<qint64> studyId = copyStudy(*runId);
            if (!studyId)
                return studyId.status();
            for (int i = 0; i < assignments.size(); ++i) {
                if (progress && !progress(i, int(assignments.size())))
                    return Status::failure(
                            QStringLiteral("%1: export cancelled").arg(m_report.outFile));
                if (Status s = copyAssignment(assignments[i], *studyId, *runId); !s)
                    return s;
            }
            return {};
        });
        m_target.reset();
        if (!written) {
            removeExport(m_report.outFile, m_copyFolder);
            return written;
        }
        if (progress)
            progress(int(assignments.size()), int(assignments.size()));
        return m_report;
    }

private:
    Status writeMeta()
    {
        QSqlQuery q(m_target->database());
        const QJsonObject info{{QStringLiteral("study_uid"), m_study.uid},
                               {QStringLiteral("annotator"), m_request.annotator},
                               {QStringLiteral("source_project"), m_source.fileName()},
                               {QStringLiteral("exported"), sql::nowUtc()}};
        for (const auto &[key, value] :
             {std::pair{QStringLiteral("images_root"), m_report.imagesRoot},
              std::pair{kExportKey,
                        QString::fromUtf8(QJsonDocument(info).toJson(QJsonDocument::Compact))}})
            if (Status s
                = sql::run(q, m_target->fileName(), QStringLiteral("writing the meta data"),
                           QStringLiteral("INSERT OR REPLACE INTO meta(key, value) "
                                          "VALUES(?, ?)"),
                           {key, value});
                !s)
                return s;
        return {};
    }

    // The assist run (its predictions follow case by case); 0 for a blind study.
    Result<qint64> copyRunHeader()
    {
        if (m_study.condition != StudyCondition::Assisted || m_study.runId <= 0)
            return qint64(0);
        const auto run = m_source.run(m_study.runId);
        if (!run)
            return run.status();
        return m_target->createRun(
                NewRun{run->backend, run->modelFolder, run->configChecksum, run->parametersJson});
    }

    Result<qint64> copyStudy(qint64 runId)
    {
        QSqlQuery read(m_source.database());
        if (Status s = sql::run(read, m_source.fileName(), QStringLiteral("reading a study"),
                                QStringLiteral("SELECT fractions_json, created FROM studies "
                                               "WHERE id = ?"),
                                {m_study.id});
            !s)
            return s;
        if (!read.next())
            return Result<qint64>::failure(
                    QStringLiteral("%1: no study %2").arg(m_source.fileName()).arg(m_study.id));
        QSqlQuery q(m_target->database());
        const QString file = m_target->fileName();
        if (Status s
            = sql::run(q, file, QStringLiteral("adding the study"),
                       QStringLiteral("INSERT INTO studies(name, condition, seed, fractions_json, "
                                      "run_id, created, uid, per_task, overlap) "
                                      "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                       {m_study.name,
                        m_study.condition == StudyCondition::Assisted ? QStringLiteral("assisted")
                                                                      : QStringLiteral("blind"),
                        qint64(m_study.seed), read.value(0), sql::idOrNull(runId), read.value(1),
                        m_study.uid,
                        m_study.casesPerTask > 0 ? QVariant(m_study.casesPerTask)
                                                 : QVariant(QMetaType(QMetaType::Int)),
                        m_study.overlap});
            !s)
            return s;
        const qint64 studyId = q.lastInsertId().toLongLong();
        const Result<qint64> annotatorId = m_target->ensureAnnotator(m_request.annotator);
        if (!annotatorId)
            return annotatorId.status();
        m_annotatorId = *annotatorId;
        // Only this annotator takes part in the copy, even in an open study.
        if (Status s = sql::run(q, file, QStringLiteral("adding the annotator"),
                                QStringLiteral("INSERT INTO study_annotators(study_id, "
                                               "annotator_id, position) VALUES(?, ?, 0)"),
                                {studyId, m_annotatorId});
            !s)
            return s;
        return studyId;
    }

    Status copyImages(const CaseInfo &info)
    {
        for (const ImageInfo &image : info.images) {
            const QString from = QDir(m_root).filePath(image.relativePath);
            if (!QFileInfo::exists(from)) {
                if (!m_report.missingImages.contains(image.relativePath))
                    m_report.missingImages << image.relativePath;
                continue;
            }
            if (m_request.images != ExportImages::Copy)
                continue;
            const QString to = QDir(m_copyFolder).filePath(image.relativePath);
            if (QFileInfo::exists(to))
                continue; // shared by an earlier case
            if (!QDir().mkpath(QFileInfo(to).absolutePath()) || !QFile::copy(from, to))
                return Status::failure(
                        QStringLiteral("%1: cannot copy the image to %2").arg(from, to));
            ++m_report.imagesCopied;
        }
        return {};
    }

    Status copyAssignment(const Assignment &a, qint64 studyId, qint64 runId)
    {
        const auto info = m_source.caseById(a.caseId);
        if (!info)
            return info.status();
        if (Status s = copyImages(*info); !s)
            return s;
        NewCase c;
        c.source = info->source;
        c.sourceIndex = info->sourceIndex;
        c.task = info->task;
        c.question = info->question;
        for (const ImageInfo &image : info->images)
            c.imagePaths << image.relativePath;
        c.additionalInfo = info->additionalInfo;
        c.needFormat = info->needFormat;
        const Result<qint64> caseId = m_target->addCase(c); // no ground truth: see the header
        if (!caseId)
            return caseId.status();
        const auto added = m_target->caseById(*caseId);
        if (!added)
            return added.status();
        for (int i = 0; i < info->images.size() && i < added->images.size(); ++i)
            if (info->images[i].width && info->images[i].height)
                if (Status s = m_target->setImageSize(added->images[i].id, *info->images[i].width,
                                                      *info->images[i].height);
                    !s)
                    return s;
        if (runId > 0)
            if (Status s = copySuggestion(a.caseId, *caseId, runId); !s)
                return s;
        QSqlQuery q(m_target->database());
        const QString file = m_target->fileName();
        if (Status s = sql::run(q, file, QStringLiteral("adding a study case"),
                                QStringLiteral("INSERT INTO study_cases(study_id, case_id) "
                                               "VALUES(?, ?)"),
                                {studyId, *caseId});
            !s)
            return s;
        if (Status s = sql::run(q, file, QStringLiteral("adding an assignment"),
                                QStringLiteral("INSERT INTO study_assignments(study_id, "
                                               "annotator_id, case_id, position, active_ms, uid) "
                                               "VALUES(?, ?, ?, ?, ?, ?)"),
                                {studyId, m_annotatorId, *caseId, a.position, a.activeMs, a.uid});
            !s)
            return s;
        ++m_report.cases;
        if (a.response.isEmpty())
            return {};
        ++m_report.responses;
        QVariantList values{q.lastInsertId()};
        values << a.response;
        return sql::runList(q, file, QStringLiteral("adding a response"),
                            QStringLiteral("INSERT INTO study_responses(assignment_id, status, "
                                           "image, x1, y1, x2, y2, active_ms, finished) "
                                           "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                            values);
    }

    Status copySuggestion(qint64 sourceCase, qint64 targetCase, qint64 runId)
    {
        const auto predictions = m_source.predictionsForCase(sourceCase);
        if (!predictions)
            return predictions.status();
        const PredictionInfo *latest = nullptr;
        for (const PredictionInfo &p : *predictions)
            if (p.runId == m_study.runId && (!latest || p.id > latest->id))
                latest = &p;
        if (!latest)
            return {};
        NewPrediction p;
        p.runId = runId;
        p.caseId = targetCase;
        p.rawAnswer = latest->rawAnswer;
        p.boxes = latest->boxes;
        p.latencyMs = latest->latencyMs;
        const Result<qint64> recorded = m_target->recordPrediction(p);
        return recorded ? Status() : recorded.status();
    }

    ProjectStore &m_source;
    const AnnotatorExport &m_request;
    const StudyInfo &m_study;
    std::unique_ptr<ProjectStore> m_target;
    QString m_root;
    QString m_copyFolder;
    qint64 m_annotatorId = 0;
    AnnotatorExportReport m_report;
};

} // namespace

Result<AnnotatorExportReport>
exportAnnotatorProject(ProjectStore &store, const AnnotatorExport &request,
                       const std::function<bool(int done, int total)> &progress)
{
    const auto study = studyById(store, request.studyId);
    if (!study)
        return study.status();
    const QString annotator = request.annotator.trimmed();
    if (annotator.isEmpty())
        return Result<AnnotatorExportReport>::failure(
                QStringLiteral("%1: name the annotator to export for").arg(store.fileName()));
    if (QFileInfo::exists(request.outFile))
        return Result<AnnotatorExportReport>::failure(
                QStringLiteral("%1: already exists; an export never overwrites a file")
                        .arg(request.outFile));
    if (QFileInfo(request.outFile).absoluteFilePath()
        == QFileInfo(store.fileName()).absoluteFilePath())
        return Result<AnnotatorExportReport>::failure(
                QStringLiteral("%1: cannot export a project onto itself").arg(request.outFile));
    // Refuses an annotator who is not one of a planned study's; assigns one of an open study.
    const Result<int> assigned = assignAnnotator(store, study->id, annotator);
    if (!assigned)
        return assigned.status();
    const auto assignments = assignmentsOf(store, study->id, annotator);
    if (!assignments)
        return assignments.status();
    if (assignments->isEmpty())
        return Result<AnnotatorExportReport>::failure(
                QStringLiteral("%1: '%2' has no case in study '%3'")
                        .arg(store.fileName(), annotator, study->name));
    AnnotatorExport trimmed = request;
    trimmed.annotator = annotator;
    Exporter exporter(store, trimmed, *study);
    return exporter.run(*assignments, progress);
}

Result<std::optional<StudyExportInfo>> studyExportInfo(const ProjectStore &store)
{
    using R = Result<std::optional<StudyExportInfo>>;
    QSqlQuery q(store.database());
    if (Status s = sql::run(q, store.fileName(), QStringLiteral("reading the meta data"),
                            QStringLiteral("SELECT value FROM meta WHERE key = ?"), {kExportKey});
        !s)
        return s;
    if (!q.next())
        return R(std::optional<StudyExportInfo>());
    const QJsonObject o = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
    StudyExportInfo info;
    info.studyUid = o.value(QLatin1String("study_uid")).toString();
    info.annotator = o.value(QLatin1String("annotator")).toString();
    info.sourceProject = o.value(QLatin1String("source_project")).toString();
    info.exported = sql::parseUtc(o.value(QLatin1String("exported")).toString());
    return R(std::optional<StudyExportInfo>(info));
}

} // namespace migician::annotate
