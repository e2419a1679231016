#include "qwen2vl_model.h"

#include "model/linear_kernels.h"
#include "model/model_error.h"
#include "model/mrope_positions.h"
#include "model/request_limits.h"
#include "model/token_sampler.h"

#include <ATen/Context.h>

#include <algorithm>
#include <chrono>

namespace migician::model {

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Device work is asynchronous on CUDA: read one value back so that timings cover the work.
void synchronize(const at::Tensor &t)
{
    if (t.defined() && t.is_cuda() && t.numel() > 0)
        (void)t.reshape(-1)[0].item<float>();
}

} // namespace

at::ScalarType toScalarType(DType dtype)
{
    switch (dtype) {
    case DType::Auto:
        throw ModelError("--dtype auto", "is resolved against a checkpoint's config.json first");
    case DType::Float32:
        return at::kFloat;
    case DType::BFloat16:
        return at::kBFloat16;
    case DType::Float16:
        return at::kHalf;
    }
    return at::kFloat;
}

at::Device resolveDevice(Device device, DType dtype)
{
    if (device == Device::Cuda) {
        if (!at::hasCUDA())
            throw ModelError("--device cuda",
                             "this build of libtorch has no CUDA support or no GPU is visible; "
                             "use --device cpu");
        return at::Device(at::kCUDA, 0);
    }
    if (dtype == DType::Float16)
        throw ModelError("--dtype float16",
                         "half precision is not implemented for CPU tensors; use float32 or "
                         "bfloat16 on the CPU");
    return at::Device(at::kCPU);
}

Qwen2VLModel::Qwen2VLModel(const ModelConfig &config, Qwen2VLWeights weights)
    : m_config(config)
    , m_weights(std::move(weights))
    , m_vision(config.vision, m_weights.vision)
    , m_decoder(config, m_weights.text)
{
    // The bfloat16 GEMM route is measured once per process (~0.2 s): at load, not inside the
    // first image's vision stage.
    const at::Tensor &probe = m_weights.text.embedTokens;
    if (probe.is_cpu() && probe.scalar_type() == at::kBFloat16)
        (void)bf16GemmCalibration();
}

at::Tensor Qwen2VLModel::inputEmbeddings(const ModelInputs &inputs, StageTimings *timings,
                                         const std::function<void(Stage)> &onStage,
                                         const RunControl *control) const
{
    const auto L = std::int64_t(inputs.ids.size());
    const at::Tensor ids = at::tensor(inputs.ids, at::kLong);
    at::Tensor embeds = m_decoder.embed(ids);
    const std::int64_t imageTokens
            = std::count(inputs.ids.begin(), inputs.ids.end(), m_config.imageTokenId);
    if (inputs.grids.empty()) {
        if (imageTokens != 0)
            throw ModelError("prompt", "has " + std::to_string(imageTokens)
                                               + " image tokens but no image was given");
        return embeds;
    }
    if (onStage)
        onStage(Stage::Vision);
    const auto start = Clock::now();
    const at::Tensor imageEmbeds
            = m_vision.forward(inputs.pixelValues, inputs.grids, nullptr, control);
    synchronize(imageEmbeds);
    if (timings)
        timings->visionMs += msSince(start);
    if (imageEmbeds.size(0) != imageTokens)
        throw ModelError("prompt", "has " + std::to_string(imageTokens)
                                           + " image tokens but the images give "
                                           + std::to_string(imageEmbeds.size(0)) + " embeddings");
    const at::Tensor isImage = (ids == m_config.imageTokenId).to(embeds.device());
    embeds.index_put_({isImage}, imageEmbeds.to(embeds.scalar_type()));
    (void)L;
    return embeds;
}

GenerationOutput Qwen2VLModel::generate(const ModelInputs &inputs, const SamplingOptions &sampling,
                                        const GenerationHooks &hooks)
{
    GenerationOutput out;
    try {
        generateInto(out, inputs, sampling, hooks);
    } catch (const Cancelled &) {
        // Whatever the prefill wrote is dropped: the next request starts from an empty cache.
        m_cache.clear();
        out.cancelled = true;
    } catch (...) {
        m_cache.clear();
        throw;
    }
    return out;
}

void Qwen2VLModel::generateInto(GenerationOutput &out, const ModelInputs &inputs,
                                const SamplingOptions &sampling, const GenerationHooks &hooks)
{
    const auto L = std::int64_t(inputs.ids.size());
    if (L == 0)
        throw ModelError("prompt", "is empty");
    const int maxNew = std::max(0, sampling.maxNewTokens);
    checkSequenceLength(L, maxNew, m_config); // before any work: the KV cache holds L + maxNew
    const MropePositions mrope = computeMropePositions(
            inputs.ids, m_config.imageTokenId, inputs.grids, m_config.vision.spatialMergeSize);
    const RunControl control{hooks.cancel, hooks.onProgress};
    const at::Tensor embeds = inputEmbeddings(inputs, &out.timings, hooks.onStage, &control);

    const bool staticStep = useStaticDecodeStep(device());
    m_cache.reserve(m_config, L + maxNew, device(), dtype(), staticStep);
    if (staticStep && !(m_step && m_step->serves(m_cache)))
        m_step = std::make_unique<StaticDecodeStep>(m_decoder, m_cache, device());

    if (hooks.onStage)
        hooks.onStage(Stage::Prefill);
    auto start = Clock::now();
    at::Tensor positions = at::empty({3, L}, at::kLong);
    for (int axis = 0; axis < 3; ++axis)
        std::copy(mrope.axes[axis].begin(), mrope.axes[axis].end(),
                  positions[axis].data_ptr<std::int64_t>());
    at::Tensor logits
            = m_decoder.logits(m_decoder.forward(embeds, positions, m_cache, nullptr, &control));
    synchronize(logits);
    out.prefillLogits = logits;
    out.timings.prefillMs = msSince(start);

    TokenSampler sampler(sampling, m_config.vocabSize, device());
    sampler.observe(inputs.ids);
    if (hooks.onStage)
        hooks.onStage(Stage::Decode);
    start = Clock::now();
    control.step(Stage::Decode, 0, maxNew); // Cancelled: out keeps the tokens generated so far
    for (int step = 0; step < maxNew; ++step) {
        const std::int64_t token = sampler.next(logits);
        out.tokens.push_back(token);
        sampler.observe(token);
        if (hooks.onToken)
            hooks.onToken(token);
        const bool stop
                = !sampling.ignoreEos
                  && std::find(sampling.stopTokenIds.begin(), sampling.stopTokenIds.end(), token)
                             != sampling.stopTokenIds.end();
        if (stop || step + 1 == maxNew)
            break;
        control.step(Stage::Decode, step + 1, maxNew);
        if (staticStep) {
            logits = m_step->run(token, mrope.decodePosition(step));
        } else {
            const at::Tensor next = m_decoder.embed(at::tensor({token}, at::kLong));
            const at::Tensor pos = at::full({3, 1}, mrope.decodePosition(step), at::kLong);
            logits = m_decoder.logits(m_decoder.forward(next, pos, m_cache));
        }
        ++out.timings.decodeSteps;
    }
    synchronize(logits);
    out.timings.decodeMs = msSince(start);
}

} // namespace migician::model
