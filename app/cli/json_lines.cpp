#include "json_lines.h"

#include "model/json_text.h"

#include <cstdio>
#include <iostream>
#include <string>

namespace migician::cli {

int runJsonLines(const char *commandName,
                 const std::function<nlohmann::ordered_json(const nlohmann::json &)> &handle)
{
    std::ios::sync_with_stdio(false);
    int failures = 0;
    long long lineNumber = 0;
    std::string line;
    while (std::getline(std::cin, line)) {
        ++lineNumber;
        std::string output = "null";
        try {
            output = handle(model::parseJsonText(line, {})).dump();
        } catch (const std::exception &e) {
            ++failures;
            std::cerr << "migician " << commandName << ": stdin line " << lineNumber << ": "
                      << e.what() << '\n';
        }
        std::cout << output << '\n';
        // Flushed per line so that a caller can drive the command interactively.
        std::cout.flush();
    }
    return failures == 0 ? 0 : 1;
}

} // namespace migician::cli
