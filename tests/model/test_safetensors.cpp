// The safetensors loader against the real fixture checkpoint, and against corrupt copies of it:
// every inconsistency must become a ModelError naming the file (and the tensor).
#include "model/model_error.h"
#include "model/safetensors.h"
#include "model/tensor_view.h"
#include "tests/model/io_test_support.h"

#include <nlohmann/json.hpp>

#include <cstring>
#include <filesystem>
#include <functional>

#include "torch_doctest.h" // last: restores doctest's CHECK over glog's

using migician::model::Checkpoint;
using migician::model::ModelError;
using migician::model::SafetensorsFile;
using migician::model::StDtype;
using migician::test::errorOf;
using migician::test::fixturePath;
using migician::test::readBytes;
using migician::test::TempDir;
using migician::test::writeBytes;
using nlohmann::json;

namespace {

const std::string kShard1 = "model-00001-of-00002.safetensors";
const std::string kShard2 = "model-00002-of-00002.safetensors";

bool contains(const std::string &text, const std::string &part)
{
    return text.find(part) != std::string::npos;
}

struct SplitFile
{
    json header;
    std::string data;
};

SplitFile split(const std::string &bytes)
{
    std::uint64_t length = 0;
    for (int i = 7; i >= 0; --i)
        length = (length << 8) | static_cast<unsigned char>(bytes[i]);
    return {json::parse(bytes.substr(8, length)), bytes.substr(8 + length)};
}

std::string headerLength(std::uint64_t length)
{
    std::string out(8, '\0');
    for (int i = 0; i < 8; ++i)
        out[i] = char((length >> (8 * i)) & 0xff);
    return out;
}

std::string join(const std::string &headerText, const std::string &data)
{
    return headerLength(headerText.size()) + headerText + data;
}

// Writes the small real shard with its header edited by `edit`.
std::string writeEdited(const TempDir &dir, const std::string &name,
                        const std::function<void(json &)> &edit)
{
    auto parts = split(readBytes(fixturePath(kShard2)));
    edit(parts.header);
    const auto path = dir.file(name);
    writeBytes(path, join(parts.header.dump(), parts.data));
    return path;
}

struct Expected
{
    std::string name;
    std::vector<std::int64_t> shape;
    std::string shard; // as in the README table; empty for rows the README does not show
};

// The README's tensor table, extended to every block and layer of the tiny config.
std::vector<Expected> expectedTensors()
{
    std::vector<Expected> list;
    for (int b = 0; b < 2; ++b) {
        const auto p = "visual.blocks." + std::to_string(b) + ".";
        for (auto [suffix, shape] : std::vector<std::pair<std::string, std::vector<std::int64_t>>>{
                     {"attn.proj.bias", {32}},
                     {"attn.proj.weight", {32, 32}},
                     {"attn.qkv.bias", {96}},
                     {"attn.qkv.weight", {96, 32}},
                     {"mlp.fc1.bias", {128}},
                     {"mlp.fc1.weight", {128, 32}},
                     {"mlp.fc2.bias", {32}},
                     {"mlp.fc2.weight", {32, 128}},
                     {"norm1.bias", {32}},
                     {"norm1.weight", {32}},
                     {"norm2.bias", {32}},
                     {"norm2.weight", {32}}})
            list.push_back({p + suffix, shape, b == 0 ? kShard2 : ""});
    }
    list.push_back({"visual.merger.ln_q.bias", {32}, kShard2});
    list.push_back({"visual.merger.ln_q.weight", {32}, kShard2});
    list.push_back({"visual.merger.mlp.0.bias", {128}, kShard2});
    list.push_back({"visual.merger.mlp.0.weight", {128, 128}, kShard2});
    list.push_back({"visual.merger.mlp.2.bias", {64}, kShard2});
    list.push_back({"visual.merger.mlp.2.weight", {64, 128}, kShard2});
    list.push_back({"visual.patch_embed.proj.weight", {32, 3, 2, 14, 14}, kShard2});
    list.push_back({"model.norm.weight", {64}, kShard2});
    list.push_back({"model.embed_tokens.weight", {151936, 64}, kShard1});
    for (int l = 0; l < 2; ++l) {
        const auto p = "model.layers." + std::to_string(l) + ".";
        for (auto [suffix, shape] : std::vector<std::pair<std::string, std::vector<std::int64_t>>>{
                     {"input_layernorm.weight", {64}},
                     {"mlp.down_proj.weight", {64, 128}},
                     {"mlp.gate_proj.weight", {128, 64}},
                     {"mlp.up_proj.weight", {128, 64}},
                     {"post_attention_layernorm.weight", {64}},
                     {"self_attn.k_proj.bias", {32}},
                     {"self_attn.k_proj.weight", {32, 64}},
                     {"self_attn.o_proj.weight", {64, 64}},
                     {"self_attn.q_proj.bias", {64}},
                     {"self_attn.q_proj.weight", {64, 64}},
                     {"self_attn.v_proj.bias", {32}},
                     {"self_attn.v_proj.weight", {32, 64}}})
            list.push_back({p + suffix, shape, l == 0 ? kShard1 : ""});
    }
    return list;
}

float bf16ToFloat(const std::uint8_t *bytes)
{
    const std::uint32_t bits = (std::uint32_t(bytes[1]) << 24) | (std::uint32_t(bytes[0]) << 16);
    float value = 0;
    std::memcpy(&value, &bits, 4);
    return value;
}

} // namespace

TEST_CASE("safetensors: the sharded fixture checkpoint holds every tensor of the README table")
{
    const auto checkpoint = Checkpoint::open(migician::test::fixtureDir());
    const auto expected = expectedTensors();
    // The README shows one block per shard; the index says where every tensor really lives.
    const auto index = json::parse(readBytes(fixturePath("model.safetensors.index.json")));
    CHECK(checkpoint.names().size() == expected.size());
    std::size_t bytes = 0;
    for (const auto &e : expected) {
        INFO(e.name);
        REQUIRE(checkpoint.contains(e.name));
        const auto &view = checkpoint.tensor(e.name);
        CHECK(view.dtype == StDtype::BF16);
        CHECK(view.shape == e.shape);
        CHECK(view.byteSize == std::size_t(view.numel()) * 2);
        const auto file = std::filesystem::path(view.file).filename().string();
        CHECK(file == index["weight_map"][e.name].get<std::string>());
        if (!e.shard.empty()) // the README table's row
            CHECK(file == e.shard);
        bytes += view.byteSize;
    }
    CHECK(checkpoint.totalBytes() == bytes);
    // The index's total_size is the sum of the tensor bytes.
    CHECK(index["metadata"]["total_size"].get<std::size_t>() == bytes);
    CHECK_FALSE(checkpoint.contains("lm_head.weight")); // tied embeddings
    const auto message = errorOf([&] { checkpoint.tensor("lm_head.weight"); });
    CHECK(contains(message, "lm_head.weight"));
}

TEST_CASE("safetensors: toTensor is a zero-copy view with the right dtype and values")
{
    const auto checkpoint = Checkpoint::open(migician::test::fixtureDir());
    const auto &view = checkpoint.tensor("model.norm.weight");
    const auto tensor = migician::model::toTensor(view);
    CHECK(tensor.sizes().vec() == std::vector<std::int64_t>{64});
    CHECK((tensor.scalar_type() == at::kBFloat16));
    CHECK(tensor.data_ptr() == view.data);
    const auto asFloat = tensor.to(at::kFloat);
    const auto *raw = static_cast<const std::uint8_t *>(view.data);
    for (int i = 0; i < 64; ++i)
        CHECK(asFloat[i].item<float>() == bf16ToFloat(raw + 2 * i));
    // RMSNorm weights were drawn as 1 + N(0, 0.1^2): a real tensor, not zeros.
    CHECK(asFloat.mean().item<float>() == doctest::Approx(1.0).epsilon(0.1));
}

TEST_CASE("safetensors: golden files read as I64, U8 and F32 tensors")
{
    const SafetensorsFile golden(fixturePath("golden_multi3_common_object.safetensors"));
    const auto &ids = golden.tensor("input_ids");
    CHECK(ids.dtype == StDtype::I64);
    CHECK(ids.shape == std::vector<std::int64_t>{1, 204});
    CHECK((migician::model::toTensor(ids).scalar_type() == at::kLong));
    const auto &rgb = golden.tensor("image1_decoded_rgb");
    CHECK(rgb.dtype == StDtype::U8);
    CHECK(rgb.shape == std::vector<std::int64_t>{143, 97, 3});
    CHECK((migician::model::toTensor(rgb).scalar_type() == at::kByte));
    const auto &pixels = golden.tensor("pixel_values");
    CHECK(pixels.dtype == StDtype::F32);
    CHECK(pixels.shape == std::vector<std::int64_t>{540, 1176});
    CHECK((migician::model::toTensor(pixels).scalar_type() == at::kFloat));
    CHECK_FALSE(golden.contains("nonexistent"));
    CHECK(contains(errorOf([&] { golden.tensor("nonexistent"); }), "nonexistent"));
}

TEST_CASE("safetensors: a single file and a folder with model.safetensors open")
{
    const auto single = Checkpoint::open(fixturePath(kShard2));
    CHECK(single.contains("visual.patch_embed.proj.weight"));
    CHECK_FALSE(single.contains("model.embed_tokens.weight"));

    TempDir dir;
    writeBytes(dir.file("model.safetensors"), readBytes(fixturePath(kShard2)));
    const auto folder = Checkpoint::open(dir.path());
    CHECK(folder.names() == single.names());

    TempDir empty;
    CHECK(contains(errorOf([&] { Checkpoint::open(empty.path()); }), empty.path()));
    CHECK(contains(errorOf([&] { Checkpoint::open(empty.file("nothing-here")); }), "nothing-here"));
}

TEST_CASE("safetensors: truncated files and impossible header lengths are refused")
{
    TempDir dir;
    const auto bytes = readBytes(fixturePath(kShard2));

    const auto tiny = dir.file("tiny.safetensors");
    writeBytes(tiny, bytes.substr(0, 5));
    CHECK(contains(errorOf([&] { SafetensorsFile file(tiny); }), "tiny.safetensors"));

    // Cut in the middle of the data: the last tensors reach past the end.
    const auto truncated = dir.file("truncated.safetensors");
    writeBytes(truncated, bytes.substr(0, bytes.size() / 2));
    const auto truncatedError = errorOf([&] { SafetensorsFile file(truncated); });
    CHECK(contains(truncatedError, "truncated.safetensors"));
    CHECK(contains(truncatedError, "past the end"));

    const auto beyond = dir.file("beyond.safetensors");
    writeBytes(beyond, headerLength(bytes.size()) + bytes.substr(8));
    const auto beyondError = errorOf([&] { SafetensorsFile file(beyond); });
    CHECK(contains(beyondError, "beyond.safetensors"));
    CHECK(contains(beyondError, "exceeds the file size"));

    const auto huge = dir.file("huge.safetensors");
    writeBytes(huge, headerLength(std::uint64_t(1) << 62) + bytes.substr(8));
    CHECK(contains(errorOf([&] { SafetensorsFile file(huge); }), "huge.safetensors"));
}

TEST_CASE("safetensors: malformed header JSON is refused")
{
    TempDir dir;
    auto parts = split(readBytes(fixturePath(kShard2)));
    auto text = parts.header.dump();
    text[text.size() / 2] = '{';
    text.back() = '#';
    const auto path = dir.file("malformed.safetensors");
    writeBytes(path, join(text, parts.data));
    const auto message = errorOf([&] { SafetensorsFile file(path); });
    CHECK(contains(message, "malformed.safetensors"));
    CHECK(contains(message, "malformed header JSON"));

    const auto notObject = dir.file("array.safetensors");
    writeBytes(notObject, join("[1, 2]", parts.data));
    CHECK(contains(errorOf([&] { SafetensorsFile file(notObject); }), "array.safetensors"));

    const auto badEntry = writeEdited(dir, "badentry.safetensors", [](json &h) {
        h["model.norm.weight"]["data_offsets"] = "0-128";
    });
    const auto badEntryError = errorOf([&] { SafetensorsFile file(badEntry); });
    CHECK(contains(badEntryError, "badentry.safetensors"));
    CHECK(contains(badEntryError, "model.norm.weight"));

    const auto badMeta = writeEdited(dir, "badmeta.safetensors", [](json &h) {
        h["__metadata__"] = {{"format", 3}};
    });
    CHECK(contains(errorOf([&] { SafetensorsFile file(badMeta); }), "__metadata__"));
}

TEST_CASE("safetensors: overlapping tensors, size mismatches and unknown dtypes are refused")
{
    TempDir dir;
    const auto overlap = writeEdited(dir, "overlap.safetensors", [](json &h) {
        // Same byte length as ln_q.weight ([32] BF16), placed over it.
        h["visual.merger.ln_q.bias"]["data_offsets"]
                = h["visual.merger.ln_q.weight"]["data_offsets"];
    });
    const auto overlapError = errorOf([&] { SafetensorsFile file(overlap); });
    CHECK(contains(overlapError, "overlap.safetensors"));
    CHECK(contains(overlapError, "visual.merger.ln_q"));
    CHECK(contains(overlapError, "overlaps"));

    const auto mismatch = writeEdited(dir, "mismatch.safetensors", [](json &h) {
        h["visual.merger.mlp.2.weight"]["shape"] = {64, 127};
    });
    const auto mismatchError = errorOf([&] { SafetensorsFile file(mismatch); });
    CHECK(contains(mismatchError, "mismatch.safetensors"));
    CHECK(contains(mismatchError, "visual.merger.mlp.2.weight"));

    const auto f64 = writeEdited(dir, "f64.safetensors",
                                 [](json &h) { h["visual.merger.mlp.2.weight"]["dtype"] = "F64"; });
    const auto f64Error = errorOf([&] { SafetensorsFile file(f64); });
    CHECK(contains(f64Error, "f64.safetensors"));
    CHECK(contains(f64Error, "visual.merger.mlp.2.weight"));
    CHECK(contains(f64Error, "F64 is not supported"));

    const auto reversed = writeEdited(dir, "reversed.safetensors", [](json &h) {
        auto &offsets = h["model.norm.weight"]["data_offsets"];
        offsets = {offsets[1], offsets[0]};
    });
    CHECK(contains(errorOf([&] { SafetensorsFile file(reversed); }), "model.norm.weight"));
}

TEST_CASE("safetensors: a sharded index must name existing shards that hold its tensors")
{
    const auto index = json::parse(readBytes(fixturePath("model.safetensors.index.json")));

    SUBCASE("missing shard")
    {
        TempDir dir;
        std::filesystem::create_symlink(fixturePath(kShard1), dir.file(kShard1));
        std::filesystem::create_symlink(fixturePath(kShard2), dir.file(kShard2));
        auto edited = index;
        edited["weight_map"]["model.norm.weight"] = "model-00003-of-00003.safetensors";
        writeBytes(dir.file("model.safetensors.index.json"), edited.dump());
        const auto message = errorOf([&] { Checkpoint::open(dir.path()); });
        CHECK(contains(message, "model.safetensors.index.json"));
        CHECK(contains(message, "model-00003-of-00003.safetensors"));
    }
    SUBCASE("tensor not in the shard the index names")
    {
        TempDir dir;
        std::filesystem::create_symlink(fixturePath(kShard1), dir.file(kShard1));
        std::filesystem::create_symlink(fixturePath(kShard2), dir.file(kShard2));
        auto edited = index;
        edited["weight_map"]["model.norm.weight"] = kShard1;
        writeBytes(dir.file("model.safetensors.index.json"), edited.dump());
        const auto message = errorOf([&] { Checkpoint::open(dir.path()); });
        CHECK(contains(message, kShard1));
        CHECK(contains(message, "model.norm.weight"));
    }
    SUBCASE("the same tensor in two shards")
    {
        TempDir dir;
        writeBytes(dir.file("a.safetensors"), readBytes(fixturePath(kShard2)));
        writeBytes(dir.file("b.safetensors"), readBytes(fixturePath(kShard2)));
        const json twoShards = {{"weight_map",
                                 {{"model.norm.weight", "a.safetensors"},
                                  {"visual.merger.ln_q.bias", "b.safetensors"}}}};
        writeBytes(dir.file("model.safetensors.index.json"), twoShards.dump());
        const auto message = errorOf([&] { Checkpoint::open(dir.path()); });
        CHECK(contains(message, "a.safetensors"));
        CHECK(contains(message, "b.safetensors"));
        CHECK(contains(message, "also in"));
    }
    SUBCASE("malformed index")
    {
        TempDir dir;
        writeBytes(dir.file("model.safetensors.index.json"), "{\"weight_map\": [");
        CHECK(contains(errorOf([&] { Checkpoint::open(dir.path()); }),
                       "model.safetensors.index.json"));
    }
}
