// Inputs that fuzzing (tests/fuzz) showed to crash, overflow or exhaust memory, each now refused
// with a ModelError naming the file and the problem. The same inputs are kept as regression files
// in tests/fuzz/corpus/<target>/regress-*, replayed under the sanitizers in CI.
#include "model/chat_prompt.h"
#include "model/image_preprocess.h"
#include "model/json_text.h"
#include "model/model_config.h"
#include "model/safetensors.h"
#include "model/tokenizer.h"
#include "tests/model/io_test_support.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace migician::model;
using migician::test::errorOf;
using migician::test::fixturePath;
using migician::test::readBytes;
using nlohmann::json;

namespace {

bool contains(const std::string &text, const std::string &part)
{
    return text.find(part) != std::string::npos;
}

std::string nested(int depth, const std::string &inner = "1")
{
    return std::string(std::size_t(depth), '[') + inner + std::string(std::size_t(depth), ']');
}

json tinyConfig()
{
    return json::parse(readBytes(fixturePath("config.json")));
}

// A safetensors file: 8-byte little-endian header length, header, data.
std::string safetensorsBytes(const std::string &header, const std::string &data = {})
{
    std::string bytes(8, '\0');
    for (int i = 0; i < 8; ++i)
        bytes[std::size_t(i)] = char((std::uint64_t(header.size()) >> (8 * i)) & 0xFF);
    return bytes + header + data;
}

} // namespace

TEST_CASE("hostile input: JSON nested 100,000 deep is refused before it can overflow the stack")
{
    // Parsing such a text works; copying or printing the value recursed once per level.
    const std::string deep = nested(100000);
    CHECK(contains(errorOf([&] { parseJsonText(deep, "x.json"); }),
                   "x.json: JSON is nested deeper than 64 levels"));
    CHECK(contains(errorOf([&] { chatMessagesFromJson("{\"messages\": " + deep + "}"); }),
                   "nested deeper"));
    CHECK(contains(errorOf([&] { Tokenizer::fromJsonText(deep, "tokenizer.json"); }),
                   "tokenizer.json: JSON is nested"));
    CHECK(contains(errorOf([&] { ModelConfig::fromJsonText(deep, "config.json"); }),
                   "config.json: JSON is nested"));
    const std::string header = safetensorsBytes("{\"a\": {\"shape\": " + nested(5000) + "}}");
    CHECK(contains(errorOf([&] {
                       parseSafetensors(reinterpret_cast<const unsigned char *>(header.data()),
                                        header.size(), "deep.safetensors");
                   }),
                   "deep.safetensors: JSON is nested"));
    // Brackets inside strings do not count; ordinary files nest a few levels.
    CHECK(parseJsonText("{\"text\": \"" + std::string(1000, '[') + "\"}", "s").is_object());
    CHECK(parseJsonText(nested(64), "s").is_array());
}

TEST_CASE("hostile input: mrope_section values that overflow int when summed")
{
    json config = tinyConfig();
    config["rope_scaling"]["mrope_section"] = {2147483647, 2147483647, 2};
    CHECK(contains(errorOf([&] { ModelConfig::fromJsonText(config.dump(), "config.json"); }),
                   "must be three integers summing to head_dim / 2 = 8"));
}

TEST_CASE("hostile input: layer counts that would build billions of tensor names")
{
    json config = tinyConfig();
    config["num_hidden_layers"] = 2000000000;
    CHECK(contains(errorOf([&] { ModelConfig::fromJsonText(config.dump(), "config.json"); }),
                   "config.json: \"num_hidden_layers\" must be at most 512"));
    config = tinyConfig();
    config["vision_config"]["depth"] = 513;
    CHECK(contains(errorOf([&] { ModelConfig::fromJsonText(config.dump(), "config.json"); }),
                   "\"vision_config.depth\" must be at most 512"));
}

TEST_CASE("hostile input: preprocessor sizes whose products overflow int")
{
    const auto error = errorOf([] {
        PreprocessorConfig::fromJsonText(R"({"patch_size": 100000, "merge_size": 100000})",
                                         "preprocessor_config.json");
    });
    CHECK(contains(error, "preprocessor_config.json: \"patch_size\" must be at most 256"));
    CHECK(contains(errorOf([] {
                       PreprocessorConfig::fromJsonText(R"({"temporal_patch_size": 17})", "p.json");
                   }),
                   "\"temporal_patch_size\" must be at most 16"));
}

TEST_CASE("hostile input: min_pixels that would enlarge an image past 400 megapixels")
{
    // The enlarged sides no longer fit in an int; refused instead of converted.
    const ResizeLimits limits{std::int64_t(9e18), std::int64_t(9.2e18)};
    CHECK(contains(errorOf([&] { smartResize(43, 61, limits); }),
                   "would be enlarged beyond the 400 megapixel limit"));
}

TEST_CASE("hostile input: token ids that would allocate a table of billions of strings")
{
    const std::string vocab
            = R"({"model": {"type": "BPE", "vocab": {"a": 2147483647}, "merges": []}})";
    CHECK(contains(errorOf([&] { Tokenizer::fromJsonText(vocab, "tokenizer.json"); }),
                   "model.vocab entry \"a\" has no valid id (0..4194303)"));
    // Above int32: it used to wrap around to a negative id and index before the table.
    const std::string added = R"({"model": {"vocab": {"a": 0}, "merges": []},
        "added_tokens": [{"id": 4294967296, "content": "<x>"}]})";
    CHECK(contains(errorOf([&] { Tokenizer::fromJsonText(added, "tokenizer.json"); }),
                   "malformed added_tokens entry"));
}

TEST_CASE("hostile input: a long whitespace run encodes (ICU's backtracking stack was too small)")
{
    // `\s+(?!\S)` of the Qwen2 pattern ran out of ICU's default 8 MB stack at about 300,000 spaces.
    const auto tokenizer = Tokenizer::fromFile(fixturePath("tokenizer.json"));
    const std::string spaces(std::size_t(1) << 20, ' ');
    const auto ids = tokenizer->encode(spaces + "x");
    CHECK(tokenizer->decode(ids, false) == spaces + "x");
}

TEST_CASE("hostile input: a pre-tokenizer regex that backtracks exponentially gives up")
{
    const std::string file = R"({"model": {"vocab": {"a": 0, "b": 1}, "merges": []},
        "pre_tokenizer": {"type": "Split", "pattern": {"Regex": "(a+)+$"}, "behavior": "Isolated"}})";
    const auto tokenizer = Tokenizer::fromJsonText(file, "tokenizer.json");
    CHECK(tokenizer->encode("aab") == std::vector<TokenId>{0, 0, 1});
    const auto error = errorOf([&] { tokenizer->encode(std::string(40, 'a') + "b"); });
    CHECK(contains(error, "tokenizer.json: the pre-tokenizer regex gave up"));
}

TEST_CASE("hostile input: index shards must be names inside the checkpoint folder")
{
    const auto shardOf = [](const std::string &shard) {
        return parseSafetensorsIndex(json{{"weight_map", {{"w", shard}}}}.dump(), "index.json");
    };
    CHECK(shardOf("model-00001-of-00002.safetensors").at("w")
          == "model-00001-of-00002.safetensors");
    CHECK(shardOf("./shards/a.safetensors").at("w") == "./shards/a.safetensors");
    const std::vector<std::string> bad{"x/..", "./..", "a/./../../b",         "..", "/etc/passwd",
                                       ".",    "",     std::string("a\0b", 3)};
    for (const std::string &shard : bad)
        CHECK(contains(errorOf([&] { shardOf(shard); }), "index.json: weight_map entry"));
}
