// The Qwen2 language model of Qwen2-VL: RMSNorm, grouped-query attention with q/k/v bias, SwiGLU,
// multimodal rotary embedding (M-RoPE), and a preallocated KV cache.
#pragma once

#include "model/attention.h"
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
    bool zeroed = false; // no slot holds garbage (see reserve)

    std::int64_t capacity() const { return keys.defined() ? keys.size(2) : 0; }
    // Room for `tokens` (length reset to 0). When the allocation fails the exception propagates
    // and the cache is left empty (no keys without values), ready for a smaller request.
    // `zeroed`: slots never written hold zeros, as the fixed-shape decode step needs (it reads the
    // whole capacity and masks the slots beyond the length; garbage could be NaN). Capacity is
    // then rounded up so that the same cache, and a CUDA graph recorded on it, serve many requests.
    void reserve(const ModelConfig &config, std::int64_t tokens, at::Device device,
                 at::ScalarType dtype, bool zeroed = false);
    void clear() { length = 0; }
    std::int64_t bytes() const { return keys.defined() ? 2 * keys.nbytes() : 0; }
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

    // One decode step whose inputs are already on the device: token [1], its M-RoPE position
    // [3, 1] and its cache slot [1] (int64). It reads the cache's whole capacity (reserved
    // `zeroed`) and masks the slots after `slot`, so shapes and addresses never change and no
    // value goes back to the host: the step can be recorded as a CUDA graph. Writes the slot
    // (cache.length is the caller's to advance) and returns float32 logits [vocab].
    at::Tensor decodeStatic(const at::Tensor &token, const at::Tensor &position,
                            const at::Tensor &slot, KvCache &cache) const;

    // cos/sin [L, head_dim] for M-RoPE positions [3, L].
    std::pair<at::Tensor, at::Tensor> rotary(const at::Tensor &positions,
                                             at::ScalarType dtype) const;

private:
    // Where a forward writes its keys/values and which keys its queries see: from a host offset
    // with a causal mask (prefill, dynamic decode), or at a device slot over the whole capacity.
    struct CacheStep
    {
        std::int64_t start = 0; // first slot written (host)
        const CausalMask *mask = nullptr;
        at::Tensor slot;    // [1] int64 on the device: the fixed-shape step
        at::Tensor visible; // [capacity] bool: slots <= slot
    };

    at::Tensor rmsNorm(const at::Tensor &x, const at::Tensor &weight) const;
    at::Tensor layer(int index, const at::Tensor &x, const at::Tensor &cos, const at::Tensor &sin,
                     const CacheStep &step, KvCache &cache) const;
    at::Tensor mlp(const DecoderLayerWeights &w, const at::Tensor &x) const;

    ModelConfig m_config;
    const TextWeights &m_weights;
    at::Tensor m_invFreq; // [head_dim / 2] float32
};

} // namespace migician::model
