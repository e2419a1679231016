// `migician tokenize --tokenizer FILE`: JSON lines {"text": ...} on stdin -> {"ids": [...]}.
#include "cli_command.h"
#include "json_lines.h"

#include "model/tokenizer.h"

#include <QCommandLineParser>

#include <iostream>
#include <stdexcept>

namespace migician::cli {

int runTokenize(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
            "Tokenizes JSON lines {\"text\": ...} read from stdin and writes one line "
            "{\"ids\": [...]} per input line (null for a malformed line)."));
    parser.addHelpOption();
    const QCommandLineOption tokenizerOption(QStringLiteral("tokenizer"),
                                             QStringLiteral("The tokenizer.json to use."),
                                             QStringLiteral("FILE"));
    parser.addOption(tokenizerOption);
    parser.process(arguments);
    if (!parser.isSet(tokenizerOption)) {
        std::cerr << "migician tokenize: --tokenizer FILE is required\n";
        return 2;
    }

    std::shared_ptr<const model::Tokenizer> tokenizer;
    try {
        tokenizer = model::Tokenizer::fromFile(parser.value(tokenizerOption).toStdString());
    } catch (const std::exception &e) {
        std::cerr << "migician tokenize: " << e.what() << '\n';
        return 1;
    }
    return runJsonLines("tokenize", [&](const nlohmann::json &input) {
        if (!input.is_object() || !input.contains("text") || !input.at("text").is_string())
            throw std::runtime_error("expected an object with a string \"text\"");
        return nlohmann::ordered_json{
                {"ids", tokenizer->encode(input.at("text").get<std::string>())}};
    });
}

} // namespace migician::cli
