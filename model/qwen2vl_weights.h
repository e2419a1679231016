// All weights of a Qwen2-VL checkpoint as tensors on the target device and dtype, named as in the
// checkpoint (transformers 4.45 `Qwen2VLForConditionalGeneration.state_dict()`). Loading refuses
// unknown, missing and wrongly shaped tensors by name. On CPU in the checkpoint's own dtype the
// tensors alias the memory-mapped file (no copy at all); otherwise each tensor is converted once.
#pragma once

#include "model/model_config.h"
#include "model/run_control.h"
#include "model/safetensors.h"

#include <ATen/ATen.h>

#include <functional>
#include <string>
#include <vector>

namespace migician::model {

struct VisionBlockWeights
{
    at::Tensor norm1Weight, norm1Bias; // [E]
    at::Tensor qkvWeight, qkvBias;     // [3E, E], [3E]
    at::Tensor projWeight, projBias;   // [E, E], [E]
    at::Tensor norm2Weight, norm2Bias; // [E]
    at::Tensor fc1Weight, fc1Bias;     // [mlp, E], [mlp]
    at::Tensor fc2Weight, fc2Bias;     // [E, mlp], [E]
};

struct VisionWeights
{
    at::Tensor patchEmbed; // [E, 3*2*14*14] (the Conv3d kernel flattened)
    std::vector<VisionBlockWeights> blocks;
    at::Tensor mergerNormWeight, mergerNormBias; // [E]
    at::Tensor mergerFc1Weight, mergerFc1Bias;   // [4E, 4E], [4E]
    at::Tensor mergerFc2Weight, mergerFc2Bias;   // [hidden, 4E], [hidden]
};

struct DecoderLayerWeights
{
    at::Tensor inputNorm;            // [hidden]
    at::Tensor qWeight, qBias;       // [heads*hd, hidden], [heads*hd]
    at::Tensor kWeight, kBias;       // [kv*hd, hidden], [kv*hd]
    at::Tensor vWeight, vBias;       // [kv*hd, hidden], [kv*hd]
    at::Tensor oWeight;              // [hidden, heads*hd]
    at::Tensor postNorm;             // [hidden]
    at::Tensor gateWeight, upWeight; // [inter, hidden]
    at::Tensor downWeight;           // [hidden, inter]
};

struct TextWeights
{
    at::Tensor embedTokens; // [vocab, hidden]
    std::vector<DecoderLayerWeights> layers;
    at::Tensor finalNorm; // [hidden]
    at::Tensor lmHead;    // [vocab, hidden]; the embedding when tied
};

struct Qwen2VLWeights
{
    VisionWeights vision;
    TextWeights text;

    using Progress = std::function<void(double fraction, const std::string &tensor)>;
    // `control`, when given, is stepped before every tensor and after the last (Stage::Load):
    // a cancel throws Cancelled and frees what was loaded so far.
    static Qwen2VLWeights load(const Checkpoint &checkpoint, const ModelConfig &config,
                               at::Device device, at::ScalarType dtype,
                               const Progress &progress = {}, const RunControl *control = nullptr);
    // Random weights of the right shapes (benchmarks only: never show their output as an answer).
    static Qwen2VLWeights random(const ModelConfig &config, at::Device device, at::ScalarType dtype,
                                 std::uint64_t seed);
};

struct ExpectedTensor
{
    std::string name;
    std::vector<std::int64_t> shape;
    bool optional = false;
};

// Every tensor a checkpoint with this config must (or may) hold, with its shape.
std::vector<ExpectedTensor> expectedTensors(const ModelConfig &config);

} // namespace migician::model
