// The Qwen2 language model of Qwen2-VL: RMSNorm, grouped-query attention with q/k/v bias, SwiGLU,
// multimodal rotary embedding (M-RoPE), and a preallocated KV cache.
#pragma once

#include "model/model_config.h"
#include "model/qwen2vl_weights.h"
#include "model/run_control.h"

#include <ATen/ATen.h>

#include <vector>

namespace migician::model {

// Keys and values of every layer for one sequence, allocated once per request (and reused when
// large enough: touching fresh memory is expensive on this class of machine).
struct KvCache
{
    at::Tensor keys;   // [layers, kv_heads, capacity, head_dim]
    at::Tensor values; // same
    std::int64_t length = 0;

    std::int64_t capacity() const { return keys.defined() ? keys.size(2) : 0; }
    // Room for `tokens` (length reset to 0). When the allocation fails the exception propagates
    // and the cache is left empty (no keys without values), ready for a smaller request.
    void reserve(const ModelConfig &config, std::int64_t tokens, at::Device device,
                 at::ScalarType dtype);
    void clear() { length = 0; }
};

// Refers into weights it does not own: neither copyable nor movable.
class TextDecoder
{
public:
    TextDecoder(const ModelConfig &config, const TextWeights &weights);
    TextDecoder(const TextDecoder &) = delete;
    TextDecoder &operator=(const TextDecoder &) = delete;

    at::Tensor embed(const at::Tensor &ids) const; // [L] int64 -> [L, hidden]

    // Runs `embeds` [L, hidden] at `positions` [3, L] (t, h, w) after what the cache holds, appends
    // their keys/values, and returns the final-norm hidden state of the LAST position [hidden].
    // `hiddenStates`, when given, receives every layer's input and the final-norm output [L,
    // hidden]. `control`, when given, is stepped before every layer and after the last
    // (Stage::Prefill); a Cancelled leaves `cache.length` as it was.
    at::Tensor forward(const at::Tensor &embeds, const at::Tensor &positions, KvCache &cache,
                       std::vector<at::Tensor> *hiddenStates = nullptr,
                       const RunControl *control = nullptr) const;

    at::Tensor logits(const at::Tensor &hidden) const; // [hidden] -> float32 [vocab]

    // cos/sin [L, head_dim] for M-RoPE positions [3, L].
    std::pair<at::Tensor, at::Tensor> rotary(const at::Tensor &positions,
                                             at::ScalarType dtype) const;

private:
    at::Tensor rmsNorm(const at::Tensor &x, const at::Tensor &weight) const;
    at::Tensor layer(int index, const at::Tensor &x, const at::Tensor &cos, const at::Tensor &sin,
                     const at::Tensor &mask, KvCache &cache) const;

    ModelConfig m_config;
    const TextWeights &m_weights;
    at::Tensor m_invFreq; // [head_dim / 2] float32
};

} // namespace migician::model
