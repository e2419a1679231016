#include "workbench_controller.h"

#include "model/chat_prompt.h"
#include "ui/box_commands.h"
#include "ui/case_list_model.h"
#include "ui/case_session.h"
#include "ui/demo_project.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
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
    , m_undo(new QUndoStack(this))
    , m_inference(new InferenceThread(nullptr, this))
    , m_settings(AppSettings::load())
{
    m_session->setAuthor(m_settings.author);
    connect(m_session, &CaseSession::errorOccurred, this, &WorkbenchController::errorOccurred);
    connect(m_inference->worker(), &InferenceWorker::finished, this,
            &WorkbenchController::onFinished);
    connect(m_inference->worker(), &InferenceWorker::failed, this,
            [this](quint64 id, const QString &message) {
                if (id == m_currentRequest)
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

bool WorkbenchController::openProject(const QString &file, QString *error)
{
    auto store = annotate::ProjectStore::open(file);
    if (!store) {
        *error = store.error();
        return false;
    }
    auto list = store.value()->listCases();
    if (!list) {
        *error = list.error();
        return false;
    }
    auto root = store.value()->imagesRoot();
    m_undo->clear();
    m_session->setStore(nullptr);
    m_store = std::move(store.value());
    m_session->setStore(m_store.get());
    m_folderMode = false;
    QList<CaseEntry> entries;
    for (const annotate::CaseSummary &summary : list.value()) {
        CaseEntry entry;
        entry.caseId = summary.id;
        entry.title = tr("Case %1 (%n image(s))", nullptr, summary.imageCount).arg(summary.id);
        entry.toolTip = summary.question;
        if (auto info = m_store->caseById(summary.id); info && !info->images.isEmpty() && root)
            entry.thumbnailPath = QDir(root.value()).filePath(info->images.first().relativePath);
        entries << entry;
    }
    m_cases->setEntries(entries);
    m_row = -1;
    Q_EMIT projectOpened(file);
    return entries.isEmpty() || showCase(0, error);
}

bool WorkbenchController::openFolder(const QString &folder, QString *error)
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
    m_undo->clear();
    m_session->setStore(nullptr);
    m_store = std::move(store.value());
    m_session->setStore(m_store.get());
    m_folderMode = true;
    m_cases->setEntries(CaseListModel::folderEntries(absolute));
    m_row = -1;
    Q_EMIT projectOpened(absolute);
    return m_cases->rowCount() == 0 || showCase(0, error);
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

QString WorkbenchController::renderedPrompt(const QString &query) const
{
    const int images = int(m_session->images().size() + m_references.size());
    return QString::fromStdString(
            model::renderChat(model::groundingConversation(images, query.toStdString()), true));
}

bool WorkbenchController::run(const QString &query, QString *error)
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
    request.engine = m_settings.engine;
    if (!m_inference->submit(request)) {
        *error = tr("A query is still running.");
        return false;
    }
    m_currentRequest = request.id;
    m_currentQueryCase = m_session->caseId();
    m_currentQuery = query;
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
    if (!result.cancelled && !result.needsWeights && m_currentQueryCase == m_session->caseId())
        recordAnswer(result);
    Q_EMIT answerReady(result);
}

void WorkbenchController::recordAnswer(const InferenceResult &result)
{
    if (!m_store)
        return;
    annotate::NewRun run;
    run.backend = result.backend;
    run.modelFolder = nonNull(m_settings.engine.modelDir);
    run.configChecksum
            = m_settings.engine.modelDir.isEmpty() ? QStringLiteral("opencv") : QString();
    run.parametersJson = QString::fromUtf8(
            QJsonDocument(
                    QJsonObject{{QStringLiteral("query"), m_currentQuery},
                                {QStringLiteral("references"), int(m_references.size())},
                                {QStringLiteral("max_new_tokens"), m_settings.engine.maxNewTokens}})
                    .toJson(QJsonDocument::Compact));
    auto runId = m_store->createRun(run);
    if (!runId) {
        Q_EMIT errorOccurred(runId.error());
        return;
    }
    annotate::NewPrediction prediction;
    prediction.runId = runId.value();
    prediction.caseId = m_session->caseId();
    prediction.rawAnswer = nonNull(result.text);
    prediction.boxes = result.boxes;
    prediction.latencyMs = result.latencyMs;
    auto predictionId = m_store->recordPrediction(prediction);
    (void)m_store->finishRun(runId.value(), result.latencyMs);
    if (!predictionId) {
        Q_EMIT errorOccurred(predictionId.error());
        return;
    }
    addModelBoxes(predictionId.value(), result.boxes);
}

void WorkbenchController::addModelBoxes(qint64 predictionId,
                                        const QList<annotate::PredictedBox> &boxes)
{
    // Model boxes are not user edits: they are not on the undo stack, and are logged as "model".
    for (const annotate::PredictedBox &box : boxes) {
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
