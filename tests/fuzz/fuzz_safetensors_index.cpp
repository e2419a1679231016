// Fuzz target: model.safetensors.index.json (model/safetensors.h, parseSafetensorsIndex).
// Invariants: only ModelError escapes, naming the index file; every shard it accepts is a relative
// path that stays inside the checkpoint folder.
#include "fuzz_support.h"

#include "model/model_error.h"
#include "model/safetensors.h"

using namespace migician;

namespace {

// Whether `shard`, read relative to the checkpoint folder, stays inside it.
bool staysInside(const std::string &shard)
{
    if (shard.empty() || shard.front() == '/' || shard.find('\0') != std::string::npos)
        return false;
    int depth = 0;
    std::size_t begin = 0;
    while (begin <= shard.size()) {
        std::size_t end = shard.find('/', begin);
        if (end == std::string::npos)
            end = shard.size();
        const std::string part = shard.substr(begin, end - begin);
        if (part == "..")
            --depth;
        else if (!part.empty() && part != ".")
            ++depth;
        if (depth < 0)
            return false;
        begin = end + 1;
    }
    return depth > 0;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string text(fuzz::asText(data, size));
    std::map<std::string, std::string> shards;
    try {
        shards = model::parseSafetensorsIndex(text, "model.safetensors.index.json");
    } catch (const model::ModelError &error) {
        FUZZ_CHECK(error.subject() == "model.safetensors.index.json",
                   "error does not name the index");
        return 0;
    }
    for (const auto &[tensor, shard] : shards)
        FUZZ_CHECK(staysInside(shard),
                   "shard \"" + shard + "\" of " + tensor + " leaves the checkpoint folder");
    return 0;
}
