// Stage-by-stage parity of the network with the reference implementation's golden tensors
// (transformers 4.45.2, float32, eager attention): vision tower, M-RoPE, embeddings, every decoder
// layer, prefill logits and 16-token generations with and without repetition penalty.
#include "model_fixture.h"

#include "model/attention.h"
#include "model/decode_step.h"
#include "model/linear_kernels.h"
#include "model/model_config.h"
#include "model/mrope_positions.h"
#include "model/qwen2vl_model.h"

#include <torch/version.h>

#include <atomic>
#include <cmath>
#include <fstream>
#include <type_traits>

#include <sys/resource.h>
#include <unistd.h>

#include "torch_doctest.h" // last: restores doctest's CHECK over glog's

using namespace migician;
using namespace migician::model;
using migician::testing::Golden;
using migician::testing::maxAbsDiff;

// The model's parts hold references into weights they do not own (Qwen2VLModel owns them, the
// tower and the decoder point into them): a copy or a move would leave those references pointing
// into the moved-from weights, so none of them can be copied or moved.
template<typename T>
constexpr bool pinned
        = !std::is_copy_constructible_v<
                  T> && !std::is_copy_assignable_v<T> && !std::is_move_constructible_v<T> && !std::is_move_assignable_v<T>;
static_assert(pinned<Qwen2VLModel>);
static_assert(pinned<VisionTower>);
static_assert(pinned<TextDecoder>);

namespace {

struct TinyModel
{
    ModelConfig config = ModelConfig::fromFile(testing::tinyDir() + "/config.json");
    Checkpoint checkpoint = Checkpoint::open(testing::tinyDir());
    std::unique_ptr<Qwen2VLModel> model;

    explicit TinyModel(at::ScalarType dtype)
        : model(std::make_unique<Qwen2VLModel>(
                config, Qwen2VLWeights::load(checkpoint, config, testing::testDevice(), dtype)))
    {}
};

TinyModel &tinyFloat32()
{
    static TinyModel model(at::kFloat);
    return model;
}

ModelInputs inputsOf(const Golden &golden)
{
    ModelInputs inputs;
    inputs.ids = testing::toIds(golden["input_ids"]);
    if (golden.has("pixel_values")) {
        inputs.pixelValues = golden["pixel_values"];
        inputs.grids = testing::toGrids(golden["image_grid_thw"]);
    }
    return inputs;
}

// The spacing of bfloat16 values (8 significant bits) around |x|.
double bf16Ulp(double x)
{
    return std::ldexp(1.0, std::ilogb(x) - 7);
}

std::vector<std::int64_t> jsonIds(const nlohmann::json &array)
{
    return array.get<std::vector<std::int64_t>>();
}

} // namespace

TEST_CASE("vision tower matches the reference stage by stage")
{
    auto &tiny = tinyFloat32();
    int withImages = 0;
    for (const auto &testCase : testing::tinyCases()) {
        const Golden golden(testCase);
        if (!golden.has("pixel_values"))
            continue; // text_only has no vision stage
        ++withImages;
        CAPTURE(testCase["name"].get<std::string>());
        const auto grids = testing::toGrids(golden["image_grid_thw"]);
        CHECK(maxAbsDiff(tiny.model->vision().rotaryAngles(grids), golden["vision_rotary_freqs"])
              < 1e-5);
        std::vector<at::Tensor> blocks;
        const at::Tensor embeds
                = tiny.model->vision().forward(golden["pixel_values"], grids, &blocks);
        REQUIRE(blocks.size() == 2);
        for (std::size_t b = 0; b < blocks.size(); ++b)
            CHECK(maxAbsDiff(blocks[b], golden["vision_block" + std::to_string(b) + "_out"])
                  < 1e-4);
        CHECK(maxAbsDiff(embeds, golden["image_embeds"]) < 1e-4);
    }
    CHECK(withImages == 4); // every case but text_only
}

TEST_CASE("M-RoPE positions and rope deltas are exact")
{
    for (const auto &testCase : testing::tinyCases()) {
        const Golden golden(testCase);
        CAPTURE(testCase["name"].get<std::string>());
        const auto ids = testing::toIds(golden["input_ids"]);
        const auto grids = golden.has("image_grid_thw") ? testing::toGrids(golden["image_grid_thw"])
                                                        : std::vector<std::array<int, 3>>{};
        const auto positions = computeMropePositions(ids, 151655, grids, 2);
        const auto expected = testing::toIds(golden["position_ids"]); // [3, 1, L]
        const std::size_t L = ids.size();
        for (int axis = 0; axis < 3; ++axis)
            CHECK(positions.axes[axis]
                  == std::vector<std::int64_t>(expected.begin() + axis * L,
                                               expected.begin() + (axis + 1) * L));
        CHECK(positions.ropeDelta == testing::toIds(golden["rope_deltas"])[0]);
        CHECK(positions.ropeDelta == testCase["rope_deltas"].get<std::int64_t>());
    }
}

TEST_CASE("embeddings, decoder layers and prefill logits match in float32")
{
    auto &tiny = tinyFloat32();
    for (const auto &testCase : testing::tinyCases()) {
        const Golden golden(testCase);
        CAPTURE(testCase["name"].get<std::string>());
        const ModelInputs inputs = inputsOf(golden);
        const at::Tensor embeds = tiny.model->inputEmbeddings(inputs);
        CHECK(maxAbsDiff(embeds, golden["inputs_embeds"]) < 1e-4);

        const auto mrope = computeMropePositions(inputs.ids, 151655, inputs.grids, 2);
        at::Tensor positions = at::empty({3, mrope.length()}, at::kLong);
        for (int axis = 0; axis < 3; ++axis)
            std::copy(mrope.axes[axis].begin(), mrope.axes[axis].end(),
                      positions[axis].data_ptr<std::int64_t>());
        KvCache cache;
        cache.reserve(tiny.config, mrope.length(), testing::testDevice(), at::kFloat);
        std::vector<at::Tensor> hidden;
        const at::Tensor last = tiny.model->decoder().forward(embeds, positions, cache, &hidden);
        const at::Tensor expectedHidden = golden["hidden_states"];
        REQUIRE(std::int64_t(hidden.size()) == expectedHidden.size(0));
        for (std::size_t i = 0; i < hidden.size(); ++i)
            CHECK(maxAbsDiff(hidden[i], expectedHidden[std::int64_t(i)]) < 1e-4);
        const at::Tensor logits = tiny.model->decoder().logits(last);
        CHECK(maxAbsDiff(logits, golden["prefill_logits_last"]) < 1e-4);
        CHECK(logits.argmax().item<std::int64_t>()
              == golden["prefill_logits_last"].argmax().item<std::int64_t>());
    }
}

TEST_CASE("16-token generations are exact: greedy and repetition penalty 1.05")
{
    auto &tiny = tinyFloat32();
    for (const auto &testCase : testing::tinyCases()) {
        const Golden golden(testCase);
        CAPTURE(testCase["name"].get<std::string>());
        const ModelInputs inputs = inputsOf(golden);
        SamplingOptions greedy = SamplingOptions::greedy();
        greedy.maxNewTokens = 16;
        const auto plain = tiny.model->generate(inputs, greedy);
        CHECK(plain.tokens == jsonIds(testCase["generated_ids"]));
        CHECK(plain.tokens == testing::toIds(golden["gen_ids"]));
        CHECK(plain.timings.decodeSteps == 15);

        SamplingOptions penalised = greedy;
        penalised.repetitionPenalty = 1.05;
        const auto rp = tiny.model->generate(inputs, penalised);
        CHECK(rp.tokens == jsonIds(testCase["generated_ids_rp"]));
    }
}

TEST_CASE("generation_config.json defaults reduce to penalised argmax, as in the reference")
{
    const auto generation
            = GenerationConfig::fromFile(testing::tinyDir() + "/generation_config.json");
    SamplingOptions options = SamplingOptions::fromGenerationConfig(generation);
    CHECK_FALSE(options.doSample); // do_sample with top_k 1 is argmax
    CHECK(options.repetitionPenalty == doctest::Approx(1.05));
    CHECK((options.stopTokenIds == std::vector<std::int64_t>{151645, 151643}));
    options.maxNewTokens = 16;
    const auto &testCase = testing::tinyCase("visual_reference"); // rp changes the tokens
    const Golden golden(testCase);
    const auto out = tinyFloat32().model->generate(inputsOf(golden), options);
    CHECK(out.tokens == jsonIds(testCase["generated_ids_rp"]));
    CHECK(out.tokens != jsonIds(testCase["generated_ids"]));
}

TEST_CASE("sampling is reproducible with a seed and differs across seeds")
{
    const auto &testCase = testing::tinyCase("single_grounding");
    const Golden golden(testCase);
    SamplingOptions sampling;
    sampling.doSample = true;
    sampling.temperature = 1.5;
    sampling.topK = 50;
    sampling.topP = 0.95;
    sampling.maxNewTokens = 8;
    sampling.seed = 7;
    auto &model = *tinyFloat32().model;
    const auto a = model.generate(inputsOf(golden), sampling);
    const auto b = model.generate(inputsOf(golden), sampling);
    CHECK(a.tokens == b.tokens);
    bool differs = false;
    for (std::uint64_t seed = 8; seed < 12 && !differs; ++seed) {
        sampling.seed = seed;
        differs = model.generate(inputsOf(golden), sampling).tokens != a.tokens;
    }
    CHECK(differs);
}

TEST_CASE("a cancelled generation stops within one step and the model runs again")
{
    auto &model = *tinyFloat32().model;
    const auto &testCase = testing::tinyCase("multi3_common_object");
    const Golden golden(testCase);
    SamplingOptions greedy = SamplingOptions::greedy();
    greedy.maxNewTokens = 16;
    std::atomic<bool> cancel{false};
    GenerationHooks hooks;
    int seen = 0;
    hooks.cancel = &cancel;
    hooks.onToken = [&](std::int64_t) {
        if (++seen == 5)
            cancel = true;
    };
    const auto cancelled = model.generate(inputsOf(golden), greedy, hooks);
    CHECK(cancelled.cancelled);
    CHECK(cancelled.tokens.size() == 5);
    const auto expected = jsonIds(testCase["generated_ids"]);
    CHECK(cancelled.tokens == std::vector<std::int64_t>(expected.begin(), expected.begin() + 5));
    const auto again = model.generate(inputsOf(golden), greedy);
    CHECK_FALSE(again.cancelled);
    CHECK(again.tokens == expected);
}

TEST_CASE("bfloat16: prefill logits within tolerance, tokens identical while the margins allow")
{
    TinyModel tiny(at::kBFloat16);
    // The contract of a bfloat16 engine (oneDNN, cuBLAS, PyTorch >= 2 everywhere): bfloat16
    // operands, float32 accumulation, each product's result rounded to bfloat16. Both ways the
    // engine meets it on the CPU are checked: float32 GEMM on widened weights (exact, since a
    // product of two bfloat16 values fits a float32), and libtorch's own kernel where it is the
    // real one (oneDNN, AVX-512). Without AVX-512 libtorch 1.13 falls back to a loop that rounds
    // every product and every partial sum of a dot product to bfloat16; its prefill logits land
    // 0.54-0.65 (4.3-5.2 ulp) from the reference, beyond the bound below: the engine never uses it.
    std::vector<Bf16Gemm> modes{Bf16Gemm::Widened};
    if (cpuHasNativeBf16Gemm() || testing::testDevice().is_cuda())
        modes.push_back(Bf16Gemm::Native);
    for (const Bf16Gemm mode : modes) {
        setBf16Gemm(mode);
        const std::string modeName = mode == Bf16Gemm::Native ? "native" : "widened";
        CAPTURE(modeName);
        std::size_t compared = 0;
        for (const auto &testCase : testing::tinyCases()) {
            const Golden golden(testCase);
            CAPTURE(testCase["name"].get<std::string>());
            SamplingOptions greedy = SamplingOptions::greedy();
            greedy.maxNewTokens = 16;
            const auto out = tiny.model->generate(inputsOf(golden), greedy);
            const at::Tensor reference = golden["prefill_logits_last"];
            const double diff = maxAbsDiff(out.prefillLogits, reference);
            // The bound in bfloat16 ulps at the largest reference logit (|z| 17-19.5 here, where
            // an ulp is 2^-3): half an ulp is the rounding of the logits themselves; the rest
            // comes from the roundings in front of the lm_head (about 15 per decoder layer: norms,
            // projections, residual sums, each a relative error up to 2^-9), a few ulp at the
            // logit scale. Float32 accumulation measures 1.4-2.9 ulp, bfloat16 accumulation
            // 4.3-5.2.
            const double ulp = bf16Ulp(reference.abs().max().item<double>());
            MESSAGE("bf16 prefill logits max abs diff " << diff << " (" << diff / ulp << " ulp)");
            CHECK(diff < 4 * ulp);
            // Tokens must agree up to the first step whose reference margin is below the bf16
            // error.
            const auto expected = jsonIds(testCase["generated_ids"]);
            const auto margins = testCase["step_margins"].get<std::vector<double>>();
            for (std::size_t i = 0; i < expected.size() && i < out.tokens.size(); ++i) {
                if (margins[i] < 2 * diff)
                    break;
                CHECK(out.tokens[i] == expected[i]);
                ++compared;
            }
        }
        // With this fixture's margins that is all 16 tokens of visual_reference (margins >=
        // 1.75); the other cases have a first-step margin below the bf16 error, so only their
        // logits count.
        MESSAGE("bf16 tokens compared with the float32 reference: " << compared);
        CHECK(compared >= 16);
    }
    setBf16Gemm(Bf16Gemm::Auto);
}

TEST_CASE("chunked attention equals the unchunked result on the tiny model (float32)")
{
    // multi3_common_object: images of 240, 60 and 240 patches, 204 text tokens. Chunks of 7 and 50
    // query rows split every image and the text; 1 << 20 is one chunk per image and for the text.
    auto &tiny = tinyFloat32();
    const auto &testCase = testing::tinyCases()[2];
    const Golden golden(testCase);
    const ModelInputs inputs = inputsOf(golden);
    const auto mrope = computeMropePositions(inputs.ids, 151655, inputs.grids, 2);
    at::Tensor positions = at::empty({3, mrope.length()}, at::kLong);
    for (int axis = 0; axis < 3; ++axis)
        std::copy(mrope.axes[axis].begin(), mrope.axes[axis].end(),
                  positions[axis].data_ptr<std::int64_t>());
    struct Result
    {
        at::Tensor image, hidden, logits;
    };
    const auto run = [&](std::int64_t rows) {
        setAttentionKernel(AttentionKernel::Explicit);
        setAttentionChunkRows(rows);
        Result r;
        r.image = tiny.model->vision().forward(inputs.pixelValues, inputs.grids);
        KvCache cache;
        cache.reserve(tiny.config, mrope.length(), testing::testDevice(), at::kFloat);
        std::vector<at::Tensor> hidden;
        const at::Tensor last = tiny.model->decoder().forward(tiny.model->inputEmbeddings(inputs),
                                                              positions, cache, &hidden);
        r.hidden = hidden.back();
        r.logits = tiny.model->decoder().logits(last);
        setAttentionChunkRows(0);
        setAttentionKernel(AttentionKernel::Auto);
        return r;
    };
    const Result whole = run(1 << 20);
    CHECK(maxAbsDiff(whole.logits, golden["prefill_logits_last"]) < 1e-4);
    for (std::int64_t rows : {7, 50}) {
        CAPTURE(rows);
        const Result chunked = run(rows);
        CHECK(maxAbsDiff(chunked.image, whole.image) < 1e-5);
        CHECK(maxAbsDiff(chunked.hidden, whole.hidden) < 1e-5);
        // Logits reach ~15: float32 rounding of the shorter softmax sums, relative to their size.
        const double scale = whole.logits.abs().max().item<double>();
        CHECK(maxAbsDiff(chunked.logits, whole.logits) / scale < 1e-5);
        CHECK(chunked.logits.argmax().item<std::int64_t>()
              == whole.logits.argmax().item<std::int64_t>());
    }
}

TEST_CASE("the fixed-capacity decode step equals the plain step and keeps the golden ids")
{
    auto &tiny = tinyFloat32();
    const auto &decoder = tiny.model->decoder();
    const auto &testCase = testing::tinyCases()[3]; // visual_reference
    const Golden golden(testCase);
    const ModelInputs inputs = inputsOf(golden);
    const auto mrope = computeMropePositions(inputs.ids, 151655, inputs.grids, 2);
    at::Tensor positions = at::empty({3, mrope.length()}, at::kLong);
    for (int axis = 0; axis < 3; ++axis)
        std::copy(mrope.axes[axis].begin(), mrope.axes[axis].end(),
                  positions[axis].data_ptr<std::int64_t>());
    const at::Tensor embeds = tiny.model->inputEmbeddings(inputs);
    const auto device = testing::testDevice();
    KvCache plain, fixed;
    plain.reserve(tiny.config, mrope.length() + 4, device, at::kFloat);
    fixed.reserve(tiny.config, mrope.length() + 4, device, at::kFloat, /*zeroed=*/true);
    CHECK(fixed.capacity() % 512 == 0);
    const std::int64_t first = decoder.logits(decoder.forward(embeds, positions, plain))
                                       .argmax()
                                       .item<std::int64_t>();
    (void)decoder.forward(embeds, positions, fixed);
    StaticDecodeStep step(decoder, fixed, device);
    CHECK(step.serves(fixed));
    std::int64_t token = first;
    for (int k = 0; k < 3; ++k) {
        CAPTURE(k);
        const at::Tensor next = decoder.embed(at::tensor({token}, at::kLong));
        const at::Tensor pos = at::full({3, 1}, mrope.decodePosition(k), at::kLong);
        const at::Tensor expected = decoder.logits(decoder.forward(next, pos, plain));
        const at::Tensor got = step.run(token, mrope.decodePosition(k));
        CHECK(fixed.length == plain.length);
        CHECK(maxAbsDiff(got, expected) < 1e-5);
        token = expected.argmax().item<std::int64_t>();
    }
    // Whole generations through it: the golden ids, greedy and with the repetition penalty.
    setDecodeStepKind(DecodeStepKind::Static);
    SamplingOptions greedy = SamplingOptions::greedy();
    greedy.maxNewTokens = 16;
    const auto out = tiny.model->generate(inputs, greedy);
    SamplingOptions penalised = greedy;
    penalised.repetitionPenalty = 1.05;
    const auto rp = tiny.model->generate(inputs, penalised);
    setDecodeStepKind(DecodeStepKind::Auto);
    CHECK(out.tokens == jsonIds(testCase["generated_ids"]));
    CHECK(rp.tokens == jsonIds(testCase["generated_ids_rp"]));
    CHECK(tiny.model->decodeGraphRecorded() == device.is_cuda());
}

namespace {

// This process's address-space size in bytes (/proc/self/statm: total program size in pages).
std::uint64_t addressSpaceBytes()
{
    std::ifstream statm("/proc/self/statm");
    std::uint64_t pages = 0;
    statm >> pages;
    return pages * std::uint64_t(::sysconf(_SC_PAGESIZE));
}

} // namespace

TEST_CASE("kv cache: a failed allocation leaves it empty, and a smaller request then works")
{
    const ModelConfig &config = tinyFloat32().config;
    KvCache cache;
    cache.reserve(config, 64, at::Device(at::kCPU), at::kFloat);
    REQUIRE(cache.capacity() == 64);

    // Keys and values are two allocations of `bytes` each. Under an address-space limit that
    // leaves room for one of them only, the first succeeds and the second fails: the cache must
    // not keep the half it got.
    const std::uint64_t bytes = 4ull << 30;
    const std::int64_t tokens
            = std::int64_t(bytes
                           / (std::uint64_t(config.numHiddenLayers) * config.numKeyValueHeads
                              * config.headDim() * sizeof(float)));
    rlimit saved{};
    REQUIRE(::getrlimit(RLIMIT_AS, &saved) == 0);
    rlimit limited = saved;
    limited.rlim_cur = addressSpaceBytes() + bytes + bytes / 2;
    REQUIRE(::setrlimit(RLIMIT_AS, &limited) == 0);
    bool threw = false;
    try {
        cache.reserve(config, tokens, at::Device(at::kCPU), at::kFloat);
    } catch (const std::exception &) {
        threw = true;
    }
    REQUIRE(::setrlimit(RLIMIT_AS, &saved) == 0);
    CHECK(threw);
    CHECK(cache.capacity() == 0);
    CHECK_FALSE(cache.keys.defined());
    CHECK_FALSE(cache.values.defined());
    CHECK(cache.length == 0);

    // Usable again: a smaller request allocates and the prefill is the reference's.
    const auto &testCase = testing::tinyCase("text_only");
    const Golden golden(testCase);
    const ModelInputs inputs = inputsOf(golden);
    const auto mrope = computeMropePositions(inputs.ids, 151655, inputs.grids, 2);
    at::Tensor positions = at::empty({3, mrope.length()}, at::kLong);
    for (int axis = 0; axis < 3; ++axis)
        std::copy(mrope.axes[axis].begin(), mrope.axes[axis].end(),
                  positions[axis].data_ptr<std::int64_t>());
    auto &model = *tinyFloat32().model;
    cache.reserve(config, mrope.length(), model.device(), at::kFloat);
    CHECK(cache.capacity() == mrope.length());
    const at::Tensor logits = model.decoder().logits(
            model.decoder().forward(model.inputEmbeddings(inputs), positions, cache));
    CHECK(maxAbsDiff(logits, golden["prefill_logits_last"]) < 1e-4);
}
