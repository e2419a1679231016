// `migician prompt`: shows exactly what the engine would run for some images and a query (rendered
// prompt, token ids, each image's resized size and grid) without loading any weights.
#include "cli_command.h"
#include "image_inputs.h"

#include "model/model_config.h"
#include "model/prompt_builder.h"
#include "model/tokenizer.h"

#include <QCommandLineParser>
#include <QDir>

#include <nlohmann/json.hpp>

#include <iostream>

namespace migician::cli {

int runPrompt(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
            QStringLiteral("Render the prompt and inputs for images and a query."));
    parser.addHelpOption();
    ImageInputs inputs;
    inputs.addOptions(parser);
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print one JSON object."));
    parser.addOption(json);
    parser.process(arguments);
    const QString command = arguments.first();

    QString error;
    if (!inputs.read(parser, &error))
        return fail(command, error);
    try {
        const QDir dir(inputs.modelDir);
        const auto tokenizer = model::Tokenizer::fromFile(
                dir.filePath(QStringLiteral("tokenizer.json")).toStdString());
        const QString preprocessorPath = dir.filePath(QStringLiteral("preprocessor_config.json"));
        const auto preprocessor
                = QFile::exists(preprocessorPath)
                          ? model::PreprocessorConfig::fromFile(preprocessorPath.toStdString())
                          : model::PreprocessorConfig{};
        const auto built = model::buildPromptInputs(*tokenizer, preprocessor, inputs.images,
                                                    inputs.limits, inputs.query.toStdString());
        nlohmann::json images = nlohmann::json::array();
        for (std::size_t i = 0; i < built.images.size(); ++i) {
            const auto &image = built.images[i];
            images.push_back({{"path", inputs.imagePaths.at(int(i)).toStdString()},
                              {"original_hw", {image.original.height, image.original.width}},
                              {"resized_hw", {image.resized.height, image.resized.width}},
                              {"grid_thw", {image.gridT, image.gridH, image.gridW}},
                              {"tokens", image.tokenCount(preprocessor.mergeSize)}});
        }
        const nlohmann::json out{
                {"prompt", built.prompt}, {"input_ids", built.ids}, {"images", images}};
        if (parser.isSet(json)) {
            std::cout << out.dump() << std::endl;
        } else {
            std::cout << built.prompt << "\n" << built.ids.size() << " tokens\n";
            for (const auto &image : images)
                std::cout << image.dump() << "\n";
        }
        return 0;
    } catch (const std::exception &exception) {
        return fail(command, QString::fromUtf8(exception.what()));
    }
}

} // namespace migician::cli
