#include "inference_worker.h"

#include "model/engine.h"
#include "model/model_error.h"
#include "model/shared_engine.h"
#include "ui/image_decoder.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QMetaObject>

#include <exception>

Q_LOGGING_CATEGORY(lcInference, "migician.ui.inference")

namespace migician::ui {

namespace {

model::EngineOptions engineOptions(const EngineSettings &settings)
{
    model::EngineOptions options;
    options.modelDir = settings.modelDir.toStdString();
    options.device = model::parseDevice(settings.device.toStdString());
    options.dtype = model::parseDType(settings.dtype.toStdString());
    return options;
}

// A folder that is not a checkpoint: every problem at once, before any loading.
void checkFolder(const QString &folder)
{
    const auto problems = model::checkCheckpointFolder(folder.toStdString());
    if (problems.empty())
        return;
    QStringList lines;
    for (const auto &problem : problems)
        lines << QString::fromStdString(problem);
    throw model::ModelError(folder.toStdString(),
                            "not a usable Migician checkpoint: "
                                    + lines.join(QStringLiteral("; ")).toStdString());
}

} // namespace

InferenceWorker::InferenceWorker(std::shared_ptr<model::SharedEngine> engines)
    : m_engines(std::move(engines))
{
    qRegisterMetaType<InferenceRequest>();
    qRegisterMetaType<InferenceResult>();
}

InferenceWorker::~InferenceWorker() = default;

void InferenceWorker::run(const InferenceRequest &request)
{
    try {
        if (request.engine.modelDir.isEmpty())
            Q_EMIT finished(runAssistant(request));
        else
            Q_EMIT finished(runEngine(request));
    } catch (const model::Cancelled &) { // while loading or waiting for the engine
        InferenceResult result;
        result.id = request.id;
        result.cancelled = true;
        Q_EMIT finished(result);
    } catch (const model::ModelError &error) {
        Q_EMIT failed(request.id, QString::fromStdString(error.what()));
    } catch (const std::bad_alloc &) {
        Q_EMIT failed(request.id, tr("Out of memory while answering the query; try smaller images "
                                     "(max pixels in the settings) or another device."));
    } catch (const std::exception &error) {
        Q_EMIT failed(request.id,
                      tr("Inference failed: %1").arg(QString::fromLocal8Bit(error.what())));
    } catch (...) {
        Q_EMIT failed(request.id, tr("Inference failed with an unknown error."));
    }
}

InferenceResult InferenceWorker::runAssistant(const InferenceRequest &request)
{
    QElapsedTimer timer;
    timer.start();
    Q_EMIT stageChanged(request.id, tr("Matching"));
    const AssistantAnswer answer = OpenCvAssistant::answer(request.caseImages, request.references,
                                                           request.query, &m_cancel);
    InferenceResult result;
    result.id = request.id;
    result.backend = OpenCvAssistant::label();
    result.text = answer.text;
    result.boxes = answer.boxes;
    result.needsWeights = answer.needsWeights;
    result.cancelled = m_cancel.load();
    result.latencyMs = timer.elapsed();
    Q_EMIT textStreamed(request.id, -1, result.text);
    return result;
}

InferenceResult InferenceWorker::runEngine(const InferenceRequest &request)
{
    QElapsedTimer timer;
    timer.start();
    const model::EngineOptions options = engineOptions(request.engine);
    if (!m_engines->holds(options))
        checkFolder(request.engine.modelDir);
    // The loader reports every tensor (hundreds): one queued signal each, and a progress-bar
    // repaint each on the GUI thread, stalled it by up to 70 ms. Report at most every 50 ms.
    QElapsedTimer sinceReport;
    sinceReport.start();
    bool reported = false;
    bool loading = false;
    model::SharedEngine::Callbacks callbacks;
    callbacks.loadProgress = [&](double fraction, const std::string &what) {
        if (!loading) {
            loading = true;
            Q_EMIT loadProgress(0.0, tr("Loading %1").arg(request.engine.modelDir));
        }
        if (reported && sinceReport.elapsed() < 50)
            return;
        reported = true;
        sinceReport.restart();
        Q_EMIT loadProgress(fraction, QString::fromStdString(what));
    };
    callbacks.control.cancel = &m_cancel;
    callbacks.control.onProgress = [this, &request](model::Stage stage, int done, int total) {
        Q_EMIT progressed(request.id, QString::fromLatin1(model::stageName(stage)), done, total);
    };
    callbacks.onWaiting = [this, &request] {
        Q_EMIT stageChanged(request.id, QStringLiteral("waiting"));
    };
    auto lease = m_engines->acquire(options, callbacks);
    if (loading)
        Q_EMIT loadProgress(1.0, tr("Model loaded"));
    model::Engine &engine = lease.engine();

    model::GroundingRequest grounding;
    for (const QImage &image : request.caseImages) {
        if (image.isNull())
            throw model::ModelError("Image-" + std::to_string(grounding.images.size() + 1),
                                    "the image could not be read");
        grounding.images.push_back(fromQImage(image));
    }
    for (const VisualReference &reference : request.references)
        grounding.images.push_back(fromQImage(reference.crop));
    model::ResizeLimits limits;
    limits.minPixels = request.engine.minPixels;
    limits.maxPixels = request.engine.maxPixels;
    grounding.limits.assign(grounding.images.size(), limits);
    grounding.query = request.query.toStdString();
    grounding.sampling = model::SamplingOptions::fromGenerationConfig(engine.generationConfig());
    grounding.sampling.maxNewTokens = request.engine.maxNewTokens;

    model::GenerationCallbacks generation;
    generation.cancel = &m_cancel;
    generation.onProgress = callbacks.control.onProgress;
    generation.onStage = [this, &request](model::Stage stage) {
        Q_EMIT stageChanged(request.id, QString::fromLatin1(model::stageName(stage)));
    };
    generation.onToken = [this, &request](model::TokenId token, const std::string &text) {
        Q_EMIT textStreamed(request.id, qint64(token), QString::fromStdString(text));
    };
    const model::GroundingResult grounded = engine.ground(grounding, generation);

    InferenceResult result;
    result.id = request.id;
    result.backend = QStringLiteral("Migician (%1, %2)")
                             .arg(QLatin1String(model::deviceName(engine.options().device)),
                                  QLatin1String(model::dtypeName(engine.options().dtype)));
    result.text = QString::fromStdString(grounded.text);
    result.cancelled = grounded.cancelled;
    for (model::TokenId token : grounded.tokenIds)
        result.tokenIds << qint64(token);
    const int caseCount = int(request.caseImages.size());
    for (const model::ParsedBox &box : grounded.answer.boxes) {
        annotate::PredictedBox predicted;
        // Boxes on a crop (Image-(n+1)...) or on no named image go to the first image only when
        // the case has a single image; otherwise they are dropped from the overlay.
        predicted.image
                = box.image >= 1 && box.image <= caseCount ? box.image : (caseCount == 1 ? 1 : 0);
        if (predicted.image == 0)
            continue;
        predicted.box = annotate::NormBox{box.x1, box.y1, box.x2, box.y2};
        const QImage &image = request.caseImages[predicted.image - 1];
        predicted.pixels = predicted.box.toPixels(image.width(), image.height());
        result.boxes << predicted;
    }
    result.latencyMs = timer.elapsed();
    return result;
}

InferenceThread::InferenceThread(std::shared_ptr<model::SharedEngine> engines, QObject *parent)
    : QObject(parent)
    , m_engines(engines ? std::move(engines) : std::make_shared<model::SharedEngine>())
    , m_worker(new InferenceWorker(m_engines))
{
    m_thread.setObjectName(QStringLiteral("migician-inference"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &InferenceWorker::finished, this, [this] { m_busy = false; });
    connect(m_worker, &InferenceWorker::failed, this, [this] { m_busy = false; });
    m_thread.start();
}

InferenceThread::~InferenceThread()
{
    m_worker->cancel();
    m_thread.quit();
    m_thread.wait();
}

bool InferenceThread::submit(const InferenceRequest &request)
{
    if (m_busy)
        return false;
    m_busy = true;
    m_worker->resetCancel();
    // Runs on the worker's thread: the functor's context object is the worker.
    QMetaObject::invokeMethod(
            m_worker, [worker = m_worker, request] { worker->run(request); }, Qt::QueuedConnection);
    return true;
}

void InferenceThread::cancel()
{
    m_worker->cancel();
}

} // namespace migician::ui
