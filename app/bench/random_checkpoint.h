// Writes a random-weight checkpoint folder of any Qwen2-VL config in the real format (bf16 shards
// of at most ~5 GB, model.safetensors.index.json, config.json), so that loading the full-size
// model can be measured without the real weights. Never use its output as an answer.
#pragma once

#include <cstdint>
#include <string>

namespace migician::bench {

// Returns the total bytes of tensor data written.
std::uint64_t writeRandomCheckpoint(const std::string &configPath, const std::string &dir,
                                    std::uint64_t seed);

} // namespace migician::bench
