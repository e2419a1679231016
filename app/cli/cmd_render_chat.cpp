// `migician render-chat --model DIR`: JSON lines {"messages": [...], "add_generation_prompt": bool,
// "add_vision_id": bool} on stdin -> {"rendered": ..., "ids": [...]} with DIR/tokenizer.json.
#include "cli_command.h"
#include "json_lines.h"

#include "model/chat_prompt.h"
#include "model/tokenizer.h"

#include <QCommandLineParser>
#include <QDir>

#include <iostream>
#include <stdexcept>

namespace migician::cli {

namespace {

bool optionalFlag(const nlohmann::json &input, const char *key)
{
    if (!input.contains(key))
        return false;
    if (!input.at(key).is_boolean())
        throw std::runtime_error(std::string("\"") + key + "\" must be true or false");
    return input.at(key).get<bool>();
}

} // namespace

int runRenderChat(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
            "Renders conversations with the Qwen2-VL chat template and tokenizes them. Reads JSON "
            "lines "
            "{\"messages\": [...], \"add_generation_prompt\": true, \"add_vision_id\": false} from "
            "stdin "
            "and writes one line {\"rendered\": ..., \"ids\": [...]} per input line (null for a "
            "malformed line)."));
    parser.addHelpOption();
    const QCommandLineOption modelOption(QStringLiteral("model"),
                                         QStringLiteral("The model folder holding tokenizer.json."),
                                         QStringLiteral("DIR"));
    parser.addOption(modelOption);
    parser.process(arguments);
    if (!parser.isSet(modelOption)) {
        std::cerr << "migician render-chat: --model DIR is required\n";
        return 2;
    }

    std::shared_ptr<const model::Tokenizer> tokenizer;
    try {
        tokenizer = model::Tokenizer::fromFile(QDir(parser.value(modelOption))
                                                       .filePath(QStringLiteral("tokenizer.json"))
                                                       .toStdString());
    } catch (const std::exception &e) {
        std::cerr << "migician render-chat: " << e.what() << '\n';
        return 1;
    }
    return runJsonLines("render-chat", [&](const nlohmann::json &input) {
        if (!input.is_object() || !input.contains("messages"))
            throw std::runtime_error("expected an object with \"messages\"");
        const auto messages = model::chatMessagesFromJson(input.at("messages").dump());
        const std::string rendered
                = model::renderChat(messages, optionalFlag(input, "add_generation_prompt"),
                                    optionalFlag(input, "add_vision_id"));
        nlohmann::ordered_json output; // keys in the documented order
        output["rendered"] = rendered;
        output["ids"] = tokenizer->encode(rendered);
        return output;
    });
}

} // namespace migician::cli
