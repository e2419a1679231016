#include "run_estimate.h"

#include "model/attention.h"
#include "model/model_error.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace migician::model {

namespace {

using I64 = std::int64_t;

// One decoder layer's parameters (attention with biases on q/k/v, gated MLP, two norms).
I64 layerParameters(const ModelConfig &c)
{
    const I64 H = c.hiddenSize;
    const I64 q = I64(c.numAttentionHeads) * c.headDim();
    const I64 kv = I64(c.numKeyValueHeads) * c.headDim();
    return H + (q * H + q) + 2 * (kv * H + kv) + H * q + H + 3 * H * I64(c.intermediateSize);
}

I64 visionBlockParameters(const VisionConfig &v)
{
    const I64 E = v.embedDim;
    const I64 mlp = E * v.mlpRatio;
    return 4 * E + (3 * E * E + 3 * E) + (E * E + E) + (mlp * E + mlp) + (E * mlp + E);
}

// Vision tower FLOPs for images of these patch counts: per block the linear layers over all
// patches, the attention within each image.
double visionFlops(const ModelConfig &c, const std::vector<PlannedImage> &images)
{
    const auto &v = c.vision;
    const double E = v.embedDim;
    double patches = 0, attention = 0;
    for (const PlannedImage &image : images) {
        patches += image.patches();
        attention += 4.0 * double(image.patches()) * double(image.patches()) * E;
    }
    const double rowLength = 3.0 * v.temporalPatchSize * v.patchSize * v.patchSize;
    const double merged = E * v.spatialMergeSize * v.spatialMergeSize;
    const double merges = patches / (v.spatialMergeSize * v.spatialMergeSize);
    return 2.0 * patches * rowLength * E
           + v.depth * (2.0 * patches * double(visionBlockParameters(v)) + attention)
           + 2.0 * merges * merged * (merged + v.hiddenSize);
}

double textLayerFlops(const ModelConfig &c, double tokens, double context)
{
    return 2.0 * tokens * double(layerParameters(c)) + 4.0 * tokens * context * c.hiddenSize;
}

// Bytes alive at the vision tower's widest point: one block over all patches (its input, the
// norm, qkv, rotated q/k, the attention output, the MLP hidden pair) and the scores of the largest
// image (matmul in the run dtype, softmax in float32, probabilities back in the run dtype).
I64 visionPeakBytes(const ModelConfig &c, const std::vector<PlannedImage> &images, I64 b,
                    AttentionPath attention)
{
    const auto &v = c.vision;
    I64 patches = 0, largest = 0;
    for (const PlannedImage &image : images) {
        patches += image.patches();
        largest = std::max<I64>(largest, image.patches());
    }
    if (patches == 0)
        return 0;
    const I64 E = v.embedDim;
    const I64 rowLength = 3LL * v.temporalPatchSize * v.patchSize * v.patchSize;
    const I64 inputs = patches * rowLength * (4 + b); // float32 rows and their run-dtype copy
    const I64 block = patches * E * b * 10 + patches * E * v.mlpRatio * b * 2;
    const I64 scores = attention == AttentionPath::Explicit
                               ? I64(v.numHeads) * largest * largest * (2 * b + 4)
                               : 0;
    return inputs + block + scores;
}

// Bytes alive at the prefill's widest point: one decoder layer over the whole prompt (residual
// stream, norm, q/k/v and their rotations, attention output, the MLP's gate/up/activation/product)
// plus the causal mask (float32, repeated per query group) and the scores.
I64 prefillPeakBytes(const ModelConfig &c, I64 tokens, I64 b, AttentionPath attention)
{
    const I64 H = c.hiddenSize;
    const I64 groups = std::max(1, c.numAttentionHeads / std::max(1, c.numKeyValueHeads));
    const I64 stream = tokens * H * b * 9;
    const I64 mlp = tokens * I64(c.intermediateSize) * b * 4;
    const I64 mask = tokens * tokens * 4 * (1 + groups);
    const I64 scores = attention == AttentionPath::Explicit
                               ? I64(c.numAttentionHeads) * tokens * tokens * (2 * b + 4)
                               : 0;
    const I64 logits = I64(c.vocabSize) * 4 * 2;
    return stream + mlp + mask + scores + logits;
}

} // namespace

AttentionPath compiledAttentionPath()
{
    // Mirrors attention.cpp: the fused kernel exists from libtorch 2.1 and is the default there.
    return fusedAttentionAvailable() && attentionKernel() != AttentionKernel::Explicit
                   ? AttentionPath::Fused
                   : AttentionPath::Explicit;
}

int dtypeBytes(DType dtype)
{
    switch (dtype) {
    case DType::Float32:
        return 4;
    case DType::BFloat16:
    case DType::Float16:
        return 2;
    case DType::Auto:
        break;
    }
    throw ModelError("dtype", "auto must be resolved before estimating");
}

DType dtypeFromName(const std::string &torchDtype)
{
    if (torchDtype == "float32")
        return DType::Float32;
    if (torchDtype == "float16")
        return DType::Float16;
    return DType::BFloat16;
}

I64 visionParameterCount(const ModelConfig &c)
{
    const auto &v = c.vision;
    const I64 E = v.embedDim;
    const I64 merged = E * v.spatialMergeSize * v.spatialMergeSize;
    return E * v.inChannels * v.temporalPatchSize * v.patchSize * v.patchSize
           + v.depth * visionBlockParameters(v) + 2 * E + (merged * merged + merged)
           + (I64(v.hiddenSize) * merged + v.hiddenSize);
}

I64 parameterCount(const ModelConfig &c)
{
    const I64 embed = I64(c.vocabSize) * c.hiddenSize;
    return visionParameterCount(c) + embed + c.numHiddenLayers * layerParameters(c) + c.hiddenSize
           + (c.tieWordEmbeddings ? 0 : embed);
}

SpeedCalibration SpeedCalibration::unmeasured(Device device, DType dtype)
{
    SpeedCalibration s;
    const double rate = device == Device::Cuda ? 20e12 : (dtype == DType::Float32 ? 40e9 : 80e9);
    s.visionFlops = s.prefillFlops = rate;
    // Decoding one token reads every weight once: memory-bound, far below the matmul rate.
    s.decodeFlops = device == Device::Cuda ? 2e12 : 10e9;
    return s;
}

SpeedCalibration SpeedCalibration::fromRun(const WorkEstimate &work, const StageTimings &timings)
{
    SpeedCalibration s;
    const auto rate = [](double flops, double ms) {
        return ms >= 1.0 ? flops / (ms / 1000.0) : 0;
    };
    s.visionFlops = rate(work.vision, timings.visionMs);
    s.prefillFlops = rate(work.prefill, timings.prefillMs);
    s.decodeFlops = timings.decodeSteps > 0
                            ? rate(work.decodePerToken * timings.decodeSteps, timings.decodeMs)
                            : 0;
    s.measured = s.visionFlops > 0 || s.prefillFlops > 0 || s.decodeFlops > 0;
    return s;
}

SpeedCalibration SpeedCalibration::mergedWith(const SpeedCalibration &next) const
{
    // The latest run counts most, but one disturbed run (another program busy) does not replace
    // the history: an exponential average, seeded by the first measurement.
    const auto fold = [&](double old, double now) {
        if (now <= 0)
            return old;
        return measured && old > 0 ? 0.5 * old + 0.5 * now : now;
    };
    SpeedCalibration out;
    out.visionFlops = fold(visionFlops, next.visionFlops);
    out.prefillFlops = fold(prefillFlops, next.prefillFlops);
    out.decodeFlops = fold(decodeFlops, next.decodeFlops);
    out.measured = measured || next.measured;
    return out;
}

I64 RunEstimate::additionalBytes(I64 residentNow) const
{
    return memory.total() - std::clamp<I64>(residentNow, 0, kEngineRuntimeBytes);
}

bool RunEstimate::fits(I64 residentNow) const
{
    return availableBytes < 0 || additionalBytes(residentNow) <= availableBytes;
}

WorkEstimate estimateWork(const ModelConfig &config, const std::vector<PlannedImage> &images,
                          int promptTokens, int newTokens)
{
    const double L = promptTokens;
    const double context = L + std::max(0, newTokens);
    WorkEstimate work;
    work.vision = images.empty() ? 0 : visionFlops(config, images);
    work.prefill = config.numHiddenLayers * textLayerFlops(config, L, L)
                   + 2.0 * config.hiddenSize * double(config.vocabSize);
    // At the middle of the answer: attention over the prompt and half the new tokens.
    work.decodePerToken = config.numHiddenLayers * textLayerFlops(config, 1.0, 0.5 * (L + context))
                          + 2.0 * config.hiddenSize * double(config.vocabSize);
    return work;
}

RunEstimate estimateRun(const ModelConfig &config, const PromptPlan &plan, int maxNewTokens,
                        Device device, DType resolvedDtype, AttentionPath attention,
                        const SpeedCalibration &speed)
{
    RunEstimate e;
    e.promptTokens = int(plan.ids.size());
    e.textTokens = plan.textTokens();
    for (const PlannedImage &image : plan.images)
        e.imageTokens.push_back(image.tokens);
    e.maxNewTokens = std::max(0, maxNewTokens);
    e.device = device;
    e.dtype = resolvedDtype;
    e.attention = attention;

    const I64 b = dtypeBytes(resolvedDtype);
    const I64 params = parameterCount(config);
    const DType stored = dtypeFromName(config.torchDtype);
    e.memory.weights = params * b;
    // On the CPU a checkpoint used in its own dtype is read straight from the mapped files; any
    // conversion keeps the mapping (its pages resident) next to the converted copy.
    if (device == Device::Cpu && stored != resolvedDtype)
        e.memory.mappedSource = params * dtypeBytes(stored);
    const I64 L = e.promptTokens;
    const I64 context = L + e.maxNewTokens;
    e.memory.kvCache = 2LL * config.numHiddenLayers * config.numKeyValueHeads * context
                       * config.headDim() * b;
    const I64 embeds = L * config.hiddenSize * b;
    const I64 imageEmbeds = I64(plan.imageTokens()) * config.hiddenSize * 4;
    e.memory.activations = embeds + imageEmbeds
                           + std::max(visionPeakBytes(config, plan.images, b, attention),
                                      prefillPeakBytes(config, L, b, attention));
    e.memory.runtime = kEngineRuntimeBytes + kComputeRuntimeBytes;
    e.availableBytes = device == Device::Cpu ? availableHostBytes() : -1;

    e.work = estimateWork(config, plan.images, e.promptTokens, e.maxNewTokens);

    const SpeedCalibration rates
            = speed.measured ? speed : SpeedCalibration::unmeasured(device, resolvedDtype);
    const SpeedCalibration fallback = SpeedCalibration::unmeasured(device, resolvedDtype);
    const auto seconds = [](double flops, double rate, double otherwise) {
        return flops / (rate > 0 ? rate : otherwise);
    };
    e.time.visionSeconds = seconds(e.work.vision, rates.visionFlops, fallback.visionFlops);
    e.time.prefillSeconds = seconds(e.work.prefill, rates.prefillFlops, fallback.prefillFlops);
    e.time.decodeSeconds = seconds(e.work.decodePerToken * e.maxNewTokens, rates.decodeFlops,
                                   fallback.decodeFlops);
    e.time.calibrated = speed.measured;
    return e;
}

I64 availableHostBytes()
{
    std::ifstream meminfo("/proc/meminfo");
    std::string key;
    I64 kib = 0;
    std::string unit;
    while (meminfo >> key >> kib >> unit)
        if (key == "MemAvailable:")
            return kib * 1024;
    return -1;
}

I64 currentResidentBytes()
{
    std::ifstream statm("/proc/self/statm");
    I64 size = 0, resident = 0;
    if (!(statm >> size >> resident))
        return -1;
    return resident * I64(sysconf(_SC_PAGESIZE));
}

} // namespace migician::model
