// The local Migician engine as a GroundingBackend (see makeMigicianBackend in
// grounding_backend.h): interactive queries as the workbench asks them, and bench cases as the
// official script's qwen2_process / qwen2_respond do, on the engine the workbench shares.
#include "ui/grounding_backend.h"

#include "annotate/evaluation_protocol.h"
#include "model/build_info.h"
#include "model/engine.h"
#include "model/model_error.h"
#include "model/run_estimate.h"
#include "model/shared_engine.h"
#include "ui/run_calibration.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include <chrono>

namespace migician::ui {

namespace {

QJsonObject samplingJson(const model::SamplingOptions &sampling)
{
    QJsonArray stops;
    for (const std::int64_t id : sampling.stopTokenIds)
        stops.append(qint64(id));
    return QJsonObject{{QStringLiteral("do_sample"), sampling.doSample},
                       {QStringLiteral("temperature"), sampling.temperature},
                       {QStringLiteral("top_p"), sampling.topP},
                       {QStringLiteral("top_k"), sampling.topK},
                       {QStringLiteral("repetition_penalty"), sampling.repetitionPenalty},
                       {QStringLiteral("max_new_tokens"), sampling.maxNewTokens},
                       {QStringLiteral("stop_token_ids"), stops}};
}

QJsonObject generationConfigJson(const model::GenerationConfig &config)
{
    return QJsonObject{{QStringLiteral("do_sample"), config.doSample},
                       {QStringLiteral("temperature"), config.temperature},
                       {QStringLiteral("top_p"), config.topP},
                       {QStringLiteral("top_k"), config.topK},
                       {QStringLiteral("repetition_penalty"), config.repetitionPenalty}};
}

// A folder that is not a checkpoint: every problem at once, before any loading.
void checkFolder(const std::string &folder)
{
    const auto problems = model::checkCheckpointFolder(folder);
    if (problems.empty())
        return;
    std::string lines;
    for (const auto &problem : problems)
        lines += (lines.empty() ? "" : "; ") + problem;
    throw model::ModelError(folder, "not a usable Migician checkpoint: " + lines);
}

// This machine's speed, measured by the run the user just waited for: the next estimate divides
// its FLOPs by it (run_estimate.h).
void recordSpeed(const model::Engine &engine, const model::GroundingResult &grounded)
{
    std::vector<model::PlannedImage> images;
    for (const model::ImageInput &input : grounded.images) {
        model::PlannedImage image;
        image.gridT = input.gridT;
        image.gridH = input.gridH;
        image.gridW = input.gridW;
        image.tokens = input.tokens;
        images.push_back(image);
    }
    const auto work = model::estimateWork(engine.config(), images, grounded.promptTokens,
                                          int(grounded.tokenIds.size()));
    SpeedCalibrationStore::record(engine.options().device, engine.options().dtype, work,
                                  grounded.timings);
}

class MigicianBackend final : public GroundingBackend
{
public:
    MigicianBackend(std::shared_ptr<model::SharedEngine> engines, model::EngineOptions options)
        : m_engines(std::move(engines))
        , m_options(std::move(options))
    {}

    QString name() const override { return QStringLiteral("migician"); }
    QString label() const override
    {
        return QStringLiteral("Migician (%1, %2)")
                .arg(QLatin1String(model::deviceName(m_options.device)),
                     QLatin1String(model::dtypeName(m_options.dtype)));
    }

    model::SamplingOptions defaultSampling(const model::RunControl &control) override
    {
        if (!m_engines->holds(m_options))
            checkFolder(m_options.modelDir);
        model::SharedEngine::Callbacks callbacks;
        callbacks.control = control;
        const auto lease = m_engines->acquire(m_options, callbacks);
        return model::SamplingOptions::fromGenerationConfig(lease.engine().generationConfig());
    }

    GroundingOutcome ground(const GroundingQuery &query,
                            const GroundingCallbacks &callbacks) override
    {
        if (!m_engines->holds(m_options))
            checkFolder(m_options.modelDir);
        // The loader reports every tensor (hundreds): one queued signal each, and a progress-bar
        // repaint each on the GUI thread, stalled it by up to 70 ms. Report at most every 50 ms.
        auto sinceReport = std::chrono::steady_clock::now();
        bool reported = false;
        bool loading = false;
        model::SharedEngine::Callbacks waiting;
        waiting.loadProgress = [&](double fraction, const std::string &what) {
            if (!callbacks.onLoad)
                return;
            if (!loading) {
                loading = true;
                callbacks.onLoad(0.0, QCoreApplication::translate("migician::ui::GroundingBackend",
                                                                  "Loading %1")
                                              .arg(QString::fromStdString(m_options.modelDir)));
            }
            const auto now = std::chrono::steady_clock::now();
            if (reported && now - sinceReport < std::chrono::milliseconds(50))
                return;
            reported = true;
            sinceReport = now;
            callbacks.onLoad(fraction, QString::fromStdString(what));
        };
        waiting.control = callbacks.control;
        waiting.onWaiting = callbacks.onWaiting;
        auto lease = m_engines->acquire(m_options, waiting);
        if (loading && callbacks.onLoad)
            callbacks.onLoad(1.0, QCoreApplication::translate("migician::ui::GroundingBackend",
                                                              "Model loaded"));
        model::Engine &engine = lease.engine();

        model::GroundingRequest request = groundingRequest(query);
        request.sampling
                = query.sampling
                          ? *query.sampling
                          : model::SamplingOptions::fromGenerationConfig(engine.generationConfig());
        if (query.maxNewTokens > 0)
            request.sampling.maxNewTokens = query.maxNewTokens;
        model::GenerationCallbacks generation;
        generation.cancel = callbacks.control.cancel;
        generation.onProgress = callbacks.control.onProgress;
        generation.onStage = callbacks.onStage;
        if (callbacks.onText)
            generation.onToken = [&](model::TokenId token, const std::string &text) {
                callbacks.onText(qint64(token), QString::fromStdString(text));
            };
        GroundingOutcome outcome;
        outcome.result = engine.ground(request, generation);
        outcome.boxes = caseBoxes(outcome.result.answer.boxes, query.images);
        outcome.backendLabel
                = QStringLiteral("Migician (%1, %2)")
                          .arg(QLatin1String(model::deviceName(engine.options().device)),
                               QLatin1String(model::dtypeName(engine.options().dtype)));
        outcome.stagesKnown = true;
        outcome.about = QJsonObject{
                {QStringLiteral("device"),
                 QLatin1String(model::deviceName(engine.options().device))},
                {QStringLiteral("dtype"), QLatin1String(model::dtypeName(engine.options().dtype))}};
        if (!outcome.result.cancelled)
            recordSpeed(engine, outcome.result);
        return outcome;
    }

    bool prepare(annotate::EvaluationProtocol *protocol, QString *error,
                 const model::RunControl &control) override
    {
        try {
            model::SharedEngine::Callbacks callbacks;
            callbacks.control = control;
            const auto lease = m_engines->acquire(m_options, callbacks);
            const model::Engine &engine = lease.engine();
            // model.generate(**inputs, max_new_tokens=128): generation_config.json's sampling
            // (top_k 1 reduces it to argmax, repetition penalty 1.05), 128 tokens whatever the
            // file says.
            if (protocol->sampling == annotate::EvaluationProtocol::Sampling::Greedy) {
                m_sampling = model::SamplingOptions::greedy();
                m_sampling.stopTokenIds
                        = model::SamplingOptions::fromGenerationConfig(engine.generationConfig())
                                  .stopTokenIds;
            } else {
                m_sampling
                        = model::SamplingOptions::fromGenerationConfig(engine.generationConfig());
            }
            m_sampling.maxNewTokens = protocol->maxNewTokens;
            const model::BuildInfo build = model::buildInfo();
            const QString folder
                    = QFileInfo(QString::fromStdString(m_options.modelDir)).absoluteFilePath();
            protocol->backend = QJsonObject{
                    {QStringLiteral("name"), name()},
                    {QStringLiteral("checkpoint"), folder},
                    {QStringLiteral("checkpoint_sha256"), annotate::checkpointChecksum(folder)},
                    {QStringLiteral("engine_version"),
                     QStringLiteral("%1 (libtorch %2)")
                             .arg(QString::fromStdString(build.engineVersion),
                                  QString::fromStdString(build.torchVersion))},
                    {QStringLiteral("dtype"),
                     QLatin1String(model::dtypeName(engine.options().dtype))},
                    {QStringLiteral("dtype_requested"),
                     QLatin1String(model::dtypeName(m_options.dtype))},
                    {QStringLiteral("device"),
                     QLatin1String(model::deviceName(engine.options().device))},
                    {QStringLiteral("sampling"), samplingJson(m_sampling)},
                    {QStringLiteral("generation_config"),
                     generationConfigJson(engine.generationConfig())}};
            m_protocol = *protocol;
            return true;
        } catch (const model::Cancelled &) {
            error->clear();
        } catch (const std::exception &failure) {
            *error = QString::fromUtf8(failure.what());
        }
        return false;
    }

    BackendAnswer answer(const annotate::BenchCase &benchCase, const QList<QImage> &images,
                         const model::RunControl &control) override
    {
        BackendAnswer answer;
        // Every image of the case in order, then question + suffix; images at the protocol's
        // limits (qwen-vl-utils defaults).
        answer.prompt = m_protocol.question(benchCase);
        const model::GroundingRequest request
                = benchRequest(m_protocol, benchCase, images, m_sampling);
        model::GenerationCallbacks callbacks;
        callbacks.cancel = control.cancel;
        callbacks.onProgress = control.onProgress;
        try {
            model::SharedEngine::Callbacks waiting;
            waiting.control = control; // also the (re)load when the workbench changed the model
            auto lease = m_engines->acquire(m_options, waiting);
            const model::GroundingResult result = lease->ground(request, callbacks);
            if (result.cancelled) {
                answer.cancelled = true;
                return answer;
            }
            fillBenchAnswer(result, &answer);
        } catch (const model::Cancelled &) {
            answer.cancelled = true;
        } catch (const std::exception &error) { // out of memory, a bad prompt, ...
            answer.failure = QString::fromUtf8(error.what());
        }
        return answer;
    }

private:
    std::shared_ptr<model::SharedEngine> m_engines;
    model::EngineOptions m_options;
    annotate::EvaluationProtocol m_protocol;
    model::SamplingOptions m_sampling;
};

} // namespace

std::unique_ptr<GroundingBackend> makeMigicianBackend(std::shared_ptr<model::SharedEngine> engines,
                                                      const QString &modelDir,
                                                      const QString &device, const QString &dtype)
{
    model::EngineOptions options;
    options.modelDir = modelDir.toStdString();
    options.device = model::parseDevice(device.toStdString());
    options.dtype = model::parseDType(dtype.toStdString());
    return makeMigicianBackend(std::move(engines), options);
}

std::unique_ptr<GroundingBackend> makeMigicianBackend(std::shared_ptr<model::SharedEngine> engines,
                                                      const model::EngineOptions &options)
{
    return std::make_unique<MigicianBackend>(std::move(engines), options);
}

} // namespace migician::ui
