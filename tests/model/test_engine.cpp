// The engine end to end through its public interface (engine.h): images as decoded RGB + query in,
// the reference's generated ids out; and the errors a broken checkpoint or request must give.
#include "model_fixture.h"

#include "model/engine.h"
#include "model/model_error.h"
#include "model/mrope_positions.h"
#include "model/shared_engine.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <regex>
#include <thread>

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
        options.dtype = DType::Float32; // the goldens are float32
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

std::string progressText(Stage stage, int done, int total)
{
    return std::string(stageName(stage)) + " " + std::to_string(done) + "/" + std::to_string(total);
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
    const auto &testCase = testing::tinyCase("single_grounding");
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

TEST_CASE("engine: progress comes at every vision block, prefill layer and decode step")
{
    auto &engine = tinyEngine();
    const auto &testCase = testing::tinyCase("multi3_common_object");
    const Golden golden(testCase);
    GroundingRequest request = requestFor(testCase, golden);
    request.sampling = SamplingOptions::greedy();
    request.sampling.maxNewTokens = 16;
    std::vector<std::string> seen;
    GenerationCallbacks callbacks;
    callbacks.onProgress = [&](Stage stage, int done, int total) {
        seen.push_back(progressText(stage, done, total));
    };
    const auto result = engine.ground(request, callbacks);
    CHECK(result.tokenIds == testCase["generated_ids"].get<std::vector<TokenId>>());
    std::vector<std::string> expected;
    for (int block = 0; block <= 2; ++block) // the fixture's vision depth is 2
        expected.push_back(progressText(Stage::Vision, block, 2));
    for (int layer = 0; layer <= 2; ++layer) // and its decoder has 2 layers
        expected.push_back(progressText(Stage::Prefill, layer, 2));
    for (int step = 0; step < 16; ++step)
        expected.push_back(progressText(Stage::Decode, step, 16));
    CHECK(seen == expected);
}

TEST_CASE("engine: a cancel from the progress callback stops there; the next request is exact")
{
    auto &engine = tinyEngine();
    const auto &testCase = testing::tinyCase("multi3_common_object");
    const Golden golden(testCase);
    const auto expected = testCase["generated_ids"].get<std::vector<TokenId>>();
    struct Point
    {
        Stage stage;
        int at;
    };
    for (const Point point :
         {Point{Stage::Vision, 0}, Point{Stage::Vision, 1}, Point{Stage::Prefill, 1},
          Point{Stage::Prefill, 2}, Point{Stage::Decode, 3}}) {
        CAPTURE(stageName(point.stage));
        CAPTURE(point.at);
        GroundingRequest request = requestFor(testCase, golden);
        request.sampling = SamplingOptions::greedy();
        request.sampling.maxNewTokens = 16;
        std::atomic<bool> cancel{false};
        std::vector<std::string> seen;
        std::vector<Stage> stages;
        GenerationCallbacks callbacks;
        callbacks.cancel = &cancel;
        callbacks.onProgress = [&](Stage stage, int done, int) {
            seen.push_back(progressText(stage, done, 0));
            if (stage == point.stage && done == point.at)
                cancel = true;
        };
        callbacks.onStage = [&](Stage stage) {
            stages.push_back(stage);
        };
        const auto cancelled = engine.ground(request, callbacks);
        CHECK(cancelled.cancelled);
        const bool decodeStarted
                = std::find(stages.begin(), stages.end(), Stage::Decode) != stages.end();
        // Nothing ran after the step where the cancel was asked for.
        REQUIRE_FALSE(seen.empty());
        CHECK(seen.back() == progressText(point.stage, point.at, 0));
        if (point.stage == Stage::Decode) {
            CHECK(cancelled.tokenIds
                  == std::vector<TokenId>(expected.begin(), expected.begin() + point.at));
        } else {
            CHECK(cancelled.tokenIds.empty());
            CHECK_FALSE(decodeStarted);
        }
        // The engine is ready for the next request (its KV cache cleared): the reference's ids.
        request.sampling.maxNewTokens = 16;
        CHECK(engine.ground(request).tokenIds == expected);
    }
}

TEST_CASE("engine: loading stops at the tensor where it is cancelled, and loads again")
{
    EngineOptions options;
    options.modelDir = testing::tinyDir();
    options.threads = 2;
    options.dtype = DType::Float32;
    std::atomic<bool> cancel{false};
    int last = -1, total = 0, calls = 0;
    RunControl control;
    control.cancel = &cancel;
    control.onProgress = [&](Stage stage, int done, int n) {
        CHECK(stage == Stage::Load);
        ++calls;
        last = done;
        total = n;
        if (done == 10)
            cancel = true;
    };
    CHECK_THROWS_AS(Engine::load(options, {}, control), Cancelled);
    CHECK(last == 10);
    CHECK(calls == 11);
    CHECK(total > 10);

    cancel = false;
    control.onProgress = [&](Stage, int done, int n) {
        last = done;
        total = n;
    };
    const auto engine = Engine::load(options, {}, control);
    CHECK(last == total); // reported to the end
    const auto &testCase = testing::tinyCase("single_grounding");
    const Golden golden(testCase);
    GroundingRequest request = requestFor(testCase, golden);
    request.sampling = SamplingOptions::greedy();
    request.sampling.maxNewTokens = 16;
    CHECK(engine->ground(request).tokenIds
          == testCase["generated_ids"].get<std::vector<TokenId>>());
}

TEST_CASE("engine: the default precision is the checkpoint's own dtype")
{
    ModelConfig config;
    config.torchDtype = "bfloat16";
    CHECK(resolveDType(DType::Auto, config, Device::Cpu) == DType::BFloat16);
    CHECK(resolveDType(DType::Auto, config, Device::Cuda) == DType::BFloat16);
    CHECK(resolveDType(DType::Float32, config, Device::Cpu) == DType::Float32);
    config.torchDtype = "float16"; // no half kernels on the CPU
    CHECK(resolveDType(DType::Auto, config, Device::Cpu) == DType::BFloat16);
    CHECK(resolveDType(DType::Auto, config, Device::Cuda) == DType::Float16);
    config.torchDtype = "float32";
    CHECK(resolveDType(DType::Auto, config, Device::Cpu) == DType::Float32);
    CHECK(parseDType("auto") == DType::Auto);
    CHECK(EngineOptions().dtype == DType::Auto);

    // The fixture says bfloat16: that is what an Auto load runs in, read from the mapped files.
    EngineOptions options;
    options.modelDir = testing::tinyDir();
    options.threads = 2;
    const auto engine = Engine::load(options);
    CHECK(engine->options().dtype == DType::BFloat16);
}

TEST_CASE("engine: a checkpoint path that cannot be examined is a message, not an exception")
{
    // A symbolic-link loop makes stat() fail with ELOOP, as a folder without search permission
    // fails with EACCES (which root, who may run these tests, never gets).
    test::TempDir dir;
    std::filesystem::create_symlink(dir.file("b"), dir.file("a"));
    std::filesystem::create_symlink(dir.file("a"), dir.file("b"));
    const std::string looped = dir.file("a") + "/checkpoint";
    std::vector<std::string> problems;
    CHECK_NOTHROW(problems = checkCheckpointFolder(looped));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].find(looped) != std::string::npos);
    CHECK(problems[0].find("cannot be examined") != std::string::npos);
    const std::string error = loadError(looped);
    CHECK(error.find(looped) != std::string::npos);

    // A file inside that cannot be examined is listed too.
    CheckpointCopy copy;
    std::filesystem::remove(copy.dir.file("tokenizer.json"));
    std::filesystem::create_symlink(copy.dir.file("tokenizer.json"),
                                    copy.dir.file("tokenizer.json"));
    CHECK_NOTHROW(problems = checkCheckpointFolder(copy.dir.path()));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].find("tokenizer.json: cannot be examined") != std::string::npos);
}

TEST_CASE("shared engine: one load per options, one lease at a time, a waiting caller cancels")
{
    SharedEngine shared;
    EngineOptions options;
    options.modelDir = testing::tinyDir();
    options.threads = 2;
    options.dtype = DType::Float32;
    {
        const auto lease = shared.acquire(options);
        CHECK(shared.loads() == 1);
        CHECK(shared.holds(options));
        // Another thread waits while the lease is held; its cancel flag ends the wait.
        std::atomic<bool> cancel{false};
        std::atomic<bool> waiting{false};
        std::atomic<bool> cancelled{false};
        std::thread other([&] {
            SharedEngine::Callbacks callbacks;
            callbacks.control.cancel = &cancel;
            callbacks.onWaiting = [&] {
                waiting = true;
            };
            try {
                (void)shared.acquire(options, callbacks);
            } catch (const Cancelled &) {
                cancelled = true;
            }
        });
        for (int i = 0; i < 1000 && !waiting; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        CHECK(waiting.load());
        cancel = true;
        other.join();
        CHECK(cancelled.load());
    }
    // Free again: the same options reuse the engine; other ones replace it (one copy at a time).
    {
        const auto lease = shared.acquire(options);
        CHECK(shared.loads() == 1);
    }
    EngineOptions automatic = options;
    automatic.dtype = DType::Auto;
    const auto lease = shared.acquire(automatic);
    CHECK(shared.loads() == 2);
    CHECK(lease->options().dtype == DType::BFloat16);
    CHECK_FALSE(shared.holds(options));
    CHECK(shared.holds(automatic));
}
