#include "engine.h"

#include "model/model_error.h"
#include "model/prompt_builder.h"
#include "model/qwen2vl_model.h"
#include "model/safetensors.h"

#include <ATen/Context.h>
#include <ATen/Parallel.h>
#include <c10/util/Exception.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <new>
#include <thread>

namespace fs = std::filesystem;

namespace migician::model {

namespace {

using Clock = std::chrono::steady_clock;

bool isOutOfMemory(const std::exception &error)
{
    const std::string what = error.what();
    return what.find("out of memory") != std::string::npos
           || what.find("CUDA out of memory") != std::string::npos
           || what.find("DefaultCPUAllocator: can't allocate memory") != std::string::npos;
}

// Bytes of RAM the system can still give us: MIGICIAN_MEMORY_LIMIT_BYTES when set (a budget for
// shared machines, and how tests exercise this check), else MemAvailable; 0 when unknown.
std::uint64_t availableMemory()
{
    if (const char *limit = std::getenv("MIGICIAN_MEMORY_LIMIT_BYTES"))
        return std::strtoull(limit, nullptr, 10);
    std::ifstream meminfo("/proc/meminfo");
    std::string key;
    std::uint64_t kib = 0;
    std::string unit;
    while (meminfo >> key >> kib >> unit)
        if (key == "MemAvailable:")
            return kib * 1024;
    return 0;
}

// Converting weights on the CPU (bf16 file -> float32) needs anonymous memory for all of them;
// running out of it gets the process killed rather than a bad_alloc, so refuse up front with a
// way out. Weights kept in the file's dtype are used from the mapping and need no such memory.
void ensureMemoryFor(const Checkpoint &checkpoint, DType dtype, const std::string &dir)
{
    std::uint64_t needed = 0;
    bool converted = false;
    const std::size_t target = dtype == DType::Float32 ? 4 : 2;
    for (const auto &name : checkpoint.names()) {
        const TensorView &view = checkpoint.tensor(name);
        const bool sameDtype = (view.dtype == StDtype::BF16 && dtype == DType::BFloat16)
                               || (view.dtype == StDtype::F16 && dtype == DType::Float16)
                               || (view.dtype == StDtype::F32 && dtype == DType::Float32);
        if (!sameDtype) {
            converted = true;
            needed += std::uint64_t(view.numel()) * target;
        }
    }
    const std::uint64_t available = availableMemory();
    if (!converted || available == 0 || needed <= available)
        return;
    const auto size = [](std::uint64_t bytes) {
        char text[32];
        if (bytes >= 1'000'000'000)
            std::snprintf(text, sizeof text, "%.1f GB", double(bytes) / 1e9);
        else
            std::snprintf(text, sizeof text, "%.0f MB", double(bytes) / 1e6);
        return std::string(text);
    };
    throw ModelError(
            dir, std::string("loading the weights as ") + dtypeName(dtype) + " needs about "
                         + size(needed) + " of memory but only " + size(available)
                         + " is available; use bfloat16 (the checkpoint's own dtype, read straight "
                           "from the files) or a GPU");
}

std::string path(const std::string &dir, const char *file)
{
    return (fs::path(dir) / file).string();
}

// Filesystem checks through the error_code overloads: a path that cannot be examined
// (permission denied, a symlink loop, ...) is a message, never a filesystem_error thrown into
// whatever event loop called us. Each returns what is wrong with the path (empty: nothing).
std::string statusProblem(const std::string &file, fs::file_status &status)
{
    std::error_code error;
    status = fs::status(file, error);
    if (error && status.type() != fs::file_type::not_found)
        return "cannot be examined (" + error.message() + ")";
    return {};
}

std::string folderProblem(const std::string &dir)
{
    fs::file_status status;
    if (std::string why = statusProblem(dir, status); !why.empty())
        return why;
    return fs::is_directory(status) ? std::string() : std::string("not a folder");
}

std::string fileProblem(const std::string &file)
{
    fs::file_status status;
    if (std::string why = statusProblem(file, status); !why.empty())
        return why;
    return fs::exists(status) ? std::string() : std::string("missing");
}

bool isFile(const std::string &file)
{
    std::error_code error;
    return fs::is_regular_file(file, error);
}

} // namespace

struct Engine::Impl
{
    EngineOptions options;
    ModelConfig config;
    GenerationConfig generation;
    PreprocessorConfig preprocessor;
    std::shared_ptr<const Tokenizer> tokenizer;
    Checkpoint checkpoint; // must outlive the model: CPU weights may alias its mapping
    std::unique_ptr<Qwen2VLModel> model;
};

Engine::Engine(std::unique_ptr<Impl> impl)
    : d(std::move(impl))
{}

Engine::~Engine() = default;

std::vector<std::string> checkCheckpointFolder(const std::string &dir)
{
    std::vector<std::string> problems;
    if (const std::string why = folderProblem(dir); !why.empty())
        return {dir + ": " + why};
    for (const char *file : {"config.json", "tokenizer.json"})
        if (const std::string why = fileProblem(path(dir, file)); !why.empty())
            problems.push_back(path(dir, file) + ": " + why);
    if (!isFile(path(dir, "model.safetensors.index.json"))
        && !isFile(path(dir, "model.safetensors")))
        problems.push_back(dir + ": no model.safetensors.index.json or model.safetensors");
    if (!problems.empty())
        return problems;
    try {
        const ModelConfig config = ModelConfig::fromFile(path(dir, "config.json"));
        const Checkpoint checkpoint = Checkpoint::open(dir);
        for (const auto &expected : expectedTensors(config)) {
            if (!checkpoint.contains(expected.name)) {
                if (!expected.optional)
                    problems.push_back(expected.name + ": missing from the checkpoint");
                continue;
            }
            if (checkpoint.tensor(expected.name).shape != expected.shape)
                problems.push_back(expected.name + ": shape does not match config.json");
        }
    } catch (const std::exception &error) {
        problems.push_back(error.what());
    }
    return problems;
}

std::unique_ptr<Engine> Engine::load(const EngineOptions &options, const Progress &progress,
                                     const RunControl &control)
{
    auto impl = std::make_unique<Impl>();
    impl->options = options;
    const std::string &dir = options.modelDir;
    if (const std::string why = folderProblem(dir); !why.empty())
        throw ModelError(dir, why == "not a folder" ? "is not a checkpoint folder" : why);
    if (progress)
        progress(0.0, "config.json");
    impl->config = ModelConfig::fromFile(path(dir, "config.json"));
    impl->options.dtype = resolveDType(options.dtype, impl->config, options.device);
    const DType dtype = impl->options.dtype;
    const at::Device device = resolveDevice(options.device, dtype);
    at::set_num_threads(options.threads > 0
                                ? options.threads
                                : int(std::max(1u, std::thread::hardware_concurrency())));
    impl->generation = isFile(path(dir, "generation_config.json"))
                               ? GenerationConfig::fromFile(path(dir, "generation_config.json"))
                               : GenerationConfig{};
    impl->preprocessor
            = isFile(path(dir, "preprocessor_config.json"))
                      ? PreprocessorConfig::fromFile(path(dir, "preprocessor_config.json"))
                      : PreprocessorConfig{};
    if (progress)
        progress(0.01, "tokenizer.json");
    impl->tokenizer = Tokenizer::fromFile(path(dir, "tokenizer.json"));
    impl->checkpoint = Checkpoint::open(dir);
    if (device.is_cpu())
        ensureMemoryFor(impl->checkpoint, dtype, dir);
    try {
        auto weights = Qwen2VLWeights::load(
                impl->checkpoint, impl->config, device, toScalarType(dtype),
                [&](double fraction, const std::string &tensor) {
                    if (progress)
                        progress(0.02 + 0.98 * fraction, tensor);
                },
                &control);
        impl->model = std::make_unique<Qwen2VLModel>(impl->config, std::move(weights));
    } catch (const Cancelled &) {
        throw;
    } catch (const ModelError &) {
        throw;
    } catch (const std::bad_alloc &) {
        throw ModelError(dir, "out of memory while loading the weights");
    } catch (const std::exception &error) {
        if (isOutOfMemory(error))
            throw ModelError(dir, std::string("out of memory while loading the weights on ")
                                          + deviceName(options.device));
        throw ModelError(dir, error.what());
    }
    return std::unique_ptr<Engine>(new Engine(std::move(impl)));
}

GroundingResult Engine::ground(const GroundingRequest &request,
                               const GenerationCallbacks &callbacks)
{
    GroundingResult result;
    if (callbacks.onStage)
        callbacks.onStage(Stage::Preprocess);
    const auto start = Clock::now();
    const RunControl control{callbacks.cancel, callbacks.onProgress};
    if (control.cancelled()) {
        result.cancelled = true;
        return result;
    }

    const PromptInputs prompt = buildPromptInputs(*d->tokenizer, d->preprocessor, request.images,
                                                  request.limits, request.query);
    result.prompt = prompt.prompt;
    result.promptTokens = int(prompt.ids.size());
    ModelInputs inputs;
    inputs.ids.assign(prompt.ids.begin(), prompt.ids.end());
    std::vector<float> rows;
    for (const auto &image : prompt.images) {
        result.images.push_back({image.original, image.resized, image.gridT, image.gridH,
                                 image.gridW, image.tokenCount(d->preprocessor.mergeSize)});
        inputs.grids.push_back({image.gridT, image.gridH, image.gridW});
        rows.insert(rows.end(), image.patches.begin(), image.patches.end());
    }
    if (!rows.empty()) {
        const std::int64_t rowLength = prompt.images.front().rowLength;
        inputs.pixelValues = at::from_blob(
                rows.data(), {std::int64_t(rows.size()) / rowLength, rowLength}, at::kFloat);
    }
    const double preprocessMs
            = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    if (control.cancelled()) { // preprocessing large images takes a while too
        result.cancelled = true;
        return result;
    }

    GenerationHooks hooks;
    hooks.onStage = callbacks.onStage;
    hooks.cancel = callbacks.cancel;
    hooks.onProgress = callbacks.onProgress;
    std::vector<TokenId> generated;
    hooks.onToken = [&](std::int64_t token) {
        generated.push_back(TokenId(token));
        if (callbacks.onToken)
            callbacks.onToken(TokenId(token), d->tokenizer->decode(generated, false));
    };
    GenerationOutput output;
    try {
        output = d->model->generate(inputs, request.sampling, hooks);
    } catch (const Cancelled &) {
        result.cancelled = true;
        return result;
    } catch (const ModelError &) {
        throw;
    } catch (const std::bad_alloc &) {
        throw ModelError("generation",
                         "out of memory on the CPU; try fewer or smaller images (--max-pixels)");
    } catch (const std::exception &error) {
        if (isOutOfMemory(error))
            throw ModelError("generation",
                             std::string("out of memory on ") + deviceName(d->options.device)
                                     + "; try fewer or smaller images (--max-pixels)");
        throw ModelError("generation", error.what());
    }
    result.timings = output.timings;
    result.timings.preprocessMs = preprocessMs;
    result.cancelled = output.cancelled;
    for (auto token : output.tokens)
        result.tokenIds.push_back(TokenId(token));
    result.text = d->tokenizer->decode(result.tokenIds, false);
    result.plainText = d->tokenizer->decode(result.tokenIds, true);
    result.answer = parseAnswer(result.text, int(request.images.size()));
    return result;
}

const ModelConfig &Engine::config() const
{
    return d->config;
}

const GenerationConfig &Engine::generationConfig() const
{
    return d->generation;
}

const PreprocessorConfig &Engine::preprocessorConfig() const
{
    return d->preprocessor;
}

const Tokenizer &Engine::tokenizer() const
{
    return *d->tokenizer;
}

const EngineOptions &Engine::options() const
{
    return d->options;
}

} // namespace migician::model
