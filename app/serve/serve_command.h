// `migician serve` and the engine-only `migician-serve`: the same flags, the same behaviour.
//   --model DIR [--host 127.0.0.1] [--port 8000] [--served-model NAME] [--device cpu|cuda]
//   [--dtype float32|bfloat16|float16] [--threads N] [--api-key-file F] and the limits
//   [--queue N] [--max-body-mb N] [--max-images N] [--max-image-pixels N] [--max-tokens N]
// The first line on stdout is `listening on http://HOST:PORT` (with --port 0 the OS picks the
// port), everything else goes to stderr. SIGTERM or SIGINT cancels the running generation,
// answers every waiting client and exits with 0.
#pragma once

#include <string>
#include <vector>

namespace migician::serve {

// `program` names the command in messages; `arguments` excludes it. Returns the exit code.
int runServeCommand(const std::string &program, const std::vector<std::string> &arguments);

} // namespace migician::serve
