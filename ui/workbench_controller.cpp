#include "workbench_controller.h"

#include "annotate/case_composer.h"
#include "model/chat_prompt.h"
#include "ui/box_commands.h"
#include "ui/case_composition.h"
#include "ui/case_list_model.h"
#include "ui/case_session.h"
#include "ui/demo_project.h"
#include "ui/image_files.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QStandardPaths>

namespace migician::ui {

namespace {
// A null QString is bound as SQL NULL; the store's text columns are NOT NULL.
QString nonNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}
} // namespace

WorkbenchController::WorkbenchController(QObject *parent)
    : QObject(parent)
    , m_session(new CaseSession(this))
    , m_cases(new CaseListModel(this))
    , m_composition(nullptr)
    , m_undo(new QUndoStack(this))
    , m_inference(new InferenceThread(nullptr, this))
    , m_settings(AppSettings::load())
{
    m_composition = new CaseComposition(this);
    m_session->setAuthor(m_settings.author);
    connect(m_session, &CaseSession::errorOccurred, this, &WorkbenchController::errorOccurred);
    connect(m_session, &CaseSession::layoutChanged, this, &WorkbenchController::onLayoutChanged);
    connect(m_inference->worker(), &InferenceWorker::textStreamed, this,
            [this](quint64 id, qint64, const QString &) {
                if (id == m_currentRequest && !m_firstTokenMs && m_runClock.isValid())
                    m_firstTokenMs = m_runClock.elapsed();
            });
    connect(m_inference->worker(), &InferenceWorker::finished, this,
            &WorkbenchController::onFinished);
    connect(m_inference->worker(), &InferenceWorker::failed, this,
            [this](quint64 id, const QString &message) {
                if (id != m_currentRequest)
                    return;
                if (m_currentQueryCase == m_session->caseId())
                    recordRun(annotate::RunStatus::Failed, InferenceResult{}, message);
                Q_EMIT runFailed(message);
            });
    m_reviewClock.start();
}

WorkbenchController::~WorkbenchController()
{
    // The session and the undo stack refer to the store: drop them first.
    m_undo->clear();
    m_session->setStore(nullptr);
}

void WorkbenchController::setSettings(const AppSettings &settings)
{
    m_settings = settings;
    m_session->setAuthor(settings.author);
}

namespace {
CaseEntry entryFor(const annotate::CaseInfo &info, const QString &root)
{
    CaseEntry entry;
    entry.caseId = info.id;
    entry.imageCount = int(info.images.size());
    entry.title = WorkbenchController::tr("Case %1 (%n image(s))", nullptr, entry.imageCount)
                          .arg(info.id);
    entry.toolTip = info.question;
    if (!info.images.isEmpty())
        entry.thumbnailPath = QDir(root).filePath(info.images.first().relativePath);
    return entry;
}
} // namespace

CaseEntry WorkbenchController::entryForCase(qint64 caseId) const
{
    CaseEntry entry;
    entry.caseId = caseId;
    if (!m_store)
        return entry;
    const auto info = m_store->caseById(caseId);
    const auto root = m_store->imagesRoot();
    return info && root ? entryFor(info.value(), root.value()) : entry;
}

QList<CaseEntry> WorkbenchController::projectEntries() const
{
    QList<CaseEntry> entries;
    const auto list = m_store->listCases();
    const auto root = m_store->imagesRoot();
    if (!list || !root)
        return entries;
    for (const annotate::CaseSummary &summary : list.value()) {
        const auto info = m_store->caseById(summary.id);
        if (!info)
            continue;
        // In a folder, the single-image cases made from its files are listed as those files.
        if (m_folderMode && info->source.startsWith(QLatin1String("folder:")))
            continue;
        entries << entryFor(info.value(), root.value());
    }
    return entries;
}

bool WorkbenchController::installStore(const QString &opened,
                                       std::unique_ptr<annotate::ProjectStore> store,
                                       QList<CaseEntry> entries, bool folderMode, QString *error)
{
    m_undo->clear();
    m_session->setStore(nullptr);
    m_store = std::move(store);
    m_session->setStore(m_store.get());
    m_folderMode = folderMode;
    m_history.clear();
    Q_EMIT historyChanged();
    QList<CaseEntry> all = projectEntries();
    all << entries;
    m_cases->setEntries(all);
    m_row = -1;
    Q_EMIT projectOpened(opened);
    return m_cases->rowCount() == 0 || showCase(0, error);
}

bool WorkbenchController::openProject(const QString &file, QString *error)
{
    auto store = annotate::ProjectStore::open(file);
    if (!store) {
        *error = store.error();
        return false;
    }
    if (auto list = store.value()->listCases(); !list) {
        *error = list.error();
        return false;
    }
    m_folder.clear();
    return installStore(file, std::move(store.value()), {}, false, error);
}

bool WorkbenchController::openFolder(const QString &folder, QString *error, FolderRule rule)
{
    const QString absolute = QFileInfo(folder).absoluteFilePath();
    if (!QFileInfo(absolute).isDir()) {
        *error = tr("%1: not a folder").arg(folder);
        return false;
    }
    const QString hash = QString::fromLatin1(
            QCryptographicHash::hash(absolute.toUtf8(), QCryptographicHash::Sha1).toHex().left(16));
    const QString projects = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                             + QStringLiteral("/folders");
    QDir().mkpath(projects);
    auto store = annotate::ProjectStore::open(projects + QLatin1Char('/') + hash
                                              + QStringLiteral(".migician"));
    if (!store) {
        *error = store.error();
        return false;
    }
    if (annotate::Status s = store.value()->setImagesRoot(absolute); !s) {
        *error = s.error();
        return false;
    }
    // The rule's cases are made once: opening the folder again finds them by their source.
    annotate::CaseComposer composer(*store.value());
    auto ruleCase = [&](const QStringList &files, const QString &source) {
        if (files.isEmpty())
            return true;
        annotate::NewComposedCase c;
        c.files = files;
        c.source = source;
        c.sourceIndex = 0;
        c.question = QStringLiteral("");
        const auto id = composer.createCase(c, annotate::EditContext{m_settings.author, 0});
        if (!id)
            *error = id.error();
        return bool(id);
    };
    if (rule == FolderRule::OneCase
        && !ruleCase(imageFilesIn(absolute, false), QStringLiteral("folder-all")))
        return false;
    if (rule == FolderRule::CasePerSubfolder) {
        const QDir dir(absolute);
        QStringList subfolders = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        for (const QString &name : std::as_const(subfolders))
            if (!ruleCase(imageFilesIn(dir.filePath(name), true),
                          QStringLiteral("folder-subfolder:") + name))
                return false;
    }
    m_folder = absolute;
    return installStore(absolute, std::move(store.value()), CaseListModel::folderEntries(absolute),
                        true, error);
}

bool WorkbenchController::openDemo(QString *error, const QString &demoFolder,
                                   const QString &sourceFolder)
{
    const QString file = DemoProject::ensure(error, demoFolder, sourceFolder);
    return !file.isEmpty() && openProject(file, error);
}

bool WorkbenchController::showCase(int row, QString *error)
{
    if (!m_store || row < 0 || row >= m_cases->rowCount()) {
        *error = tr("No case %1 in this project.").arg(row + 1);
        return false;
    }
    qint64 caseId = m_cases->entry(row).caseId;
    if (caseId == 0 && m_folderMode) {
        // A folder image becomes a case the first time it is opened.
        const QString source = QStringLiteral("folder:") + m_cases->entry(row).relativePath;
        auto existing = m_store->caseIdBySource(source, 0);
        if (!existing) {
            *error = existing.error();
            return false;
        }
        caseId = existing.value();
        if (caseId == 0) {
            annotate::NewCase c;
            c.source = source;
            c.sourceIndex = 0;
            c.imagePaths = {m_cases->entry(row).relativePath};
            c.task = QStringLiteral("folder");
            c.question = QStringLiteral("");
            c.additionalInfo = QStringLiteral(""); // non-null: the columns are NOT NULL
            auto added = m_store->addCase(c);
            if (!added) {
                *error = added.error();
                return false;
            }
            caseId = added.value();
        }
        m_cases->setCaseId(row, caseId);
    }
    m_undo->clear();
    m_references.clear();
    if (!m_session->loadCase(caseId, error))
        return false;
    m_row = row;
    reloadHistory();
    Q_EMIT referencesChanged();
    Q_EMIT caseShown(row);
    return true;
}

bool WorkbenchController::showCaseById(qint64 caseId, QString *error)
{
    const int row = m_cases->rowOfCase(caseId);
    if (row < 0) {
        *error = tr("Case %1 is not in the open project.").arg(caseId);
        return false;
    }
    return row == m_row || showCase(row, error);
}

QString WorkbenchController::referenceName(int index) const
{
    return tr("Image-%1").arg(m_session->images().size() + 1 + index);
}

void WorkbenchController::addReference(int image, const annotate::NormBox &box)
{
    const auto &images = m_session->images();
    if (image < 1 || image > images.size() || images[image - 1].isNull())
        return;
    const QImage &source = images[image - 1];
    const QRect rect = QRectF(QPointF(box.x1 * source.width(), box.y1 * source.height()),
                              QPointF(box.x2 * source.width(), box.y2 * source.height()))
                               .toAlignedRect()
                               .intersected(source.rect());
    if (rect.width() < 4 || rect.height() < 4)
        return;
    m_references.append({image, box, source.copy(rect)});
    Q_EMIT referencesChanged();
}

void WorkbenchController::removeReference(int index)
{
    if (index < 0 || index >= m_references.size())
        return;
    m_references.removeAt(index);
    Q_EMIT referencesChanged();
}

int WorkbenchController::setReferences(const QList<annotate::RunReference> &references)
{
    m_references.clear();
    int lost = 0;
    const auto &images = m_session->images();
    for (const annotate::RunReference &r : references) {
        if (r.image < 1 || r.image > images.size() || images[r.image - 1].isNull()) {
            ++lost;
            continue;
        }
        const QImage &source = images[r.image - 1];
        const QRect rect = QRectF(QPointF(r.box.x1 * source.width(), r.box.y1 * source.height()),
                                  QPointF(r.box.x2 * source.width(), r.box.y2 * source.height()))
                                   .toAlignedRect()
                                   .intersected(source.rect());
        m_references.append({r.image, r.box, source.copy(rect)});
    }
    Q_EMIT referencesChanged();
    return lost;
}

void WorkbenchController::onLayoutChanged(const QList<int> &newPositionOfOld)
{
    // A reference follows the image it was cut from, and goes when that image goes.
    const int oldCount = int(newPositionOfOld.size());
    QMap<int, int> renamed;
    for (int k = 1; k <= oldCount; ++k)
        if (newPositionOfOld.at(k - 1) != k)
            renamed.insert(k, newPositionOfOld.at(k - 1));
    QList<Reference> kept;
    for (int i = 0; i < m_references.size(); ++i) {
        Reference r = m_references.at(i);
        const int image = r.sourceImage >= 1 && r.sourceImage <= oldCount
                                  ? newPositionOfOld.at(r.sourceImage - 1)
                                  : 0;
        const int oldName = oldCount + 1 + i;
        if (image == 0) {
            renamed.insert(oldName, 0);
            continue;
        }
        r.sourceImage = image;
        kept << r;
        const int newName = int(m_session->images().size()) + int(kept.size());
        if (newName != oldName)
            renamed.insert(oldName, newName);
    }
    m_references = kept;
    if (m_row >= 0 && m_cases->entry(m_row).relativePath.isEmpty()) // a case, not a folder file
        m_cases->updateEntry(m_row, entryForCase(m_session->caseId()));
    reloadHistory(); // boxes of earlier runs follow their images too
    Q_EMIT referencesChanged();
    if (!renamed.isEmpty())
        Q_EMIT imageNamesChanged(renamed);
}

void WorkbenchController::reloadHistory()
{
    m_history.clear();
    if (m_store && m_session->caseId() > 0) {
        annotate::RunHistory history(*m_store);
        if (auto runs = history.forCase(m_session->caseId()))
            m_history = runs.value();
        else
            Q_EMIT errorOccurred(runs.error());
    }
    Q_EMIT historyChanged();
}

QHash<qint64, qint64> WorkbenchController::runByPrediction() const
{
    QHash<qint64, qint64> map;
    for (const annotate::CaseRunInfo &run : m_history)
        if (run.predictionId > 0)
            map.insert(run.predictionId, run.runId);
    return map;
}

QString WorkbenchController::renderedPrompt(const QString &query) const
{
    const int images = int(m_session->images().size() + m_references.size());
    return QString::fromStdString(
            model::renderChat(model::groundingConversation(images, query.toStdString()), true));
}

bool WorkbenchController::run(const QString &query, QString *error)
{
    return runWith(m_settings.engine, query, error);
}

bool WorkbenchController::runOnRemote(const QString &query, QString *error)
{
    if (m_settings.engine.remote.url.trimmed().isEmpty()) {
        *error = tr("No remote endpoint is configured (Settings, Backend).");
        return false;
    }
    EngineSettings engine = m_settings.engine;
    engine.backend = BackendKind::Remote;
    return runWith(engine, query, error);
}

bool WorkbenchController::runWith(const EngineSettings &engine, const QString &query,
                                  QString *error)
{
    if (m_session->caseId() == 0) {
        *error = tr("Open a case first.");
        return false;
    }
    if (query.trimmed().isEmpty() && m_references.isEmpty()) {
        *error = tr("Type a query or crop a visual reference first.");
        return false;
    }
    InferenceRequest request;
    request.id = m_nextRequest++;
    request.caseImages = m_session->images();
    for (const Reference &r : std::as_const(m_references))
        request.references.append({r.sourceImage, r.crop});
    request.query = query;
    request.engine = engine;
    m_runClock.start(); // what the user waits: from the request on
    if (!m_inference->submit(request)) {
        *error = tr("A query is still running.");
        return false;
    }
    m_currentRequest = request.id;
    m_currentQueryCase = m_session->caseId();
    m_currentQuery = query;
    m_currentEngine = engine;
    m_currentReferences.clear();
    m_runImageIds = m_session->caseInfo().imageIds();
    for (const Reference &r : std::as_const(m_references)) {
        annotate::RunReference reference;
        reference.imageId = m_session->caseInfo().images.at(r.sourceImage - 1).id;
        reference.image = r.sourceImage;
        reference.box = r.box;
        m_currentReferences << reference;
    }
    m_firstTokenMs.reset();
    Q_EMIT runStarted();
    return true;
}

void WorkbenchController::cancel()
{
    m_inference->cancel();
}

void WorkbenchController::onFinished(const InferenceResult &result)
{
    if (result.id != m_currentRequest)
        return;
    if (m_currentQueryCase == m_session->caseId()) {
        if (result.cancelled)
            recordRun(annotate::RunStatus::Cancelled, result, QString());
        else if (result.needsWeights) // an explanation, not an answer: no prediction is kept
            recordRun(annotate::RunStatus::Failed, result,
                      tr("The query needs the Migician checkpoint."));
        else
            recordRun(annotate::RunStatus::Answered, result, QString());
    }
    Q_EMIT answerReady(result);
}

void WorkbenchController::recordRun(annotate::RunStatus status, const InferenceResult &result,
                                    const QString &error)
{
    if (!m_store)
        return;
    const EngineSettings &engine = m_currentEngine;
    const BackendKind kind = engine.effectiveBackend();
    annotate::NewCaseRun run;
    run.caseId = m_session->caseId();
    run.query = nonNull(m_currentQuery);
    run.references = m_currentReferences;
    // The backend as data: what answered, from where, with which settings (no credentials).
    run.backend.name = result.backend.isEmpty()
                               ? (kind == BackendKind::Assistant ? QStringLiteral("assistant")
                                  : kind == BackendKind::Remote  ? QStringLiteral("remote")
                                                                 : QStringLiteral("migician"))
                               : result.backend;
    run.backend.endpoint = nonNull(kind == BackendKind::Remote  ? engine.remote.url
                                   : kind == BackendKind::Local ? engine.modelDir
                                                                : QString());
    run.backend.configChecksum
            = kind == BackendKind::Assistant ? QStringLiteral("opencv") : QStringLiteral("");
    QJsonObject sampling{{QStringLiteral("max_new_tokens"), engine.maxNewTokens},
                         {QStringLiteral("min_pixels"), engine.minPixels},
                         {QStringLiteral("max_pixels"), engine.maxPixels}};
    if (kind == BackendKind::Local) {
        sampling.insert(QStringLiteral("device"), engine.device);
        sampling.insert(QStringLiteral("dtype"), engine.dtype);
    }
    if (kind != BackendKind::Assistant)
        sampling.insert(QStringLiteral("decoding"), QStringLiteral("generation_config.json"));
    if (kind == BackendKind::Remote)
        sampling.insert(QStringLiteral("served_model"), engine.remote.servedModel);
    run.backend.samplingJson
            = QString::fromUtf8(QJsonDocument(sampling).toJson(QJsonDocument::Compact));
    run.status = status;
    run.answer = nonNull(result.text);
    // The answer numbers the images as they were sent; the case may have been reordered since.
    const QList<qint64> now = m_session->caseInfo().imageIds();
    QList<annotate::PredictedBox> boxes;
    if (status == annotate::RunStatus::Answered)
        for (annotate::PredictedBox box : result.boxes) {
            const qsizetype at = box.image >= 1 && box.image <= m_runImageIds.size()
                                         ? now.indexOf(m_runImageIds.at(box.image - 1))
                                         : -1;
            box.image = int(at) + 1;
            boxes << box;
        }
    run.boxes = boxes;
    run.error = nonNull(error);
    run.timings.totalMs = m_runClock.isValid() ? m_runClock.elapsed() : result.latencyMs;
    run.timings.firstTokenMs = m_firstTokenMs;
    if (status != annotate::RunStatus::Failed)
        run.timings.engineMs = result.latencyMs;
    run.author = m_settings.author.isEmpty() ? QStringLiteral("annotator") : m_settings.author;
    annotate::RunHistory history(*m_store);
    auto recorded = history.record(run);
    if (!recorded) {
        Q_EMIT errorOccurred(recorded.error());
        return;
    }
    // The first query asked about a case becomes its question (shown when it is opened again,
    // exported as its question).
    if (status == annotate::RunStatus::Answered && m_session->caseInfo().question.isEmpty()
        && !m_currentQuery.trimmed().isEmpty())
        (void)m_session->setQuestion(m_currentQuery);
    if (recorded->predictionId > 0)
        addModelBoxes(recorded->predictionId, boxes);
    reloadHistory();
}

void WorkbenchController::addModelBoxes(qint64 predictionId,
                                        const QList<annotate::PredictedBox> &boxes)
{
    // Model boxes are not user edits: they are not on the undo stack, and are logged as "model".
    for (const annotate::PredictedBox &box : boxes) {
        if (box.image < 1) // its image left the case while the query ran
            continue;
        (void)m_session->createBox(box.image, box.box, annotate::AnnotationSource::Model,
                                   predictionId, QString(),
                                   annotate::EditContext{QStringLiteral("model"), 0});
    }
    m_reviewClock.restart();
}

qint64 WorkbenchController::takeEditDuration()
{
    return std::min<qint64>(m_reviewClock.restart(), 60000);
}

void WorkbenchController::createBox(int image, const annotate::NormBox &box, qint64 durationMs)
{
    m_undo->push(new CreateBoxCommand(m_session, image, box, durationMs));
    m_reviewClock.restart();
}

void WorkbenchController::editBox(qint64 id, int image, const annotate::NormBox &box,
                                  qint64 durationMs)
{
    const auto before = m_session->annotation(id);
    if (!before)
        return;
    if (before->image == image && before->box == box) {
        m_session->reload(); // put the item back where the store has it
        return;
    }
    m_undo->push(new ChangeBoxCommand(m_session, *before, image, box, durationMs));
    m_reviewClock.restart();
}

void WorkbenchController::deleteBox(qint64 id)
{
    if (m_session->annotation(id))
        m_undo->push(new DeleteBoxCommand(m_session, id, takeEditDuration()));
}

void WorkbenchController::reviewBox(qint64 id, annotate::ReviewState state)
{
    const auto before = m_session->annotation(id);
    if (before && before->review != state)
        m_undo->push(new ReviewBoxCommand(m_session, *before, state, takeEditDuration()));
}

} // namespace migician::ui
