// `migician ground`: runs the Migician model on images and a query and prints the answer and its
// boxes (in each original image's pixels and normalised), optionally as one JSON object. With
// --endpoint the model runs on an OpenAI-compatible server instead; the JSON has the same fields
// (token_ids empty when the server sends none, stage timings null when it does not report them)
// plus an "endpoint" object.
#include "cli_command.h"
#include "image_inputs.h"

#include "endpoint_flags.h"

#include "model/allocator_tuning.h"
#include "model/engine.h"
#include "model/run_estimator.h"
#include "model/shared_engine.h"
#include "ui/grounding_backend.h"
#include "ui/image_decoder.h"
#include "ui/remote_backend.h"
#include "ui/run_calibration.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonDocument>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>

namespace migician::cli {

namespace {

struct SamplingFlags
{
    QCommandLineOption maxNewTokens{QStringLiteral("max-new-tokens"),
                                    QStringLiteral("Most tokens to generate."),
                                    QStringLiteral("N")};
    QCommandLineOption greedy{QStringLiteral("greedy"),
                              QStringLiteral("Plain greedy decoding without repetition penalty.")};
    QCommandLineOption temperature{QStringLiteral("temperature"),
                                   QStringLiteral("Sampling temperature."), QStringLiteral("T")};
    QCommandLineOption topP{QStringLiteral("top-p"), QStringLiteral("Nucleus sampling mass."),
                            QStringLiteral("P")};
    QCommandLineOption topK{QStringLiteral("top-k"),
                            QStringLiteral("Keep the K most likely tokens."), QStringLiteral("K")};
    QCommandLineOption repetitionPenalty{
            QStringLiteral("repetition-penalty"),
            QStringLiteral("Penalty for tokens already in the sequence."), QStringLiteral("R")};
    QCommandLineOption seed{QStringLiteral("seed"), QStringLiteral("Random seed for sampling."),
                            QStringLiteral("S")};

    void add(QCommandLineParser &parser)
    {
        parser.addOptions({maxNewTokens, greedy, temperature, topP, topK, repetitionPenalty, seed});
    }

    // Defaults come from generation_config.json, as transformers' generate() reads them.
    bool apply(const QCommandLineParser &parser, model::SamplingOptions &options,
               QString *error) const
    {
        if (parser.isSet(greedy)) {
            const int max = options.maxNewTokens;
            const auto stops = options.stopTokenIds;
            options = model::SamplingOptions::greedy();
            options.maxNewTokens = max;
            options.stopTokenIds = stops;
        }
        bool ok = true;
        const auto number = [&](const QCommandLineOption &option) {
            const double value = parser.value(option).toDouble(&ok);
            if (!ok)
                *error = QStringLiteral("--%1 expects a number, not '%2'")
                                 .arg(option.names().first(), parser.value(option));
            return value;
        };
        if (parser.isSet(maxNewTokens))
            options.maxNewTokens = int(number(maxNewTokens));
        if (ok && parser.isSet(temperature)) {
            options.temperature = number(temperature);
            options.doSample = true;
        }
        if (ok && parser.isSet(topP)) {
            options.topP = number(topP);
            options.doSample = true;
        }
        if (ok && parser.isSet(topK)) {
            options.topK = int(number(topK));
            options.doSample = options.topK != 1;
        }
        if (ok && parser.isSet(repetitionPenalty))
            options.repetitionPenalty = number(repetitionPenalty);
        if (ok && parser.isSet(seed))
            options.seed = std::uint64_t(number(seed));
        if (ok && options.maxNewTokens <= 0) {
            *error = QStringLiteral("--max-new-tokens must be positive");
            ok = false;
        }
        return ok;
    }
};

nlohmann::json boxesJson(const model::GroundingResult &result)
{
    nlohmann::json boxes = nlohmann::json::array();
    for (const auto &box : result.answer.boxes) {
        nlohmann::json entry{{"image", box.image},
                             {"norm", {box.x1, box.y1, box.x2, box.y2}},
                             {"phrase", box.phrase}};
        // A box that names no image belongs to the first one (single-image answers say nothing).
        const int image = box.image > 0 ? box.image : 1;
        if (image <= int(result.images.size())) {
            const auto &size = result.images[std::size_t(image - 1)].original;
            const auto pixels = model::toPixels(box, size.width, size.height);
            entry["x1"] = pixels.x1;
            entry["y1"] = pixels.y1;
            entry["x2"] = pixels.x2;
            entry["y2"] = pixels.y2;
        }
        boxes.push_back(entry);
    }
    return boxes;
}

nlohmann::json timingsJson(const model::GroundingResult &result, bool stagesKnown)
{
    const auto stage = [&](double ms) {
        return stagesKnown ? nlohmann::json(ms) : nlohmann::json();
    };
    return {{"preprocess_ms", result.timings.preprocessMs},
            {"vision_ms", stage(result.timings.visionMs)},
            {"prefill_ms", stage(result.timings.prefillMs)},
            {"decode_ms", stage(result.timings.decodeMs)},
            {"generated_tokens",
             result.tokenIds.empty() ? result.timings.decodeSteps : int(result.tokenIds.size())}};
}

// `ran`: {"device", "dtype"} as the engine resolved them (null for a server).
void printResult(const model::GroundingResult &result, const nlohmann::json &timings, bool json,
                 const nlohmann::json &endpoint, bool textPrinted, const nlohmann::json &ran = {})
{
    if (json) {
        nlohmann::json out{{"prompt_tokens", result.promptTokens},
                           {"token_ids", result.tokenIds},
                           {"text", result.text},
                           {"boxes", boxesJson(result)},
                           {"timings", timings}};
        if (!endpoint.is_null())
            out["endpoint"] = endpoint;
        for (const auto &[key, value] : ran.items())
            out[key] = value;
        std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                  << std::endl;
        return;
    }
    std::cout << (textPrinted ? "" : result.text) << "\n";
    for (const auto &box : boxesJson(result))
        std::cout << box.dump() << "\n";
    if (result.answer.boxes.empty())
        std::cout << "(no box: " << result.answer.failure << ")\n";
}

// Runs the query on `backend` (the local engine or an endpoint) and prints what it answered.
int runOnBackend(const QString &command, const QCommandLineParser &parser,
                 ui::GroundingBackend &backend, const SamplingFlags &sampling,
                 const ImageInputs &inputs, bool json)
{
    QString error;
    ui::GroundingQuery query;
    for (const model::RgbImage &image : inputs.images)
        query.images << ui::toQImage(image);
    if (!inputs.limits.empty())
        query.limits = inputs.limits.front();
    query.text = inputs.query;
    model::SamplingOptions options = backend.defaultSampling({});
    if (!sampling.apply(parser, options, &error))
        return fail(command, error);
    query.sampling = options;

    ui::GroundingCallbacks callbacks;
    std::size_t printed = 0;
    // The text as it comes from a server's stream (the local engine's answer is printed whole).
    if (!json && backend.name() == QLatin1String("remote"))
        callbacks.onText = [&](qint64, const QString &textSoFar) {
            const std::string text = textSoFar.toStdString();
            std::cout << text.substr(std::min(printed, text.size())) << std::flush;
            printed = text.size();
        };
    callbacks.onRetry = [&](int attempt, double delay, const QString &why) {
        std::fprintf(stderr, "%s: %s; try %d in %.1f s\n", qPrintable(command), qPrintable(why),
                     attempt, delay);
    };
    const ui::GroundingOutcome outcome = backend.ground(query, callbacks);
    const nlohmann::json about = nlohmann::json::parse(
            QJsonDocument(outcome.about).toJson(QJsonDocument::Compact).toStdString());
    const bool remote = backend.name() == QLatin1String("remote");
    printResult(outcome.result, timingsJson(outcome.result, outcome.stagesKnown), json,
                remote ? about : nlohmann::json(),
                printed > 0 && printed == outcome.result.text.size(),
                remote ? nlohmann::json() : about);
    return 0;
}

nlohmann::json estimateJson(const model::RunEstimate &e, const model::PromptPlan &plan,
                            const QStringList &paths, std::int64_t residentNow)
{
    nlohmann::json images = nlohmann::json::array();
    for (std::size_t i = 0; i < plan.images.size(); ++i) {
        const auto &image = plan.images[i];
        images.push_back({{"path", paths.value(int(i)).toStdString()},
                          {"original_hw", {image.original.height, image.original.width}},
                          {"resized_hw", {image.resized.height, image.resized.width}},
                          {"grid_thw", {image.gridT, image.gridH, image.gridW}},
                          {"tokens", image.tokens}});
    }
    const auto &m = e.memory;
    return {{"dry_run", true},
            {"device", model::deviceName(e.device)},
            {"dtype", model::dtypeName(e.dtype)},
            {"attention", e.attention == model::AttentionPath::Fused ? "fused" : "explicit"},
            {"prompt_tokens", e.promptTokens},
            {"text_tokens", e.textTokens},
            {"image_tokens", e.promptTokens - e.textTokens},
            {"images", images},
            {"max_new_tokens", e.maxNewTokens},
            {"memory",
             {{"weights_bytes", m.weights},
              {"mapped_source_bytes", m.mappedSource},
              {"kv_cache_bytes", m.kvCache},
              {"activations_bytes", m.activations},
              {"runtime_bytes", m.runtime},
              {"total_bytes", m.total()},
              {"available_bytes", e.availableBytes},
              {"additional_bytes", e.additionalBytes(residentNow)},
              {"fits", e.fits(residentNow)}}},
            {"time",
             {{"vision_s", e.time.visionSeconds},
              {"prefill_s", e.time.prefillSeconds},
              {"decode_s", e.time.decodeSeconds},
              {"total_s", e.time.totalSeconds()},
              {"calibrated", e.time.calibrated},
              {"basis", e.time.calibrated ? "this machine's measured speed"
                                          : "token counts only (no run measured yet)"}}}};
}

double gib(std::int64_t bytes)
{
    return double(bytes) / double(1LL << 30);
}

// --dry-run: the estimate for this run from config.json, the tokenizer and the image sizes; the
// weights are not read.
int printEstimate(const QString &command, const QCommandLineParser &parser,
                  const SamplingFlags &sampling, const ImageInputs &inputs, const QString &device,
                  const QString &dtype, bool json)
{
    try {
        const model::RunEstimator estimator(inputs.modelDir.toStdString());
        model::SamplingOptions options
                = model::SamplingOptions::fromGenerationConfig(estimator.generation());
        QString error;
        if (!sampling.apply(parser, options, &error))
            return fail(command, error);
        std::vector<model::ImageSize> sizes;
        for (const auto &image : inputs.images)
            sizes.push_back({image.height, image.width});
        const auto plan = estimator.plan(sizes, inputs.limits, inputs.query.toStdString());
        const model::Device onDevice = model::parseDevice(device.toStdString());
        const model::DType requested = model::parseDType(dtype.toStdString());
        const model::DType resolved = model::resolveDType(requested, estimator.config(), onDevice);
        // A `ground` run is a new process: everything is still to be found (this one only
        // estimates).
        const std::int64_t resident = 0;
        const auto estimate
                = estimator.estimate(plan, options.maxNewTokens, onDevice, requested,
                                     ui::SpeedCalibrationStore::load(onDevice, resolved));
        if (json) {
            std::cout << estimateJson(estimate, plan, inputs.imagePaths, resident).dump()
                      << std::endl;
            return 0;
        }
        std::printf("%d prompt tokens (%d text", estimate.promptTokens, estimate.textTokens);
        for (std::size_t i = 0; i < estimate.imageTokens.size(); ++i)
            std::printf(", image %zu: %d", i + 1, estimate.imageTokens[i]);
        std::printf("), up to %d new\n", estimate.maxNewTokens);
        std::printf("memory: %.2f GiB (weights %.2f, KV cache %.2f, activations %.2f, runtime "
                    "%.2f) on %s in %s; %.2f GiB available\n",
                    gib(estimate.memory.total()),
                    gib(estimate.memory.weights + estimate.memory.mappedSource),
                    gib(estimate.memory.kvCache), gib(estimate.memory.activations),
                    gib(estimate.memory.runtime), model::deviceName(onDevice),
                    model::dtypeName(resolved), gib(estimate.availableBytes));
        std::printf("time: %.1f s (vision %.1f, prefill %.1f, decode %.1f)%s\n",
                    estimate.time.totalSeconds(), estimate.time.visionSeconds,
                    estimate.time.prefillSeconds, estimate.time.decodeSeconds,
                    estimate.time.calibrated ? ""
                                             : " - from token counts only, no run measured yet");
        return 0;
    } catch (const std::exception &exception) {
        return fail(command, QString::fromUtf8(exception.what()));
    }
}

} // namespace

int runGround(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
            QStringLiteral("Ground a query in images with the Migician model, here or on a "
                           "server (--endpoint)."));
    parser.addHelpOption();
    ImageInputs inputs;
    inputs.addOptions(parser);
    SamplingFlags sampling;
    sampling.add(parser);
    EndpointFlags endpoint;
    endpoint.add(parser);
    const QCommandLineOption device(QStringLiteral("device"), QStringLiteral("cpu or cuda."),
                                    QStringLiteral("D"), QStringLiteral("cpu"));
    const QCommandLineOption dtype(QStringLiteral("dtype"),
                                   QStringLiteral("auto (the checkpoint's own dtype: bfloat16 for "
                                                  "Migician), float32, bfloat16 or float16."),
                                   QStringLiteral("T"), QStringLiteral("auto"));
    const QCommandLineOption threads(QStringLiteral("threads"),
                                     QStringLiteral("CPU threads (default: all cores)."),
                                     QStringLiteral("N"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print one JSON object."));
    const QCommandLineOption dryRun(
            QStringLiteral("dry-run"),
            QStringLiteral("Print the estimate (tokens, memory, time) without loading the "
                           "weights."));
    parser.addOptions({device, dtype, threads, json, dryRun});
    parser.process(arguments);
    const QString command = arguments.first();

    QString error;
    inputs.modelOptional = parser.isSet(endpoint.endpoint);
    if (!inputs.read(parser, &error))
        return fail(command, error);
    if (parser.isSet(endpoint.endpoint)) {
        if (parser.isSet(dryRun))
            return fail(command, QStringLiteral("--dry-run estimates a local run; it does not "
                                                "apply to --endpoint"));
        try {
            ui::EndpointSettings settings;
            if (!endpoint.read(parser, &settings, &error))
                return fail(command, error);
            const auto backend
                    = ui::makeRemoteBackend(settings, ui::remoteGenerationConfig(inputs.modelDir));
            return runOnBackend(command, parser, *backend, sampling, inputs, parser.isSet(json));
        } catch (const std::exception &exception) {
            return fail(command, QString::fromUtf8(exception.what()));
        }
    }
    if (parser.isSet(dryRun))
        return printEstimate(command, parser, sampling, inputs, parser.value(device),
                             parser.value(dtype), parser.isSet(json));
    model::keepFreedMemoryForReuse();
    try {
        model::EngineOptions options;
        options.modelDir = inputs.modelDir.toStdString();
        options.device = model::parseDevice(parser.value(device).toStdString());
        options.dtype = model::parseDType(parser.value(dtype).toStdString());
        options.threads = parser.value(threads).toInt();
        const auto backend
                = ui::makeMigicianBackend(std::make_shared<model::SharedEngine>(), options);
        return runOnBackend(command, parser, *backend, sampling, inputs, parser.isSet(json));
    } catch (const std::exception &exception) {
        return fail(command, QString::fromUtf8(exception.what()));
    }
}

} // namespace migician::cli
