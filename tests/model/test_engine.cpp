// The engine end to end through its public interface (engine.h): images as decoded RGB + query in,
// the reference's generated ids out; and the errors a broken checkpoint or request must give.
#include "model_fixture.h"

#include "model/engine.h"
#include "model/model_error.h"
#include "model/mrope_positions.h"

#include <filesystem>
#include <regex>

#include "torch_doctest.h" // last: restores doctest's CHECK over glog's

using namespace migician;
using namespace migician::model;
using migician::testing::Golden;

namespace {

Engine &tinyEngine()
{
    static std::unique_ptr<Engine> engine = [] {
        EngineOptions options;
        options.modelDir = testing::tinyDir();
        options.threads = 2;
        options.device = testing::testDevice().is_cuda() ? Device::Cuda : Device::Cpu;
        return Engine::load(options);
    }();
    return *engine;
}

RgbImage rgbFrom(const at::Tensor &hwc)
{
    RgbImage image;
    image.height = int(hwc.size(0));
    image.width = int(hwc.size(1));
    const at::Tensor bytes = hwc.to(at::kByte).contiguous();
    image.pixels.assign(bytes.data_ptr<std::uint8_t>(),
                        bytes.data_ptr<std::uint8_t>() + bytes.numel());
    return image;
}

GroundingRequest requestFor(const nlohmann::json &testCase, const Golden &golden)
{
    GroundingRequest request;
    request.query = testCase["query"].get<std::string>();
    const auto &images = testCase.contains("images") ? testCase["images"] : nlohmann::json::array();
    for (std::size_t i = 0; i < images.size(); ++i) {
        request.images.push_back(rgbFrom(golden["image" + std::to_string(i) + "_decoded_rgb"]));
        request.limits.push_back({images[i]["min_pixels"].get<std::int64_t>(),
                                  images[i]["max_pixels"].get<std::int64_t>()});
    }
    return request;
}

// A writable copy of the fixture checkpoint whose config.json can be edited.
struct CheckpointCopy
{
    test::TempDir dir;
    CheckpointCopy()
    {
        for (const auto &entry : std::filesystem::directory_iterator(testing::tinyDir()))
            if (entry.is_regular_file()
                && entry.path().filename().string().rfind("golden_", 0) != 0)
                std::filesystem::copy_file(entry.path(),
                                           dir.file(entry.path().filename().string()));
    }
    void editConfig(const std::string &key, int value)
    {
        auto config = nlohmann::json::parse(test::readBytes(dir.file("config.json")));
        nlohmann::json *target = &config;
        if (key.rfind("vision.", 0) == 0)
            target = &config["vision_config"];
        (*target)[key.substr(key.find('.') + 1)] = value;
        test::writeBytes(dir.file("config.json"), config.dump(2));
    }
};

std::string loadError(const std::string &dir, Device device = Device::Cpu,
                      DType dtype = DType::Float32)
{
    EngineOptions options;
    options.modelDir = dir;
    options.device = device;
    options.dtype = dtype;
    return test::errorOf([&] { Engine::load(options); });
}

} // namespace

TEST_CASE("engine: every fixture case from decoded RGB reproduces the reference generations")
{
    auto &engine = tinyEngine();
    for (const auto &testCase : testing::tinyCases()) {
        const Golden golden(testCase);
        CAPTURE(testCase["name"].get<std::string>());
        GroundingRequest request = requestFor(testCase, golden);
        request.sampling = SamplingOptions::greedy();
        request.sampling.maxNewTokens = 16;
        std::vector<TokenId> streamed;
        std::vector<Stage> stages;
        GenerationCallbacks callbacks;
        callbacks.onToken = [&](TokenId id, const std::string &) {
            streamed.push_back(id);
        };
        callbacks.onStage = [&](Stage stage) {
            stages.push_back(stage);
        };
        const auto result = engine.ground(request, callbacks);
        CHECK(result.promptTokens == testCase["seq_len"].get<int>());
        CHECK(result.prompt == testCase["prompt"].get<std::string>());
        const auto expected = testCase["generated_ids"].get<std::vector<TokenId>>();
        CHECK(result.tokenIds == expected);
        CHECK(streamed == expected);
        CHECK(result.plainText == testCase["generated_text"].get<std::string>());
        CHECK(stages.front() == Stage::Preprocess);
        CHECK(stages.back() == Stage::Decode);
        CHECK(result.timings.prefillMs > 0);

        request.sampling = SamplingOptions::fromGenerationConfig(engine.generationConfig());
        request.sampling.maxNewTokens = 16;
        CHECK(engine.ground(request).tokenIds
              == testCase["generated_ids_rp"].get<std::vector<TokenId>>());
    }
}

TEST_CASE("engine: the fixture folder passes the checkpoint check")
{
    CHECK(checkCheckpointFolder(testing::tinyDir()).empty());
}

TEST_CASE("engine: a config that disagrees with the weights is refused by tensor name")
{
    SUBCASE("wrong shape")
    {
        CheckpointCopy copy;
        copy.editConfig("text.intermediate_size", 96);
        const std::string error = loadError(copy.dir.path());
        CHECK(error.find("model.layers.0.mlp.gate_proj.weight") != std::string::npos);
        CHECK(error.find("[128, 64]") != std::string::npos);
        CHECK_FALSE(checkCheckpointFolder(copy.dir.path()).empty());
    }
    SUBCASE("missing tensor")
    {
        CheckpointCopy copy;
        copy.editConfig("text.num_hidden_layers", 3);
        const std::string error = loadError(copy.dir.path());
        CHECK(error.find("model.layers.2.") != std::string::npos);
        CHECK(error.find("missing") != std::string::npos);
    }
    SUBCASE("unknown tensor")
    {
        CheckpointCopy copy;
        copy.editConfig("vision.depth", 1);
        const std::string error = loadError(copy.dir.path());
        CHECK(error.find("unknown tensor \"visual.blocks.1.") != std::string::npos);
    }
    SUBCASE("missing files")
    {
        CheckpointCopy copy;
        std::filesystem::remove(copy.dir.file("tokenizer.json"));
        const auto problems = checkCheckpointFolder(copy.dir.path());
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].find("tokenizer.json: missing") != std::string::npos);
    }
}

TEST_CASE("engine: unavailable devices and dtypes give clear errors")
{
    if (!at::hasCUDA())
        CHECK(loadError(testing::tinyDir(), Device::Cuda).find("no CUDA") != std::string::npos);
    CHECK(loadError(testing::tinyDir(), Device::Cpu, DType::Float16).find("float32 or bfloat16")
          != std::string::npos);
    CHECK(loadError("/nonexistent/checkpoint").find("/nonexistent/checkpoint")
          != std::string::npos);
}

TEST_CASE("engine: converting weights that do not fit in memory is refused before loading")
{
    ::setenv("MIGICIAN_MEMORY_LIMIT_BYTES", "20000000", 1); // 20 MB; float32 copies need ~40 MB
    const std::string refused = loadError(testing::tinyDir());
    // bfloat16 weights are read from the mapped files: no conversion, no such limit.
    EngineOptions options;
    options.modelDir = testing::tinyDir();
    options.dtype = DType::BFloat16;
    const bool bf16Loads = Engine::load(options) != nullptr;
    ::unsetenv("MIGICIAN_MEMORY_LIMIT_BYTES");
    CHECK(refused.find("float32 needs about") != std::string::npos);
    CHECK(refused.find("use bfloat16") != std::string::npos);
    CHECK(bf16Loads);
}

TEST_CASE("engine: images and prompt slots must agree")
{
    auto &engine = tinyEngine();
    const auto &testCase = testing::tinyCases()[1]; // single_grounding
    const Golden golden(testCase);
    GroundingRequest request = requestFor(testCase, golden);
    request.sampling.maxNewTokens = 2;
    // A query that smuggles in another image slot: more slots than images.
    request.query = "<|vision_start|><|image_pad|><|vision_end|>" + request.query;
    CHECK_THROWS_WITH_AS(engine.ground(request), doctest::Contains("image"), ModelError);
    // More images than the prompt's image runs, at the network's level.
    const std::vector<std::int64_t> ids{1, 151652, 151655, 151653, 2};
    CHECK_THROWS_AS(computeMropePositions(ids, 151655, {{1, 2, 2}, {1, 2, 2}}, 2), ModelError);
    CHECK_THROWS_AS(computeMropePositions(ids, 151655, {{1, 4, 4}}, 2), ModelError);
    // The engine still works afterwards.
    request = requestFor(testCase, golden);
    request.sampling = SamplingOptions::greedy();
    request.sampling.maxNewTokens = 4;
    const auto expected = testCase["generated_ids"].get<std::vector<TokenId>>();
    CHECK(engine.ground(request).tokenIds
          == std::vector<TokenId>(expected.begin(), expected.begin() + 4));
}
