// The Migician engine behind a torch-free interface: load a checkpoint folder once, then answer
// grounding requests (images + query -> text + boxes).
//
// Threading contract: an Engine is used from one thread at a time (a command-line main, or whoever
// holds the lease of a SharedEngine: see shared_engine.h). Callbacks run on that thread, between
// steps. Cancellation is the atomic flag in GenerationCallbacks / RunControl, polled at every
// progress point: per tensor while loading, between vision blocks, between decoder layers of the
// prefill and between decode steps (run_control.h). A cancelled request returns with `cancelled`
// set and leaves the engine ready for the next one (its KV cache cleared); a cancelled load
// throws Cancelled. Errors are ModelError exceptions with the file or input named; an
// out-of-memory during a request is reported the same way and leaves the engine usable.
#pragma once

#include "model/answer_parser.h"
#include "model/image_preprocess.h"
#include "model/model_config.h"
#include "model/rgb_image.h"
#include "model/run_control.h"
#include "model/tokenizer.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace migician::model {

enum class Device { Cpu, Cuda };
// Auto: the checkpoint's own dtype (see resolveDType); the default everywhere.
enum class DType { Auto, Float32, BFloat16, Float16 };

const char *deviceName(Device device);
const char *dtypeName(DType dtype);
Device parseDevice(const std::string &name); // throws ModelError
DType parseDType(const std::string &name);   // "auto", "float32", ...; throws ModelError

// The project's one precision rule. Auto is the dtype the checkpoint is stored in (config.json
// "torch_dtype"; bfloat16 when absent or unknown): the weights are then used as published, on the
// CPU straight from the memory-mapped files, which is what the reference evaluation runs
// (bfloat16 for Migician and Qwen2-VL). The one exception: float16 checkpoints run in bfloat16 on
// the CPU, where libtorch has no half-precision kernels. Any other choice is returned unchanged.
DType resolveDType(DType requested, const ModelConfig &config, Device device);

struct EngineOptions
{
    std::string modelDir;
    Device device = Device::Cpu;
    DType dtype = DType::Auto; // Engine::options() holds the resolved one
    int threads = 0;           // 0: all cores
};

struct SamplingOptions
{
    bool doSample = false;
    double temperature = 1.0;
    double topP = 1.0;
    int topK = 0; // 0: no top-k filter
    double repetitionPenalty = 1.0;
    std::uint64_t seed = 0;
    int maxNewTokens = 128;
    std::vector<std::int64_t> stopTokenIds{151645, 151643};
    bool ignoreEos = false; // benchmarks: always generate maxNewTokens

    // What transformers' generate() does with this generation_config.json.
    static SamplingOptions fromGenerationConfig(const GenerationConfig &config);
    // Plain argmax, no repetition penalty.
    static SamplingOptions greedy();
};

struct StageTimings
{
    double preprocessMs = 0;
    double visionMs = 0;
    double prefillMs = 0;
    double decodeMs = 0;
    int decodeSteps = 0;
};

struct GroundingRequest
{
    std::vector<RgbImage> images;
    std::vector<ResizeLimits> limits; // per image; empty: defaults for all
    std::string query;
    SamplingOptions sampling;
};

struct GenerationCallbacks
{
    std::function<void(Stage)> onStage;
    // Called after each generated token with its id and the whole decoded text so far.
    std::function<void(TokenId, const std::string &)> onToken;
    // Polled at every progress point (vision blocks, prefill layers, decode steps).
    const std::atomic<bool> *cancel = nullptr;
    // Determinate progress at exactly those points (see RunControl::onProgress).
    std::function<void(Stage stage, int done, int total)> onProgress;
};

struct ImageInput
{
    ImageSize original;
    ImageSize resized;
    int gridT = 1, gridH = 0, gridW = 0;
    int tokens = 0;
};

struct GroundingResult
{
    std::string prompt; // rendered chat prompt, before pad expansion
    int promptTokens = 0;
    std::vector<TokenId> tokenIds; // generated ids, without the prompt
    std::string text;              // special tokens kept
    std::string plainText;         // special tokens dropped
    ParsedAnswer answer;
    std::vector<ImageInput> images;
    StageTimings timings;
    bool cancelled = false;
};

class Engine
{
public:
    using Progress = std::function<void(double fraction, const std::string &what)>;

    // Checks the folder (files present, config consistent with the weights) and loads it onto the
    // device in the requested dtype (Auto resolved by resolveDType). Throws ModelError, or
    // Cancelled when `control`'s flag is set (polled per tensor; nothing stays allocated).
    static std::unique_ptr<Engine> load(const EngineOptions &options, const Progress &progress = {},
                                        const RunControl &control = {});
    ~Engine();

    GroundingResult ground(const GroundingRequest &request,
                           const GenerationCallbacks &callbacks = {});

    const ModelConfig &config() const;
    const GenerationConfig &generationConfig() const;
    const PreprocessorConfig &preprocessorConfig() const;
    const Tokenizer &tokenizer() const;
    const EngineOptions &options() const;

    struct Impl;

private:
    explicit Engine(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d;
};

// Lists what is wrong with a checkpoint folder without loading the weights (empty: looks usable):
// missing files, unreadable JSON, tensors that do not match config.json.
std::vector<std::string> checkCheckpointFolder(const std::string &dir);

} // namespace migician::model
