#include "decode_step.h"

#include "model/model_error.h"

#include <atomic>
#include <cstdlib>
#include <string>

#ifdef MIGICIAN_WITH_CUDA
#include <ATen/cuda/CUDAGraph.h>
#include <c10/cuda/CUDAFunctions.h>
#include <c10/cuda/CUDAGuard.h>
#include <c10/cuda/CUDAStream.h>
#endif

namespace migician::model {

namespace {
std::atomic<DecodeStepKind> g_kind{DecodeStepKind::Auto};

bool graphsEnabled()
{
    const char *flag = std::getenv("MIGICIAN_CUDA_GRAPHS");
    return !(flag && std::string(flag) == "0");
}
} // namespace

struct StaticDecodeStep::Graph
{
#ifdef MIGICIAN_WITH_CUDA
    at::cuda::CUDAGraph graph;
#endif
};

void setDecodeStepKind(DecodeStepKind kind)
{
    g_kind = kind;
}

bool useStaticDecodeStep(const at::Device &device)
{
    const DecodeStepKind kind = g_kind;
    return kind == DecodeStepKind::Static || (kind == DecodeStepKind::Auto && device.is_cuda());
}

StaticDecodeStep::StaticDecodeStep(const TextDecoder &decoder, KvCache &cache, at::Device device)
    : m_decoder(decoder)
    , m_cache(cache)
    , m_cacheData(cache.keys.data_ptr())
    , m_capacity(cache.capacity())
{
    const auto options = at::TensorOptions().dtype(at::kLong).device(device);
    m_token = at::zeros({1}, options);
    m_position = at::zeros({3, 1}, options);
    m_slot = at::zeros({1}, options);
#ifdef MIGICIAN_WITH_CUDA
    m_useGraph = device.is_cuda() && graphsEnabled();
#endif
}

StaticDecodeStep::~StaticDecodeStep() = default;

bool StaticDecodeStep::serves(const KvCache &cache) const
{
    return &cache == &m_cache && cache.keys.defined() && cache.keys.data_ptr() == m_cacheData
           && cache.capacity() == m_capacity;
}

bool StaticDecodeStep::graphRecorded() const
{
    return m_graph != nullptr;
}

at::Tensor StaticDecodeStep::run(std::int64_t token, std::int64_t position)
{
    if (m_cache.length >= m_capacity)
        throw ModelError("generation", "the KV cache holds " + std::to_string(m_capacity)
                                               + " tokens; one more needed");
    // fill_ with a host value is a kernel argument, not a copy: nothing waits for the host.
    m_token.fill_(token);
    m_position.fill_(position);
    m_slot.fill_(m_cache.length);
    at::Tensor logits;
#ifdef MIGICIAN_WITH_CUDA
    if (m_graph) {
        m_graph->graph.replay();
        logits = m_logits;
    } else if (m_useGraph) {
        logits = record();
    } else
#endif
        logits = runEagerly();
    ++m_cache.length;
    return logits;
}

at::Tensor StaticDecodeStep::runEagerly()
{
    return m_decoder.decodeStatic(m_token, m_position, m_slot, m_cache);
}

at::Tensor StaticDecodeStep::record()
{
#ifdef MIGICIAN_WITH_CUDA
    // Capture needs a side stream. The first step runs there eagerly (it also warms up cuBLAS and
    // the allocator on that stream), then the same step is recorded without running; replays
    // rewrite m_logits in place. Both synchronisations happen once, not per step.
    try {
        c10::cuda::device_synchronize();
        c10::cuda::CUDAStream side = c10::cuda::getStreamFromPool(false, m_token.device().index());
        at::Tensor eager;
        {
            c10::cuda::CUDAStreamGuard guard(side);
            eager = runEagerly();
            auto graph = std::make_unique<Graph>();
            graph->graph.capture_begin();
            m_logits = runEagerly();
            graph->graph.capture_end();
            m_graph = std::move(graph);
        }
        c10::cuda::device_synchronize();
        return eager.clone();
    } catch (const std::exception &error) {
        throw ModelError("CUDA graph of the decode step",
                         std::string(error.what()) + " (MIGICIAN_CUDA_GRAPHS=0 runs it without)");
    }
#else
    return runEagerly();
#endif
}

} // namespace migician::model
