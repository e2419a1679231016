#include "model/json_text.h"

#include "model/model_error.h"

#include <algorithm>

namespace migician::model {

namespace {

// The deepest nesting of arrays and objects, ignoring brackets inside strings. Malformed text is
// left to the parser.
int nestingDepth(std::string_view text)
{
    int depth = 0;
    int deepest = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i; // the escaped character cannot end the string
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            deepest = std::max(deepest, ++depth);
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return deepest;
}

} // namespace

nlohmann::json parseJsonText(std::string_view text, const std::string &subject,
                             const char *malformed)
{
    if (nestingDepth(text) > kMaxJsonDepth)
        throw ModelError(subject,
                         "JSON is nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
    try {
        return nlohmann::json::parse(text.begin(), text.end());
    } catch (const nlohmann::json::exception &error) {
        throw ModelError(subject, std::string(malformed) + ": " + error.what());
    }
}

} // namespace migician::model
