// Qwen2-VL end to end on tensors: vision tower + embedding scatter + M-RoPE + decoder + generation
// loop. Takes token ids and pixel rows (see engine.h for text and images in, text and boxes out).
#pragma once

#include "model/decode_step.h"
#include "model/engine.h"
#include "model/model_config.h"
#include "model/qwen2vl_weights.h"
#include "model/text_decoder.h"
#include "model/vision_tower.h"

#include <ATen/ATen.h>

#include <array>
#include <functional>
#include <memory>
#include <vector>

namespace migician::model {

at::ScalarType toScalarType(DType dtype);
// The torch device for a request; throws ModelError when CUDA is asked for but absent, or for
// float16 on the CPU (not implemented there by libtorch 1.13).
at::Device resolveDevice(Device device, DType dtype);

struct ModelInputs
{
    std::vector<std::int64_t> ids;         // the whole prompt, pads expanded
    at::Tensor pixelValues;                // [N, 1176] float32, undefined without images
    std::vector<std::array<int, 3>> grids; // per image (t, h, w)
};

struct GenerationOutput
{
    std::vector<std::int64_t> tokens; // generated, stop token included when reached
    at::Tensor prefillLogits;         // float32 [vocab] at the last prompt position
    StageTimings timings;
    bool cancelled = false;
};

struct GenerationHooks
{
    std::function<void(Stage)> onStage;
    std::function<void(std::int64_t)> onToken;
    // Polled, and onProgress called, between vision blocks, prefill layers and decode steps.
    const std::atomic<bool> *cancel = nullptr;
    std::function<void(Stage stage, int done, int total)> onProgress;
};

// Owns the weights; the vision tower and the decoder refer into them, so it can be neither copied
// nor moved (hold it by unique_ptr).
class Qwen2VLModel
{
public:
    Qwen2VLModel(const ModelConfig &config, Qwen2VLWeights weights);
    Qwen2VLModel(const Qwen2VLModel &) = delete;
    Qwen2VLModel &operator=(const Qwen2VLModel &) = delete;

    const ModelConfig &config() const { return m_config; }
    at::Device device() const { return m_weights.text.embedTokens.device(); }
    at::ScalarType dtype() const { return m_weights.text.embedTokens.scalar_type(); }
    const VisionTower &vision() const { return m_vision; }
    const TextDecoder &decoder() const { return m_decoder; }
    const Qwen2VLWeights &weights() const { return m_weights; }
    const KvCache &cache() const { return m_cache; }
    // Whether the last generation replayed its decode steps from a CUDA graph.
    bool decodeGraphRecorded() const { return m_step && m_step->graphRecorded(); }

    // Token embeddings with the image rows replaced by the vision tower's output, in order.
    // Throws ModelError when the number of image tokens differs from the vision output rows, and
    // Cancelled when `control` is cancelled between vision blocks.
    at::Tensor inputEmbeddings(const ModelInputs &inputs, StageTimings *timings = nullptr,
                               const std::function<void(Stage)> &onStage = {},
                               const RunControl *control = nullptr) const;

    // A cancel (hooks.cancel) stops it at the next vision block, prefill layer or decode step:
    // the output then has `cancelled` set, the tokens generated so far, and the KV cache is
    // cleared for the next request.
    GenerationOutput generate(const ModelInputs &inputs, const SamplingOptions &sampling,
                              const GenerationHooks &hooks = {});

private:
    void generateInto(GenerationOutput &out, const ModelInputs &inputs,
                      const SamplingOptions &sampling, const GenerationHooks &hooks);

    ModelConfig m_config;
    Qwen2VLWeights m_weights;
    VisionTower m_vision;
    TextDecoder m_decoder;
    KvCache m_cache;
    std::unique_ptr<StaticDecodeStep> m_step; // on m_cache; see decode_step.h
};

} // namespace migician::model
