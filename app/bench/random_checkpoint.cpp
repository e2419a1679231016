#include "random_checkpoint.h"

#include "model/model_config.h"
#include "model/model_error.h"
#include "model/qwen2vl_weights.h"

#include <nlohmann/json.hpp>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <vector>

namespace fs = std::filesystem;

namespace migician::bench {

namespace {

constexpr std::uint64_t kShardBytes = 5'000'000'000ULL;

// Small random bf16 values (|x| < 0.03) from a xorshift generator: fast enough for 16 GB.
void fillRandomBf16(std::vector<std::uint16_t> &out, std::uint64_t &state)
{
    for (auto &value : out) {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        const float f = (float(state >> 40) / float(1 << 24) - 0.5f) * 0.06f;
        std::uint32_t bits;
        std::memcpy(&bits, &f, sizeof bits);
        value = std::uint16_t(bits >> 16);
    }
}

struct Shard
{
    std::vector<model::ExpectedTensor> tensors;
    std::uint64_t bytes = 0;
};

} // namespace

std::uint64_t writeRandomCheckpoint(const std::string &configPath, const std::string &dir,
                                    std::uint64_t seed)
{
    const auto config = model::ModelConfig::fromFile(configPath);
    fs::create_directories(dir);
    fs::copy_file(configPath, fs::path(dir) / "config.json", fs::copy_options::overwrite_existing);

    std::vector<Shard> shards(1);
    for (const auto &tensor : model::expectedTensors(config)) {
        if (tensor.optional)
            continue;
        std::uint64_t bytes = 2;
        for (auto d : tensor.shape)
            bytes *= std::uint64_t(d);
        if (shards.back().bytes > 0 && shards.back().bytes + bytes > kShardBytes)
            shards.emplace_back();
        shards.back().tensors.push_back(tensor);
        shards.back().bytes += bytes;
    }

    nlohmann::json weightMap = nlohmann::json::object();
    std::uint64_t total = 0;
    std::uint64_t state = seed * 0x9E3779B97F4A7C15ULL + 1;
    std::vector<std::uint16_t> buffer;
    for (std::size_t s = 0; s < shards.size(); ++s) {
        char name[64];
        std::snprintf(name, sizeof name, "model-%05zu-of-%05zu.safetensors", s + 1, shards.size());
        nlohmann::json header = nlohmann::json::object();
        std::uint64_t offset = 0;
        for (const auto &tensor : shards[s].tensors) {
            std::uint64_t bytes = 2;
            for (auto d : tensor.shape)
                bytes *= std::uint64_t(d);
            header[tensor.name] = {{"dtype", "BF16"},
                                   {"shape", tensor.shape},
                                   {"data_offsets", {offset, offset + bytes}}};
            offset += bytes;
            weightMap[tensor.name] = name;
        }
        std::string text = header.dump();
        text.append((8 - text.size() % 8) % 8, ' '); // data starts 8-byte aligned
        std::ofstream out(fs::path(dir) / name, std::ios::binary | std::ios::trunc);
        const std::uint64_t length = text.size();
        out.write(reinterpret_cast<const char *>(&length), 8);
        out << text;
        for (const auto &tensor : shards[s].tensors) {
            std::uint64_t count = 1;
            for (auto d : tensor.shape)
                count *= std::uint64_t(d);
            for (std::uint64_t done = 0; done < count;) {
                const std::uint64_t chunk = std::min<std::uint64_t>(count - done, 64ULL << 20);
                buffer.resize(chunk);
                fillRandomBf16(buffer, state);
                out.write(reinterpret_cast<const char *>(buffer.data()),
                          std::streamsize(chunk * 2));
                done += chunk;
            }
        }
        if (!out)
            throw model::ModelError((fs::path(dir) / name).string(),
                                    "could not be written (disk full?)");
        total += offset;
    }
    const nlohmann::json index{{"metadata", {{"total_size", total}}}, {"weight_map", weightMap}};
    std::ofstream(fs::path(dir) / "model.safetensors.index.json") << index.dump(2);
    return total;
}

} // namespace migician::bench
