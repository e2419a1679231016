// `migician ground`: runs the Migician model on images and a query and prints the answer and its
// boxes (in each original image's pixels and normalised), optionally as one JSON object.
#include "cli_command.h"
#include "image_inputs.h"

#include "model/allocator_tuning.h"
#include "model/engine.h"

#include <QCommandLineParser>

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

} // namespace

int runGround(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
            QStringLiteral("Ground a query in images with the Migician model."));
    parser.addHelpOption();
    ImageInputs inputs;
    inputs.addOptions(parser);
    SamplingFlags sampling;
    sampling.add(parser);
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
    if (!inputs.read(parser, &error))
        return fail(command, error);
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

        const nlohmann::json timings{{"preprocess_ms", result.timings.preprocessMs},
                                     {"vision_ms", result.timings.visionMs},
                                     {"prefill_ms", result.timings.prefillMs},
                                     {"decode_ms", result.timings.decodeMs},
                                     {"generated_tokens", result.tokenIds.size()}};
        if (parser.isSet(json)) {
            const nlohmann::json out{{"prompt_tokens", result.promptTokens},
                                     {"token_ids", result.tokenIds},
                                     {"text", result.text},
                                     {"boxes", boxesJson(result)},
                                     {"timings", timings}};
            std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                      << std::endl;
        } else {
            std::cout << result.text << "\n";
            for (const auto &box : boxesJson(result))
                std::cout << box.dump() << "\n";
            if (result.answer.boxes.empty())
                std::cout << "(no box: " << result.answer.failure << ")\n";
        }
        return 0;
    } catch (const std::exception &exception) {
        return fail(command, QString::fromUtf8(exception.what()));
    }
}

} // namespace migician::cli
