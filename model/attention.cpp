#include "attention.h"

#include <torch/version.h>

#include <atomic>

// at::scaled_dot_product_attention takes an explicit scale from libtorch 2.1 on.
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 1)
#define MIGICIAN_HAS_FUSED_ATTENTION 1
#else
#define MIGICIAN_HAS_FUSED_ATTENTION 0
#endif

namespace migician::model {

namespace {
std::atomic<AttentionKernel> g_kernel{AttentionKernel::Auto};
}

bool fusedAttentionAvailable()
{
#if MIGICIAN_HAS_FUSED_ATTENTION
    return true;
#else
    return false;
#endif
}

void setAttentionKernel(AttentionKernel kernel)
{
    g_kernel = kernel;
}

AttentionKernel attentionKernel()
{
    return g_kernel;
}

at::Tensor attend(const at::Tensor &q, const at::Tensor &k, const at::Tensor &v,
                  const at::Tensor &mask, double scale)
{
#if MIGICIAN_HAS_FUSED_ATTENTION
    if (g_kernel != AttentionKernel::Explicit) {
        at::Tensor m = mask.defined() ? mask.to(q.scalar_type()) : at::Tensor();
        return at::scaled_dot_product_attention(q, k, v, m, 0.0, false, scale);
    }
#endif
    at::Tensor scores = at::matmul(q, k.transpose(-1, -2)).mul_(scale);
    if (mask.defined())
        scores = scores + mask.to(scores.scalar_type());
    const at::Tensor probs = at::softmax(scores, -1, at::kFloat).to(q.scalar_type());
    return at::matmul(probs, v);
}

} // namespace migician::model
