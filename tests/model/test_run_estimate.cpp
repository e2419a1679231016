// The estimate's arithmetic (run_estimate.h) against the real thing: parameter counts against the
// fixture's safetensors and the weight table the loader uses, prompt plans from image sizes
// against the prompts built from the pixels, the precision rule against config.json, and the
// time model against the calibration it is given.
#include "model/model_error.h"
#include "model/qwen2vl_weights.h"
#include "model/run_estimate.h"
#include "model/run_estimator.h"
#include "model/safetensors.h"
#include "tests/model/io_test_support.h"

#include <numeric>

#include "torch_doctest.h" // last: restores doctest's CHECK over glog's

using namespace migician::model;
using migician::test::fixtureDir;
using migician::test::fixturePath;

namespace {

std::int64_t tableCount(const ModelConfig &config)
{
    std::int64_t sum = 0;
    for (const ExpectedTensor &tensor : expectedTensors(config)) {
        if (tensor.optional) // the tied lm_head: the embedding is used
            continue;
        sum += std::accumulate(tensor.shape.begin(), tensor.shape.end(), std::int64_t(1),
                               std::multiplies<>());
    }
    return sum;
}

RgbImage grey(int width, int height)
{
    RgbImage image;
    image.width = width;
    image.height = height;
    image.pixels.assign(std::size_t(width) * height * 3, 128);
    return image;
}

std::string sharedConfig(const char *name)
{
    return std::string(MIGICIAN_SHARED_DIR) + "/configs/" + name;
}

} // namespace

TEST_CASE("parameterCount: the fixture's safetensors and the loader's weight table")
{
    const ModelConfig tiny = ModelConfig::fromFile(fixturePath("config.json"));
    const Checkpoint checkpoint = Checkpoint::open(fixtureDir());
    std::int64_t stored = 0;
    for (const std::string &name : checkpoint.names())
        stored += checkpoint.tensor(name).numel();
    CHECK(parameterCount(tiny) == stored);
    CHECK(parameterCount(tiny) == tableCount(tiny));

    for (const char *name : {"migician-7b.config.json", "migician-7b-4layer.config.json"}) {
        const ModelConfig config = ModelConfig::fromFile(sharedConfig(name));
        CHECK(parameterCount(config) == tableCount(config));
    }
    // Qwen2-VL-7B: 8.29 B parameters (untied lm_head), the vision tower 675 M of them.
    const ModelConfig full = ModelConfig::fromFile(sharedConfig("migician-7b.config.json"));
    CHECK(parameterCount(full) > 8'280'000'000LL);
    CHECK(parameterCount(full) < 8'300'000'000LL);
    CHECK(visionParameterCount(full) > 670'000'000LL);
    CHECK(visionParameterCount(full) < 680'000'000LL);
}

TEST_CASE("planPrompt: the ids and grids of buildPromptInputs, from sizes alone")
{
    const RunEstimator estimator(fixtureDir());
    const auto tokenizer = Tokenizer::fromFile(fixturePath("tokenizer.json"));
    const std::vector<std::vector<std::pair<int, int>>> sets{
            {},
            {{448, 336}},
            {{1000, 700}, {64, 2000}, {28, 28}},
    };
    for (const ResizeLimits limits : {ResizeLimits{}, ResizeLimits{3136, 200704}}) {
        for (const auto &set : sets) {
            std::vector<RgbImage> images;
            std::vector<ImageSize> sizes;
            for (const auto &[w, h] : set) {
                images.push_back(grey(w, h));
                sizes.push_back({h, w});
            }
            const std::vector<ResizeLimits> each(images.size(), limits);
            const std::string query = "Where is the <|object_ref_start|>cup<|object_ref_end|>?";
            const PromptInputs built
                    = buildPromptInputs(*tokenizer, estimator.preprocessor(), images, each, query);
            const PromptPlan plan = estimator.plan(sizes, each, query);
            CHECK(plan.ids == built.ids);
            CHECK(plan.prompt == built.prompt);
            REQUIRE(plan.images.size() == built.images.size());
            for (std::size_t i = 0; i < plan.images.size(); ++i) {
                CHECK(plan.images[i].gridH == built.images[i].gridH);
                CHECK(plan.images[i].gridW == built.images[i].gridW);
                CHECK(plan.images[i].tokens
                      == built.images[i].tokenCount(estimator.preprocessor().mergeSize));
            }
            CHECK(plan.textTokens() + plan.imageTokens() == int(built.ids.size()));
        }
    }
    CHECK_THROWS_AS(estimator.plan(std::vector<ImageSize>{ImageSize{0, 10}}, {}, "q"), ModelError);
}

TEST_CASE("the default precision is the checkpoint's torch_dtype")
{
    ModelConfig config = ModelConfig::fromFile(fixturePath("config.json"));
    CHECK(config.torchDtype == "bfloat16");
    CHECK(resolveDType(DType::Auto, config, Device::Cpu) == DType::BFloat16);
    config.torchDtype = "float32";
    CHECK(resolveDType(DType::Auto, config, Device::Cpu) == DType::Float32);
    CHECK(resolveDType(DType::Auto, config, Device::Cuda) == DType::Float32);
    CHECK(resolveDType(DType::BFloat16, config, Device::Cpu) == DType::BFloat16);
    config.torchDtype = "float16"; // no half-precision kernels on the CPU
    CHECK(resolveDType(DType::Auto, config, Device::Cpu) == DType::BFloat16);
    CHECK(resolveDType(DType::Auto, config, Device::Cuda) == DType::Float16);
}

TEST_CASE("estimateRun: memory by dtype and tokens, time from the calibration")
{
    const RunEstimator estimator(fixtureDir());
    const ModelConfig &config = estimator.config();
    const PromptPlan small = estimator.plan({{336, 448}}, {}, "Where is it?");
    const PromptPlan large = estimator.plan({{336, 448}, {672, 896}}, {}, "Where is it?");
    const SpeedCalibration none;
    const RunEstimate bf16 = estimateRun(config, small, 16, Device::Cpu, DType::BFloat16,
                                         AttentionPath::Explicit, none);
    const RunEstimate f32 = estimateRun(config, small, 16, Device::Cpu, DType::Float32,
                                        AttentionPath::Explicit, none);
    CHECK(bf16.memory.weights == parameterCount(config) * 2);
    CHECK(f32.memory.weights == 2 * bf16.memory.weights);
    CHECK(bf16.memory.mappedSource == 0); // used as stored
    CHECK(f32.memory.mappedSource == bf16.memory.weights);
    // KV cache: layers x 2 x kv heads x (prompt + new) x head_dim x bytes.
    CHECK(bf16.memory.kvCache
          == 2LL * config.numHiddenLayers * config.numKeyValueHeads
                     * (std::int64_t(small.ids.size()) + 16) * config.headDim() * 2);
    const RunEstimate bigger = estimateRun(config, large, 16, Device::Cpu, DType::BFloat16,
                                           AttentionPath::Explicit, none);
    CHECK(bigger.promptTokens > bf16.promptTokens);
    CHECK(bigger.memory.activations > bf16.memory.activations);
    CHECK(bigger.work.vision > bf16.work.vision);
    const RunEstimate fused = estimateRun(config, large, 16, Device::Cpu, DType::BFloat16,
                                          AttentionPath::Fused, none);
    CHECK(fused.memory.activations < bigger.memory.activations); // no score matrices
    CHECK(bf16.memory.runtime == kEngineRuntimeBytes + kComputeRuntimeBytes);
    // A running process already holds the engine's libraries: only the rest is still needed.
    CHECK(bf16.additionalBytes(0) == bf16.memory.total());
    CHECK(bf16.additionalBytes(1LL << 40) == bf16.memory.total() - kEngineRuntimeBytes);

    // Uncalibrated: marked, and from the stand-in rates.
    CHECK_FALSE(bf16.time.calibrated);
    CHECK(bf16.time.totalSeconds() > 0);
    // Calibrated: FLOPs divided by the measured rates.
    SpeedCalibration measured;
    measured.visionFlops = 1e9;
    measured.prefillFlops = 2e9;
    measured.decodeFlops = 5e8;
    measured.measured = true;
    const RunEstimate timed = estimateRun(config, small, 16, Device::Cpu, DType::BFloat16,
                                          AttentionPath::Explicit, measured);
    CHECK(timed.time.calibrated);
    CHECK(timed.time.visionSeconds == doctest::Approx(timed.work.vision / 1e9));
    CHECK(timed.time.prefillSeconds == doctest::Approx(timed.work.prefill / 2e9));
    CHECK(timed.time.decodeSeconds == doctest::Approx(timed.work.decodePerToken * 16 / 5e8));
}

TEST_CASE("SpeedCalibration: measured from a run's stage times, folded into the history")
{
    WorkEstimate work;
    work.vision = 4e9;
    work.prefill = 6e9;
    work.decodePerToken = 1e8;
    StageTimings timings;
    timings.visionMs = 2000;
    timings.prefillMs = 1000;
    timings.decodeMs = 500;
    timings.decodeSteps = 10;
    const SpeedCalibration first = SpeedCalibration::fromRun(work, timings);
    CHECK(first.measured);
    CHECK(first.visionFlops == doctest::Approx(2e9));
    CHECK(first.prefillFlops == doctest::Approx(6e9));
    CHECK(first.decodeFlops == doctest::Approx(2e9));
    // A text-only run measures no vision speed and keeps the old one.
    StageTimings textOnly = timings;
    textOnly.visionMs = 0;
    textOnly.prefillMs = 3000;
    const SpeedCalibration merged = first.mergedWith(SpeedCalibration::fromRun(work, textOnly));
    CHECK(merged.visionFlops == doctest::Approx(2e9));
    CHECK(merged.prefillFlops == doctest::Approx(0.5 * 6e9 + 0.5 * 2e9));
    CHECK_FALSE(SpeedCalibration::fromRun(work, StageTimings{}).measured);
    CHECK(SpeedCalibration{}.mergedWith(first).visionFlops == doctest::Approx(2e9));
}

TEST_CASE("host memory readings")
{
    CHECK(availableHostBytes() > 0);
    CHECK(currentResidentBytes() > 0);
}
