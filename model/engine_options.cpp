// The torch-free parts of engine.h: names of devices, dtypes and stages, the precision rule and
// sampling defaults.
#include "engine.h"

#include "model/model_error.h"

namespace migician::model {

const char *deviceName(Device device)
{
    return device == Device::Cuda ? "cuda" : "cpu";
}

const char *dtypeName(DType dtype)
{
    switch (dtype) {
    case DType::Auto:
        return "auto";
    case DType::Float32:
        return "float32";
    case DType::BFloat16:
        return "bfloat16";
    case DType::Float16:
        return "float16";
    }
    return "?";
}

Device parseDevice(const std::string &name)
{
    if (name == "cpu")
        return Device::Cpu;
    if (name == "cuda" || name == "gpu")
        return Device::Cuda;
    throw ModelError("--device", "unknown device \"" + name + "\" (use cpu or cuda)");
}

DType parseDType(const std::string &name)
{
    if (name == "auto")
        return DType::Auto;
    if (name == "float32" || name == "fp32")
        return DType::Float32;
    if (name == "bfloat16" || name == "bf16")
        return DType::BFloat16;
    if (name == "float16" || name == "fp16")
        return DType::Float16;
    throw ModelError("--dtype",
                     "unknown dtype \"" + name + "\" (use auto, float32, bfloat16 or float16)");
}

DType resolveDType(DType requested, const ModelConfig &config, Device device)
{
    if (requested != DType::Auto)
        return requested;
    const std::string &stored = config.torchDtype;
    if (stored == "float32")
        return DType::Float32;
    if (stored == "float16")
        return device == Device::Cuda ? DType::Float16 : DType::BFloat16;
    return DType::BFloat16;
}

const char *stageName(Stage stage)
{
    switch (stage) {
    case Stage::Load:
        return "load";
    case Stage::Preprocess:
        return "preprocess";
    case Stage::Vision:
        return "vision";
    case Stage::Prefill:
        return "prefill";
    case Stage::Decode:
        return "decode";
    }
    return "?";
}

SamplingOptions SamplingOptions::fromGenerationConfig(const GenerationConfig &config)
{
    SamplingOptions options;
    options.doSample = config.doSample;
    options.temperature = config.temperature;
    options.topP = config.topP;
    options.topK = config.topK;
    options.repetitionPenalty = config.repetitionPenalty;
    if (config.maxNewTokens > 0)
        options.maxNewTokens = config.maxNewTokens;
    if (!config.eosTokenIds.empty())
        options.stopTokenIds = config.eosTokenIds;
    // do_sample with top_k 1 keeps only the most likely token: that is argmax, so say so and skip
    // the random draw (this is what Qwen2-VL's and Migician's generation_config.json amount to).
    if (options.doSample && options.topK == 1)
        options.doSample = false;
    return options;
}

SamplingOptions SamplingOptions::greedy()
{
    SamplingOptions options;
    options.doSample = false;
    options.repetitionPenalty = 1.0;
    return options;
}

} // namespace migician::model
