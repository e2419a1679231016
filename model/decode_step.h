// The decode step with its inputs in device buffers (TextDecoder::decodeStatic over a
// fixed-capacity KV cache): no step waits for the host except to read the sampled token, and on a
// CUDA build the whole step (some 25 kernels per layer) is recorded once as a CUDA graph and then
// replayed with one launch. The recording is kept across requests while the cache keeps its memory.
//
// Which path generation takes: `Auto` is this one on CUDA and the plain forward on the CPU (where
// reading the whole capacity would only cost time); tests force `Static` on the CPU to check it
// against the plain path. MIGICIAN_CUDA_GRAPHS=0 keeps the static step but runs it eagerly.
#pragma once

#include "model/text_decoder.h"

#include <ATen/ATen.h>

#include <memory>

namespace migician::model {

enum class DecodeStepKind { Auto, Dynamic, Static };
void setDecodeStepKind(DecodeStepKind kind); // process-wide; for tests and benchmarks
bool useStaticDecodeStep(const at::Device &device);

class StaticDecodeStep
{
public:
    StaticDecodeStep(const TextDecoder &decoder, KvCache &cache, at::Device device);
    ~StaticDecodeStep();
    StaticDecodeStep(const StaticDecodeStep &) = delete;
    StaticDecodeStep &operator=(const StaticDecodeStep &) = delete;

    // Whether this step was set up on `cache` as it is now (same memory, same capacity).
    bool serves(const KvCache &cache) const;
    // Appends `token` at M-RoPE position `position` (all three axes) and returns float32 logits
    // [vocab]; they stay valid until the next call.
    at::Tensor run(std::int64_t token, std::int64_t position);
    bool graphRecorded() const;

private:
    at::Tensor runEagerly();
    at::Tensor record();

    const TextDecoder &m_decoder;
    KvCache &m_cache;
    const void *m_cacheData = nullptr;
    std::int64_t m_capacity = 0;
    at::Tensor m_token;    // [1] int64
    at::Tensor m_position; // [3, 1] int64
    at::Tensor m_slot;     // [1] int64
    at::Tensor m_logits;   // the recorded step's output
    bool m_useGraph = false;
    struct Graph;
    std::unique_ptr<Graph> m_graph;
};

} // namespace migician::model
