// Config readers on the fixture files, the real 7B config, the nested `text_config` layout of
// newer transformers, and broken variants that must fail naming the file and the key.
#include "model/model_config.h"
#include "model/model_error.h"
#include "tests/model/io_test_support.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <functional>

using migician::model::GenerationConfig;
using migician::model::ModelConfig;
using migician::model::ModelError;
using migician::model::PreprocessorConfig;
using migician::test::errorOf;
using migician::test::fixturePath;
using migician::test::readBytes;
using nlohmann::json;

namespace {

std::string sevenBPath()
{
    return std::string(MIGICIAN_SHARED_DIR) + "/configs/migician-7b.config.json";
}

json fixtureConfig()
{
    return json::parse(readBytes(fixturePath("config.json")));
}

} // namespace

TEST_CASE("config: the tiny fixture config.json")
{
    const auto config = ModelConfig::fromFile(fixturePath("config.json"));
    CHECK(config.hiddenSize == 64);
    CHECK(config.intermediateSize == 128);
    CHECK(config.numHiddenLayers == 2);
    CHECK(config.numAttentionHeads == 4);
    CHECK(config.numKeyValueHeads == 2);
    CHECK(config.headDim() == 16);
    CHECK(config.vocabSize == 151936);
    CHECK(config.maxPositionEmbeddings == 32768);
    CHECK(config.rmsNormEps == 1e-6);
    CHECK(config.ropeTheta == 1e6);
    CHECK(config.mropeSection == std::vector<int>{2, 3, 3});
    CHECK(config.tieWordEmbeddings);
    CHECK(config.imageTokenId == 151655);
    CHECK(config.visionStartTokenId == 151652);
    CHECK(config.torchDtype == "bfloat16");
    CHECK(config.vision.depth == 2);
    CHECK(config.vision.embedDim == 32);
    CHECK(config.vision.numHeads == 4);
    CHECK(config.vision.mlpRatio == 4);
    CHECK(config.vision.hiddenSize == 64);
    CHECK(config.vision.inChannels == 3);
    CHECK(config.vision.patchSize == 14);
    CHECK(config.vision.spatialMergeSize == 2);
    CHECK(config.vision.temporalPatchSize == 2);
}

TEST_CASE("config: the Migician 7B config")
{
    const auto config = ModelConfig::fromFile(sevenBPath());
    CHECK(config.hiddenSize == 3584);
    CHECK(config.intermediateSize == 18944);
    CHECK(config.numHiddenLayers == 28);
    CHECK(config.numAttentionHeads == 28);
    CHECK(config.numKeyValueHeads == 4);
    CHECK(config.headDim() == 128);
    CHECK(config.vocabSize == 152064);
    CHECK(config.mropeSection == std::vector<int>{16, 24, 24});
    CHECK_FALSE(config.tieWordEmbeddings);
    CHECK(config.vision.depth == 32);
    CHECK(config.vision.embedDim == 1280);
    CHECK(config.vision.numHeads == 16);
    CHECK(config.vision.hiddenSize == 3584);
}

TEST_CASE("config: the nested text_config layout of newer transformers")
{
    // Move every language-model key into text_config (and the vision keys' newer spellings).
    auto flat = fixtureConfig();
    json nested = {{"model_type", "qwen2_vl"}, {"image_token_id", 151655}};
    json text;
    for (const char *key :
         {"hidden_size", "intermediate_size", "num_hidden_layers", "num_attention_heads",
          "num_key_value_heads", "vocab_size", "rms_norm_eps", "rope_theta", "rope_scaling",
          "tie_word_embeddings", "max_position_embeddings"})
        text[key] = flat[key];
    text["hidden_size"] = 128;
    nested["hidden_size"] = 64; // a stale root key: text_config must win
    text["rope_scaling"]["mrope_section"] = {4, 6, 6};
    nested["text_config"] = text;
    auto vision = flat["vision_config"];
    vision.erase("in_chans");
    vision.erase("patch_size");
    vision["in_channels"] = 3;
    vision["spatial_patch_size"] = 16;
    vision["some_future_key"] = "ignored";
    nested["vision_config"] = vision;

    const auto config = ModelConfig::fromJsonText(nested.dump(), "nested.json");
    CHECK(config.hiddenSize == 128);
    CHECK(config.numHiddenLayers == 2);
    CHECK(config.mropeSection == std::vector<int>{4, 6, 6});
    CHECK(config.tieWordEmbeddings);
    CHECK(config.vision.inChannels == 3);
    CHECK(config.vision.patchSize == 16);
}

TEST_CASE("config: missing keys and wrong types name the file and the key")
{
    const auto withEdit = [](const std::function<void(json &)> &edit) {
        auto config = fixtureConfig();
        edit(config);
        return errorOf([&] { ModelConfig::fromJsonText(config.dump(), "config.json"); });
    };
    CHECK(withEdit([](json &c) { c["hidden_size"] = "64"; })
          == "config.json: \"hidden_size\" must be an integer");
    CHECK(withEdit([](json &c) { c["hidden_size"] = 64.5; })
          == "config.json: \"hidden_size\" must be an integer");
    CHECK(withEdit([](json &c) { c.erase("num_hidden_layers"); })
          == "config.json: \"num_hidden_layers\" is required but missing");
    const auto noRope = withEdit([](json &c) { c.erase("rope_scaling"); });
    CHECK(noRope.find("config.json") == 0);
    CHECK(noRope.find("rope_scaling") != std::string::npos);
    CHECK(noRope.find("M-RoPE") != std::string::npos);
    CHECK(withEdit([](json &c) {
              c["rope_scaling"]["mrope_section"] = {2, 3, 4};
          }).find("mrope_section")
          != std::string::npos);
    CHECK(withEdit([](json &c) { c["tie_word_embeddings"] = 1; })
          == "config.json: \"tie_word_embeddings\" must be true or false");
    CHECK(withEdit([](json &c) { c["vision_config"]["depth"] = "two"; })
          == "config.json: \"vision_config.depth\" must be an integer");
    CHECK(withEdit([](json &c) { c.erase("vision_config"); })
          == "config.json: \"vision_config\" is required but missing");
    CHECK(withEdit([](json &c) { c["num_attention_heads"] = 3; }).find("num_attention_heads")
          != std::string::npos);
    CHECK(errorOf([] {
              ModelConfig::fromJsonText("{\"hidden_size\": ", "broken.json");
          }).find("broken.json: malformed JSON")
          == 0);
    CHECK(errorOf([] {
              ModelConfig::fromFile("/nonexistent/config.json");
          }).find("/nonexistent/config.json")
          == 0);
}

TEST_CASE("config: preprocessor_config.json, top level and `size` forms")
{
    const auto config = PreprocessorConfig::fromFile(fixturePath("preprocessor_config.json"));
    CHECK(config.minPixels == 3136);
    CHECK(config.maxPixels == 12845056);
    CHECK(config.patchSize == 14);
    CHECK(config.mergeSize == 2);
    CHECK(config.temporalPatchSize == 2);
    CHECK(config.rescaleFactor == 1.0 / 255.0);
    CHECK(config.imageMean[0] == 0.48145466f);
    CHECK(config.imageStd[2] == 0.27577711f);

    const auto sizeOnly = PreprocessorConfig::fromJsonText(
            R"({"size": {"shortest_edge": 6272, "longest_edge": 1003520}, "patch_size": 14})",
            "pp.json");
    CHECK(sizeOnly.minPixels == 6272);
    CHECK(sizeOnly.maxPixels == 1003520);
    const auto topLevel = PreprocessorConfig::fromJsonText(
            R"({"min_pixels": 100, "max_pixels": 200})", "pp.json");
    CHECK(topLevel.minPixels == 100);
    CHECK(topLevel.maxPixels == 200);

    CHECK(errorOf([] {
              PreprocessorConfig::fromJsonText(R"({"image_mean": [0.5, 0.5]})", "pp.json");
          })
          == "pp.json: \"image_mean\" must be a list of 3 numbers");
    CHECK(errorOf([] {
              PreprocessorConfig::fromJsonText(R"({"size": {"max_pixels": "big"}})", "pp.json");
          })
          == "pp.json: \"size.max_pixels\" must be an integer");
    CHECK(errorOf([] {
              PreprocessorConfig::fromJsonText(R"({"min_pixels": 9, "max_pixels": 3})", "pp.json");
          }).find("pp.json")
          == 0);
}

TEST_CASE("config: generation_config.json, eos as a list or an integer")
{
    const auto config = GenerationConfig::fromFile(fixturePath("generation_config.json"));
    CHECK(config.doSample);
    CHECK(config.eosTokenIds == std::vector<std::int64_t>{151645, 151643});
    CHECK(config.padTokenId == 151643);
    CHECK(config.repetitionPenalty == 1.05);
    CHECK(config.temperature == 0.1);
    CHECK(config.topK == 1);
    CHECK(config.topP == 0.001);
    CHECK(config.maxNewTokens == -1);

    const auto single = GenerationConfig::fromJsonText(
            R"({"eos_token_id": 151645, "max_new_tokens": 128, "unknown": [1]})", "gen.json");
    CHECK(single.eosTokenIds == std::vector<std::int64_t>{151645});
    CHECK(single.maxNewTokens == 128);
    CHECK_FALSE(single.doSample);

    CHECK(errorOf([] {
              GenerationConfig::fromJsonText(R"({"eos_token_id": [1, "x"]})", "gen.json");
          })
          == "gen.json: \"eos_token_id\" must be an integer or a list of integers");
    CHECK(errorOf([] { GenerationConfig::fromJsonText(R"({"top_p": "high"})", "gen.json"); })
          == "gen.json: \"top_p\" must be a number");
}
