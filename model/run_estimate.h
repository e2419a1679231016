// What a grounding run will cost before it runs: its tokens (from the prompt plan), the memory it
// needs (weights at the run's dtype, the KV cache, the activations of the attention path at the
// widest point) and its time (work in FLOPs divided by this machine's measured speed).
// Torch-free and Qt-free arithmetic over ModelConfig, so the CLI (`migician ground --dry-run`),
// the GUI's query panel and the tests use one formula.
//
// The memory model follows the engine's code (text_decoder.cpp, vision_tower.cpp, attention.cpp):
// - weights: every tensor of the checkpoint at the run's dtype; a checkpoint stored in another
//   dtype stays memory-mapped while converted copies exist, so its file bytes count too;
// - KV cache: reserved once for prompt + max_new_tokens (KvCache::reserve);
// - activations: the larger of the vision tower's peak (one block over all patches, attention
//   per image) and the prefill's peak (one decoder layer over the whole prompt), plus what lives
//   across both (input embeddings, pixel rows, the image embeddings);
// - runtime: the engine's own footprint (libtorch and its libraries, the tokenizer, thread pools:
//   kEngineRuntimeBytes) and the compute libraries' working state during a forward pass
//   (kComputeRuntimeBytes). A process that already runs (the workbench) has the first resident:
//   additionalBytes() counts only what is still to come.
#pragma once

#include "model/engine.h"
#include "model/prompt_builder.h"

#include <cstdint>
#include <string>

namespace migician::model {

// The explicit path (matmul, float32 softmax) materialises the scores; the fused kernel of
// libtorch >= 2.1 (at::scaled_dot_product_attention) does not.
enum class AttentionPath { Explicit, Fused };
AttentionPath compiledAttentionPath();

int dtypeBytes(DType dtype);                        // Auto: throws (resolve first)
DType dtypeFromName(const std::string &torchDtype); // config.json names; unknown: BFloat16

// Parameters of the checkpoint config.json describes (tied lm_head counted once).
std::int64_t parameterCount(const ModelConfig &config);
std::int64_t visionParameterCount(const ModelConfig &config);

struct MemoryEstimate
{
    std::int64_t weights = 0;      // at the run's dtype
    std::int64_t mappedSource = 0; // the checkpoint's own files, while converted to another dtype
    std::int64_t kvCache = 0;
    std::int64_t activations = 0;
    std::int64_t runtime = 0; // the process and its libraries
    std::int64_t total() const { return weights + mappedSource + kvCache + activations + runtime; }
};

struct WorkEstimate // floating-point operations
{
    double vision = 0;
    double prefill = 0;
    double decodePerToken = 0; // at the end of the prompt
};

// Measured speed of one device and dtype, in FLOP/s per stage. `measured` false: nothing measured
// yet on this machine, the defaults below stand in (an estimate from token counts only).
struct SpeedCalibration
{
    double visionFlops = 0;
    double prefillFlops = 0;
    double decodeFlops = 0;
    bool measured = false;

    // Conservative figures for a first estimate before any measurement (a laptop CPU in bf16 /
    // float32, a mid-range GPU).
    static SpeedCalibration unmeasured(Device device, DType dtype);
    // The speed a finished run showed (stages of under a millisecond are not used).
    static SpeedCalibration fromRun(const WorkEstimate &work, const StageTimings &timings);
    // `next` folded into this one (stages next did not measure keep their value).
    SpeedCalibration mergedWith(const SpeedCalibration &next) const;
};

struct TimeEstimate
{
    double visionSeconds = 0;
    double prefillSeconds = 0;
    double decodeSeconds = 0; // for max_new_tokens
    bool calibrated = false;
    double totalSeconds() const { return visionSeconds + prefillSeconds + decodeSeconds; }
};

struct RunEstimate
{
    int promptTokens = 0;
    int textTokens = 0;
    std::vector<int> imageTokens; // per image, in prompt order
    int maxNewTokens = 0;
    Device device = Device::Cpu;
    DType dtype = DType::BFloat16; // resolved
    AttentionPath attention = AttentionPath::Explicit;
    MemoryEstimate memory;
    std::int64_t availableBytes = -1; // free memory on the device; -1: unknown
    WorkEstimate work;
    TimeEstimate time;

    // The memory still to be found: the total less the engine footprint this process already
    // holds (residentNow, at most kEngineRuntimeBytes of it).
    std::int64_t additionalBytes(std::int64_t residentNow) const;
    bool fits(std::int64_t residentNow) const;
};

// Measured with migician-bench on this project's CPU machines (Debian's libtorch 1.13 with
// OpenBLAS, 2 threads; tiny fixture config, whose weights are a rounding error): the peak RSS after
// loading, less the weights, is the engine's footprint; the peak during the run, less that and
// the activations counted above, is the compute libraries' working state. The W1 measurement in
// tests/app/tst_cli_estimate.cpp checks both at 2 GB scale.
constexpr std::int64_t kEngineRuntimeBytes = 160LL << 20;
constexpr std::int64_t kComputeRuntimeBytes = 56LL << 20;

// The FLOPs of a run over these images and prompt length generating `newTokens`.
WorkEstimate estimateWork(const ModelConfig &config, const std::vector<PlannedImage> &images,
                          int promptTokens, int newTokens);

RunEstimate estimateRun(const ModelConfig &config, const PromptPlan &plan, int maxNewTokens,
                        Device device, DType resolvedDtype, AttentionPath attention,
                        const SpeedCalibration &speed);

// MemAvailable of /proc/meminfo in bytes; -1 when it cannot be read.
std::int64_t availableHostBytes();
// This process's resident set now (/proc/self/statm); -1 when unknown.
std::int64_t currentResidentBytes();

} // namespace migician::model
