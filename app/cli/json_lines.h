// The JSON-lines loop shared by the stdin-driven commands: one JSON object per input line, one
// compact JSON result per output line, so that outputs stay aligned with inputs.
#pragma once

#include <nlohmann/json.hpp>

#include <functional>

namespace migician::cli {

// Calls `handle` for every line of stdin and writes its result as one line of stdout. A line that
// is not JSON, or whose handler throws, is reported on stderr with its line number and answered by
// `null`. Returns the exit code: 0 when every line succeeded, 1 otherwise.
int runJsonLines(const char *commandName,
                 const std::function<nlohmann::ordered_json(const nlohmann::json &)> &handle);

} // namespace migician::cli
