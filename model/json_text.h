// nlohmann::json::parse behind a nesting limit. The library parses any depth without recursion,
// but copying, comparing or printing a value recurses once per level, so a file nested 100,000
// levels deep (200 kB of brackets) parses and then overflows the stack. Every JSON text the engine
// reads goes through here.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace migician::model {

// Far deeper than any file or request the engine reads (tokenizer.json nests 6 levels).
inline constexpr int kMaxJsonDepth = 64;

// Throws ModelError(subject, "<malformed>: ...") for invalid JSON and ModelError(subject, "JSON is
// nested deeper than 64 levels") for deep nesting.
nlohmann::json parseJsonText(std::string_view text, const std::string &subject,
                             const char *malformed = "malformed JSON");

} // namespace migician::model
