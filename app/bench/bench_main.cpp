// migician-bench: speed and memory of the engine on random weights of any config.json (the tiny
// fixture, the 4-layer mid-size model, the full 7B). Speed does not depend on weight values, so
// the numbers are honest as long as the token count is fixed (end-of-sequence is ignored). The
// output of random weights is never an answer and is not printed.
//
// Every stage is also stated against the machine it ran on (machine_limits.h, workload_cost.h):
// the bound the measured bandwidth or GEMM rate implies, and the fraction of it reached.
#include "machine_limits.h"
#include "random_checkpoint.h"
#include "workload_cost.h"

#include "model/allocator_tuning.h"
#include "model/blas_tuning.h"
#include "model/build_info.h"
#include "model/image_preprocess.h"
#include "model/linear_kernels.h"
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

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <map>
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
    std::string workload = "w1";
    bool limits = true; // measure bandwidth and GEMM rate after the runs
};

// W2: MIG-Bench-sized inputs (issue 13 section 3).
void applyWorkload(Options &o)
{
    if (o.workload == "w1")
        return;
    if (o.workload != "w2")
        throw ModelError("--workload", "expects w1 or w2, not \"" + o.workload + "\"");
    o.images = 4;
    o.width = 1008;
    o.height = 756;
    o.tokens = 24;
    o.query = "<|object_ref_start|>The person holding a red umbrella<|object_ref_end|> in Image-1 "
              "also appears in the other images. Find the same person in Image-2, Image-3 and "
              "Image-4 and give the bounding box of each.";
}

void usage()
{
    std::puts("usage: migician-bench --config CONFIG.json [options]\n"
              "  --checkpoint DIR      load weights from DIR instead of random ones\n"
              "  --write-checkpoint DIR  write random bf16 weights of --config as a checkpoint "
              "folder\n"
              "  --tokenizer FILE      tokenize the query with this tokenizer.json\n"
              "  --images N            synthetic images (default 2)\n"
              "  --image-size WxH      their size (default 448x336: 192 visual tokens each)\n"
              "  --tokens N            generated tokens, end-of-sequence ignored (default 16)\n"
              "  --dtype float32|bfloat16|float16   --device cpu|cuda   --threads N   --repeat N\n"
              "  --workload w1|w2      w1 (default): the options above; w2: 4 images of 1008x756,\n"
              "                        a MIG-Bench-style question, 24 tokens (set before others)\n"
              "  --no-limits           skip measuring bandwidth and GEMM rate (no efficiencies)\n"
              "Prints one JSON object: per-stage times (best run and spread over --repeat), the\n"
              "machine's measured limits, each stage's bound and efficiency, and memory by part.");
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
        else if (a == "--workload") {
            o.workload = value();
            applyWorkload(o);
        } else if (a == "--no-limits")
            o.limits = false;
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

struct Run
{
    StageTimings timings;
    double totalMs = 0;
    double visionCpuMs = 0, prefillCpuMs = 0, decodeCpuMs = 0; // process CPU time per stage
    long long peakBeforePrefill = 0, peakBeforeDecode = 0;     // peak RSS up to those stages
    double decodeMsPerStep() const
    {
        return timings.decodeSteps > 0 ? timings.decodeMs / timings.decodeSteps : 0.0;
    }
    double decodeCpuMsPerStep() const
    {
        return timings.decodeSteps > 0 ? decodeCpuMs / timings.decodeSteps : 0.0;
    }
};

// Runs one generation and splits the process's CPU time at the stage boundaries.
Run measure(Qwen2VLModel &model, const ModelInputs &inputs, const SamplingOptions &sampling)
{
    using migician::bench::processCpuMs;
    std::map<Stage, double> cpuAt;
    std::map<Stage, long long> peakAt;
    GenerationHooks hooks;
    hooks.onStage = [&](Stage stage) {
        cpuAt[stage] = processCpuMs();
        peakAt[stage] = peakResidentBytes();
    };
    const auto start = std::chrono::steady_clock::now();
    const double cpuStart = processCpuMs();
    const auto out = model.generate(inputs, sampling, hooks);
    Run run{out.timings, msSince(start)};
    const double cpuEnd = processCpuMs();
    const double vision = cpuAt.count(Stage::Vision) ? cpuAt[Stage::Vision] : cpuStart;
    run.visionCpuMs = cpuAt.count(Stage::Vision) ? cpuAt[Stage::Prefill] - vision : 0.0;
    run.prefillCpuMs = cpuAt[Stage::Decode] - cpuAt[Stage::Prefill];
    run.decodeCpuMs = cpuEnd - cpuAt[Stage::Decode];
    run.peakBeforePrefill = peakAt[Stage::Prefill];
    run.peakBeforeDecode = peakAt[Stage::Decode];
    return run;
}

double weightBytes(const Qwen2VLWeights &w)
{
    double bytes = 0;
    const auto add = [&](const at::Tensor &t) {
        if (t.defined())
            bytes += double(t.nbytes());
    };
    add(w.vision.patchEmbed);
    for (const auto &b : w.vision.blocks)
        for (const auto *t :
             {&b.norm1Weight, &b.norm1Bias, &b.qkvWeight, &b.qkvBias, &b.projWeight, &b.projBias,
              &b.norm2Weight, &b.norm2Bias, &b.fc1Weight, &b.fc1Bias, &b.fc2Weight, &b.fc2Bias})
            add(*t);
    for (const auto *t :
         {&w.vision.mergerNormWeight, &w.vision.mergerNormBias, &w.vision.mergerFc1Weight,
          &w.vision.mergerFc1Bias, &w.vision.mergerFc2Weight, &w.vision.mergerFc2Bias,
          &w.text.embedTokens, &w.text.finalNorm})
        add(*t);
    for (const auto &l : w.text.layers)
        for (const auto *t :
             {&l.inputNorm, &l.qWeight, &l.qBias, &l.kWeight, &l.kBias, &l.vWeight, &l.vBias,
              &l.oWeight, &l.postNorm, &l.gateWeight, &l.upWeight, &l.downWeight})
            add(*t);
    if (!w.text.lmHead.is_same(w.text.embedTokens))
        add(w.text.lmHead);
    return bytes;
}

// One stage against its bound: {"ms", "bound_ms", "efficiency"} plus the spread over the runs,
// and the same in CPU time (see machine_limits.h).
nlohmann::json stage(double bestMs, double worstMs, double boundMs, double cpuMs, double cpuBoundMs)
{
    nlohmann::json out{{"ms", bestMs}, {"ms_worst", worstMs}, {"cpu_ms", cpuMs}};
    if (boundMs > 0) {
        out["bound_ms"] = boundMs;
        out["efficiency"] = bestMs > 0 ? boundMs / bestMs : 0.0;
    }
    if (cpuBoundMs > 0) {
        out["cpu_bound_ms"] = cpuBoundMs;
        out["efficiency_cpu_time"] = cpuMs > 0 ? cpuBoundMs / cpuMs : 0.0;
    }
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    const std::string blasCore = useFastBlasKernels(argv);
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
        const long long baselineRss = peakResidentBytes();

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
        std::vector<Run> runs;
        for (int r = 0; r < std::max(1, o.repeat); ++r)
            runs.push_back(measure(*model, inputs, sampling));
        const long long peakRss = peakResidentBytes();
        const long long peakDevice = peakDeviceBytes(device);

        const auto best = std::min_element(runs.begin(), runs.end(),
                                           [](auto &a, auto &b) { return a.totalMs < b.totalMs; });
        const auto extreme = [&](auto field, bool worst) {
            double value = field(runs.front());
            for (const auto &run : runs)
                value = worst ? std::max(value, field(run)) : std::min(value, field(run));
            return value;
        };
        const auto vision = [](const Run &r) {
            return r.timings.visionMs;
        };
        const auto prefill = [](const Run &r) {
            return r.timings.prefillMs;
        };
        const auto decode = [](const Run &r) {
            return r.decodeMsPerStep();
        };
        const auto total = [](const Run &r) {
            return r.totalMs;
        };
        const auto visionCpu = [](const Run &r) {
            return r.visionCpuMs;
        };
        const auto prefillCpu = [](const Run &r) {
            return r.prefillCpuMs;
        };
        const auto decodeCpu = [](const Run &r) {
            return r.decodeCpuMsPerStep();
        };

        const int elementBytes = int(at::elementSize(dtype));
        const auto cost = migician::bench::workloadCost(
                config, inputs.grids, std::int64_t(inputs.ids.size()), o.tokens, elementBytes);
        migician::bench::MachineLimits limits;
        if (o.limits) // after the runs: its buffers must not count in their peak memory
            limits = migician::bench::measureMachineLimits(dtype, device, config.hiddenSize,
                                                           config.intermediateSize);
        const auto bound = [](double amount, double perSecond) {
            return perSecond > 0 ? amount / perSecond * 1e3 : 0.0;
        };

        const double weights = weightBytes(model->weights());
        const double kv = double(model->cache().bytes());
        const double limitBytes = weights + kv + double(1LL << 30);
        nlohmann::json report{
                {"workload", o.workload},
                {"config", configPath},
                {"weights", o.checkpoint.empty() ? "random" : o.checkpoint},
                {"torch", buildInfo().torchVersion},
                {"device", o.device},
                {"dtype", o.dtype},
                {"threads", at::get_num_threads()},
                {"kernel_threads", kernelThreads()}, // the engine's own kernels (decode GEMV)
                {"blas_core", blasCore},
                {"bf16_gemm", bf16Gemm() == Bf16Gemm::Native ? "native" : "widened to float32"},
                {"bf16_gemm_measured_gflops",
                 {{"native", bf16GemmCalibration().nativeGflops},
                  {"widened", bf16GemmCalibration().widenedGflops}}},
                {"images", o.images},
                {"image_size", std::to_string(o.width) + "x" + std::to_string(o.height)},
                {"visual_tokens_per_image", gridH * gridW / (merge * merge)},
                {"prompt_tokens", inputs.ids.size()},
                {"generated_tokens", o.tokens},
                {"runs", runs.size()},
                {"load_ms", loadMs},
                {"vision_ms", best->timings.visionMs},
                {"prefill_ms", best->timings.prefillMs},
                {"decode_ms_per_token", best->decodeMsPerStep()},
                {"decode_tokens_per_s",
                 best->decodeMsPerStep() > 0 ? 1000.0 / best->decodeMsPerStep() : 0.0},
                {"total_ms", best->totalMs},
                {"total_ms_worst", extreme(total, true)},
                {"cuda_graph", model->decodeGraphRecorded()},
                {"stages",
                 {{"vision",
                   stage(extreme(vision, false), extreme(vision, true),
                         bound(cost.visionFlop, limits.gemmGflops * 1e9), extreme(visionCpu, false),
                         bound(cost.visionFlop, limits.gemmGflopsPerCpuSecond * 1e9))},
                  {"prefill", stage(extreme(prefill, false), extreme(prefill, true),
                                    bound(cost.prefillFlop, limits.gemmGflops * 1e9),
                                    extreme(prefillCpu, false),
                                    bound(cost.prefillFlop, limits.gemmGflopsPerCpuSecond * 1e9))},
                  {"decode_step",
                   stage(extreme(decode, false), extreme(decode, true),
                         bound(cost.decodeBytesPerStep, limits.readGBs * 1e9),
                         extreme(decodeCpu, false),
                         bound(cost.decodeBytesPerStep, limits.readGBsPerCpuSecond * 1e9))}}},
                {"work",
                 {{"vision_gflop", cost.visionFlop / 1e9},
                  {"prefill_gflop", cost.prefillFlop / 1e9},
                  {"decode_bytes_per_step", cost.decodeBytesPerStep},
                  {"decode_weight_bytes", cost.decodeWeightBytes}}},
                {"memory",
                 {{"weights_bytes", weights},
                  {"kv_cache_bytes", kv},
                  {"baseline_rss_bytes", baselineRss},
                  {"peak_host_bytes_after_load", rssAfterLoad},
                  {"peak_host_bytes_through_vision", runs.front().peakBeforePrefill},
                  {"peak_host_bytes_through_prefill", runs.front().peakBeforeDecode},
                  {"peak_host_bytes", peakRss},
                  {"beyond_weights_and_kv_bytes", double(peakRss) - weights - kv},
                  {"limit_bytes", limitBytes},
                  {"within_limit", double(peakRss) <= limitBytes},
                  {"peak_device_bytes", peakDevice}}},
        };
        if (o.limits)
            report["machine"]
                    = {{"memory_read_gbs", limits.readGBs},
                       {"gemm_gflops", limits.gemmGflops},
                       {"gemm_gflops_dtype", limits.gemmGflopsDtype},
                       {"gemm_gflops_float32", limits.gemmGflopsFloat32},
                       {"engine_linear_gflops", limits.engineLinearGflops},
                       {"memory_read_gbs_sum", limits.readGBsSum},
                       {"memory_read_gbs_mv", limits.readGBsMv},
                       {"decode_gemv_gbs_streaming", limits.gemvGBsStreaming},
                       {"decode_gemv_gbs_library", limits.gemvGBsLibrary},
                       {"decode_gemv_gbs_streaming_widened", limits.gemvGBsStreamingWidened},
                       {"memory_read_gbs_per_cpu_s", limits.readGBsPerCpuSecond},
                       {"gemm_gflops_per_cpu_s", limits.gemmGflopsPerCpuSecond},
                       {"gemm_shape", limits.gemmShape},
                       {"note", limits.note}};
        std::cout << report.dump(2) << std::endl;
        return 0;
    } catch (const std::exception &error) {
        std::fprintf(stderr, "migician-bench: %s\n", error.what());
        return 1;
    }
}
