// migician-bench: speed and memory of the engine on random weights of any config.json (the tiny
// fixture, the 4-layer mid-size model, the full 7B). Speed does not depend on weight values, so
// the numbers are honest as long as the token count is fixed (end-of-sequence is ignored). The
// output of random weights is never an answer and is not printed.
#include "random_checkpoint.h"

#include "model/allocator_tuning.h"
#include "model/build_info.h"
#include "model/image_preprocess.h"
#include "model/model_config.h"
#include "model/model_error.h"
#include "model/qwen2vl_model.h"
#include "model/safetensors.h"
#include "model/tokenizer.h"

#include <ATen/Parallel.h>
#include <nlohmann/json.hpp>

#ifdef MIGICIAN_WITH_CUDA
#include <c10/cuda/CUDACachingAllocator.h>
#endif

#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

using namespace migician::model;

namespace {

struct Options
{
    std::string config;
    std::string checkpoint;      // load real files instead of random weights (measures loading)
    std::string writeCheckpoint; // write a random-weight checkpoint of --config here and exit
    std::string tokenizer;       // tokenize the query for real; otherwise a fixed id sequence
    std::string query = "Find the common object in these two images and give its bounding box.";
    int images = 2;
    int width = 448;
    int height = 336;
    int tokens = 16;
    int threads = 2;
    int repeat = 1;
    std::string dtype = "float32";
    std::string device = "cpu";
};

void usage()
{
    std::puts(
            "usage: migician-bench --config CONFIG.json [options]\n"
            "  --checkpoint DIR      load weights from DIR instead of random ones\n"
            "  --write-checkpoint DIR  write random bf16 weights of --config as a checkpoint "
            "folder\n"
            "  --tokenizer FILE      tokenize the query with this tokenizer.json\n"
            "  --images N            synthetic images (default 2)\n"
            "  --image-size WxH      their size (default 448x336: 192 visual tokens each)\n"
            "  --tokens N            generated tokens, end-of-sequence ignored (default 16)\n"
            "  --dtype float32|bfloat16|float16   --device cpu|cuda   --threads N   --repeat N\n"
            "Prints one JSON object with vision ms, prefill ms, decode ms per token, tokens/s and\n"
            "peak host (and device) memory.");
}

bool parse(int argc, char **argv, Options &o)
{
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc)
                throw ModelError(a, "needs a value");
            return argv[++i];
        };
        if (a == "--help" || a == "-h") {
            usage();
            std::exit(0);
        } else if (a == "--config")
            o.config = value();
        else if (a == "--checkpoint")
            o.checkpoint = value();
        else if (a == "--write-checkpoint")
            o.writeCheckpoint = value();
        else if (a == "--tokenizer")
            o.tokenizer = value();
        else if (a == "--query")
            o.query = value();
        else if (a == "--images")
            o.images = std::stoi(value());
        else if (a == "--image-size") {
            const std::string v = value();
            if (std::sscanf(v.c_str(), "%dx%d", &o.width, &o.height) != 2)
                throw ModelError("--image-size", "expects WxH, not \"" + v + "\"");
        } else if (a == "--tokens")
            o.tokens = std::stoi(value());
        else if (a == "--threads")
            o.threads = std::stoi(value());
        else if (a == "--repeat")
            o.repeat = std::stoi(value());
        else if (a == "--dtype")
            o.dtype = value();
        else if (a == "--device")
            o.device = value();
        else
            throw ModelError(a, "unknown option (see --help)");
    }
    if (o.config.empty() && o.checkpoint.empty())
        throw ModelError("--config", "is required (or --checkpoint DIR)");
    return true;
}

// The prompt of one user turn with N images, as token ids.
std::vector<std::int64_t> promptIds(const Options &o, int tokensPerImage)
{
    std::vector<std::int64_t> ids{151644, 8948, 198,    2610, 525,    264, 10950,
                                  17847,  13,   151645, 198,  151644, 872, 198};
    for (int i = 0; i < o.images; ++i) {
        ids.push_back(151652);
        ids.insert(ids.end(), std::size_t(tokensPerImage), 151655);
        ids.push_back(151653);
    }
    if (!o.tokenizer.empty()) {
        for (auto id : Tokenizer::fromFile(o.tokenizer)->encode(o.query))
            ids.push_back(id);
    } else {
        // 16 ordinary ids standing in for the query (the count is what matters for speed).
        for (std::int64_t id : {9885, 279, 4185, 1633, 304, 1493, 1378, 5335, 323, 2968, 1181,
                                30618, 3745, 13, 220, 16})
            ids.push_back(id);
    }
    ids.insert(ids.end(), {151645, 198, 151644, 77091, 198});
    return ids;
}

long long peakDeviceBytes(const at::Device &device)
{
#ifdef MIGICIAN_WITH_CUDA
    if (device.is_cuda()) {
        const auto stats = c10::cuda::CUDACachingAllocator::getDeviceStats(device.index());
        return stats.reserved_bytes[0].peak; // index 0: StatType::AGGREGATE
    }
#endif
    return 0;
}

double msSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
            .count();
}

} // namespace

int main(int argc, char **argv)
{
    keepFreedMemoryForReuse();
    Options o;
    try {
        parse(argc, argv, o);
        if (!o.writeCheckpoint.empty()) {
            const auto start = std::chrono::steady_clock::now();
            const auto bytes
                    = migician::bench::writeRandomCheckpoint(o.config, o.writeCheckpoint, 1);
            std::cout << nlohmann::json{{"written", o.writeCheckpoint},
                                        {"bytes", bytes},
                                        {"ms", msSince(start)}}
                                 .dump()
                      << std::endl;
            return 0;
        }
        at::set_num_threads(o.threads);
        const DType requested = parseDType(o.dtype);
        const at::Device device = resolveDevice(parseDevice(o.device), requested);
        const at::ScalarType dtype = toScalarType(requested);
        const std::string configPath = o.config.empty() ? o.checkpoint + "/config.json" : o.config;
        const ModelConfig config = ModelConfig::fromFile(configPath);

        auto start = std::chrono::steady_clock::now();
        Checkpoint checkpoint;
        std::unique_ptr<Qwen2VLModel> model;
        if (!o.checkpoint.empty()) {
            checkpoint = Checkpoint::open(o.checkpoint);
            model = std::make_unique<Qwen2VLModel>(
                    config, Qwen2VLWeights::load(checkpoint, config, device, dtype));
        } else {
            model = std::make_unique<Qwen2VLModel>(
                    config, Qwen2VLWeights::random(config, device, dtype, 1));
        }
        const double loadMs = msSince(start);
        const long long rssAfterLoad = peakResidentBytes();

        const ImageSize size = smartResize(o.height, o.width, ResizeLimits{});
        const int gridH = size.height / config.vision.patchSize;
        const int gridW = size.width / config.vision.patchSize;
        const int merge = config.vision.spatialMergeSize;
        ModelInputs inputs;
        const std::int64_t rowLength = 3LL * config.vision.temporalPatchSize
                                       * config.vision.patchSize * config.vision.patchSize;
        if (o.images > 0) {
            inputs.pixelValues = at::randn({std::int64_t(o.images) * gridH * gridW, rowLength});
            inputs.grids.assign(std::size_t(o.images), {1, gridH, gridW});
        }
        inputs.ids = promptIds(o, gridH * gridW / (merge * merge));

        SamplingOptions sampling = SamplingOptions::greedy();
        sampling.maxNewTokens = o.tokens;
        sampling.ignoreEos = true;
        StageTimings best;
        double bestTotal = 1e300;
        for (int r = 0; r < std::max(1, o.repeat); ++r) {
            start = std::chrono::steady_clock::now();
            const auto out = model->generate(inputs, sampling);
            const double total = msSince(start);
            if (total < bestTotal) {
                bestTotal = total;
                best = out.timings;
            }
        }
        const int generated = o.tokens;
        nlohmann::json report{
                {"config", configPath},
                {"weights", o.checkpoint.empty() ? "random" : o.checkpoint},
                {"torch", buildInfo().torchVersion},
                {"device", o.device},
                {"dtype", o.dtype},
                {"threads", at::get_num_threads()},
                {"images", o.images},
                {"image_size", std::to_string(o.width) + "x" + std::to_string(o.height)},
                {"visual_tokens_per_image", gridH * gridW / (merge * merge)},
                {"prompt_tokens", inputs.ids.size()},
                {"generated_tokens", generated},
                {"load_ms", loadMs},
                {"vision_ms", best.visionMs},
                {"prefill_ms", best.prefillMs},
                {"decode_ms_per_token", best.decodeSteps > 0 ? best.decodeMs / generated : 0.0},
                {"decode_tokens_per_s",
                 best.decodeMs > 0 ? 1000.0 * generated / best.decodeMs : 0.0},
                {"total_ms", bestTotal},
                {"peak_host_bytes_after_load", rssAfterLoad},
                {"peak_host_bytes", peakResidentBytes()},
                {"peak_device_bytes", peakDeviceBytes(device)},
        };
        std::cout << report.dump(2) << std::endl;
        return 0;
    } catch (const std::exception &error) {
        std::fprintf(stderr, "migician-bench: %s\n", error.what());
        return 1;
    }
}
