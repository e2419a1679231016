// `migician ground`: runs the Migician model on images and a query and prints the answer and its
// boxes (in each original image's pixels and normalised), optionally as one JSON object. With
// --endpoint the model runs on an OpenAI-compatible server instead; the JSON has the same fields
// (token_ids empty when the server sends none, stage timings null when it does not report them)
// plus an "endpoint" object.
#include "cli_command.h"
#include "image_inputs.h"

#include "model/allocator_tuning.h"
#include "model/engine.h"
#include "ui/remote_endpoint.h"

#include <QCommandLineParser>
#include <QFile>

#include <nlohmann/json.hpp>

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

void printResult(const model::GroundingResult &result, const nlohmann::json &timings, bool json,
                 const nlohmann::json &endpoint, bool textPrinted)
{
    if (json) {
        nlohmann::json out{{"prompt_tokens", result.promptTokens},
                           {"token_ids", result.tokenIds},
                           {"text", result.text},
                           {"boxes", boxesJson(result)},
                           {"timings", timings}};
        if (!endpoint.is_null())
            out["endpoint"] = endpoint;
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

struct EndpointFlags
{
    QCommandLineOption endpoint{QStringLiteral("endpoint"),
                                QStringLiteral("Run on an OpenAI-compatible server (vLLM, SGLang, "
                                               "llama.cpp, migician serve) at this base URL."),
                                QStringLiteral("URL")};
    QCommandLineOption servedModel{
            QStringLiteral("served-model"),
            QStringLiteral("Model name on the server (default: the first of GET /v1/models)."),
            QStringLiteral("NAME")};
    QCommandLineOption apiKeyFile{QStringLiteral("api-key-file"),
                                  QStringLiteral("File holding the API key (default: the "
                                                 "MIGICIAN_API_KEY environment variable)."),
                                  QStringLiteral("FILE")};
    QCommandLineOption noStream{QStringLiteral("no-stream"),
                                QStringLiteral("Ask for the whole answer at once instead of a "
                                               "token stream.")};
    QCommandLineOption connectTimeout{QStringLiteral("connect-timeout"),
                                      QStringLiteral("Seconds to wait for a connection (10)."),
                                      QStringLiteral("S")};
    QCommandLineOption idleTimeout{QStringLiteral("idle-timeout"),
                                   QStringLiteral("Seconds the server may stay silent (600)."),
                                   QStringLiteral("S")};
    QCommandLineOption caCert{QStringLiteral("ca-cert"),
                              QStringLiteral("CA bundle for an https endpoint with a private CA."),
                              QStringLiteral("FILE")};
    QCommandLineOption retries{QStringLiteral("retries"),
                               QStringLiteral("Tries in all when the server is busy (429/503; "
                                              "default 5)."),
                               QStringLiteral("N")};

    void add(QCommandLineParser &parser)
    {
        parser.addOptions({endpoint, servedModel, apiKeyFile, noStream, connectTimeout, idleTimeout,
                           caCert, retries});
    }

    bool read(const QCommandLineParser &parser, ui::EndpointSettings *settings,
              QString *error) const
    {
        settings->baseUrl = parser.value(endpoint).toStdString();
        settings->servedModel = parser.value(servedModel).toStdString();
        settings->stream = !parser.isSet(noStream);
        settings->caCertFile = parser.value(caCert).toStdString();
        const auto positive = [&](const QCommandLineOption &option, double *out) {
            if (!parser.isSet(option))
                return true;
            bool ok = false;
            const double value = parser.value(option).toDouble(&ok);
            if (!ok || value <= 0) {
                *error = QStringLiteral("--%1 expects a positive number, not '%2'")
                                 .arg(option.names().first(), parser.value(option));
                return false;
            }
            *out = value;
            return true;
        };
        double tries = settings->retry.maxAttempts;
        if (!positive(connectTimeout, &settings->connectTimeoutSeconds)
            || !positive(idleTimeout, &settings->idleTimeoutSeconds) || !positive(retries, &tries))
            return false;
        settings->retry.maxAttempts = int(tries);
        settings->apiKey = ui::loadApiKey(parser.value(apiKeyFile).toStdString());
        return true;
    }
};

// The sampling defaults: the checkpoint's generation_config.json when --model names a folder
// (only that file is read), else the one Qwen2-VL and Migician ship.
model::SamplingOptions remoteSamplingDefaults(const QString &modelDir)
{
    const QString file = modelDir + QStringLiteral("/generation_config.json");
    if (!modelDir.isEmpty() && QFile::exists(file))
        return model::SamplingOptions::fromGenerationConfig(
                model::GenerationConfig::fromFile(file.toStdString()));
    return model::SamplingOptions::fromGenerationConfig(ui::publishedGenerationConfig());
}

int runOnEndpoint(const QString &command, const QCommandLineParser &parser,
                  const EndpointFlags &flags, const SamplingFlags &sampling, ImageInputs &inputs,
                  bool json)
{
    QString error;
    ui::EndpointSettings settings;
    if (!flags.read(parser, &settings, &error))
        return fail(command, error);
    model::GroundingRequest request;
    request.images = std::move(inputs.images);
    request.limits = inputs.limits;
    request.query = inputs.query.toStdString();
    request.sampling = remoteSamplingDefaults(inputs.modelDir);
    if (!sampling.apply(parser, request.sampling, &error))
        return fail(command, error);

    const ui::RemoteEndpoint endpoint(settings);
    ui::RemoteCallbacks callbacks;
    std::size_t printed = 0;
    if (!json)
        callbacks.onText = [&](const std::string &textSoFar) {
            std::cout << textSoFar.substr(std::min(printed, textSoFar.size())) << std::flush;
            printed = textSoFar.size();
        };
    callbacks.onRetry = [&](int attempt, double delay, const std::string &why) {
        std::fprintf(stderr, "%s: %s; try %d in %.1f s\n", qPrintable(command), why.c_str(),
                     attempt, delay);
    };
    const ui::RemoteGroundingResult remote = endpoint.ground(request, callbacks);
    const nlohmann::json about{{"url", endpoint.url().display()},
                               {"served_model", remote.servedModel},
                               {"finish_reason", remote.finishReason},
                               {"request_ms", remote.requestMs},
                               {"attempts", remote.attempts}};
    printResult(remote.result, timingsJson(remote.result, remote.serverTimings), json, about,
                printed > 0 && printed == remote.result.text.size());
    return 0;
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
    parser.addOptions({device, dtype, threads, json});
    parser.process(arguments);
    const QString command = arguments.first();

    QString error;
    inputs.modelOptional = parser.isSet(endpoint.endpoint);
    if (!inputs.read(parser, &error))
        return fail(command, error);
    if (parser.isSet(endpoint.endpoint)) {
        try {
            return runOnEndpoint(command, parser, endpoint, sampling, inputs, parser.isSet(json));
        } catch (const std::exception &exception) {
            return fail(command, QString::fromUtf8(exception.what()));
        }
    }
    model::keepFreedMemoryForReuse();
    try {
        model::EngineOptions options;
        options.modelDir = inputs.modelDir.toStdString();
        options.device = model::parseDevice(parser.value(device).toStdString());
        options.dtype = model::parseDType(parser.value(dtype).toStdString());
        options.threads = parser.value(threads).toInt();
        auto engine = model::Engine::load(options);

        model::GroundingRequest request;
        request.images = std::move(inputs.images);
        request.limits = inputs.limits;
        request.query = inputs.query.toStdString();
        request.sampling = model::SamplingOptions::fromGenerationConfig(engine->generationConfig());
        if (!sampling.apply(parser, request.sampling, &error))
            return fail(command, error);
        const auto result = engine->ground(request);
        printResult(result, timingsJson(result, true), parser.isSet(json), nullptr, false);
        return 0;
    } catch (const std::exception &exception) {
        return fail(command, QString::fromUtf8(exception.what()));
    }
}

} // namespace migician::cli
