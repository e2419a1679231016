#include "attention.h"

#include "model/linear_kernels.h"

#include <torch/version.h>

#include <algorithm>
#include <atomic>
#include <limits>

// at::scaled_dot_product_attention takes an explicit scale from libtorch 2.1 on.
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 1)
#define MIGICIAN_HAS_FUSED_ATTENTION 1
#else
#define MIGICIAN_HAS_FUSED_ATTENTION 0
#endif

namespace migician::model {

namespace {

std::atomic<AttentionKernel> g_kernel{AttentionKernel::Auto};
std::atomic<std::int64_t> g_chunkRows{0};

// Float32 scores of one chunk: with the float32 softmax and the probabilities, a chunk holds about
// three times this much at once. 32 MB keeps chunks of a few hundred rows (as fast as larger ones)
// and W2's vision stage within its memory goal.
constexpr std::int64_t kScoreBudgetBytes = 32LL << 20;

bool useFused()
{
    return MIGICIAN_HAS_FUSED_ATTENTION && g_kernel != AttentionKernel::Explicit;
}

std::int64_t chunkRowsFor(std::int64_t queries, std::int64_t heads, std::int64_t keys)
{
    const std::int64_t forced = g_chunkRows;
    const std::int64_t rows
            = forced > 0 ? forced
                         : kScoreBudgetBytes / (std::max<std::int64_t>(1, heads * keys) * 4);
    return std::clamp<std::int64_t>(rows, forced > 0 ? 1 : 16, std::max<std::int64_t>(1, queries));
}

// bfloat16 products on a CPU without a native bfloat16 GEMM are computed in float32.
at::ScalarType computeType(const at::Tensor &q)
{
    return widenForMatmul(q) ? at::kFloat : q.scalar_type();
}

// [kvHeads, Lk, D] -> [heads, Lk, D] for the fused kernel (query head j uses kv head j / groups).
at::Tensor expandKv(const at::Tensor &t, std::int64_t groups)
{
    if (groups == 1)
        return t;
    return t.unsqueeze(1)
            .expand({t.size(0), groups, t.size(1), t.size(2)})
            .reshape({t.size(0) * groups, t.size(1), t.size(2)});
}

// The explicit path. Query rows [s, e) of every head attend to keys [0, keysEnd(e)), where keysEnd
// is offset + e when causal (offset >= 0) and all keys otherwise. The groups of a kv head are
// stacked along the rows, so keys are never copied per query head.
at::Tensor explicitAttention(const at::Tensor &q, const at::Tensor &k, const at::Tensor &v,
                             double scale, std::int64_t chunkRows, std::int64_t offset,
                             const at::Tensor &triangle, const at::Tensor &visible)
{
    const std::int64_t heads = q.size(0), Lq = q.size(1), D = q.size(2);
    const std::int64_t kvHeads = k.size(0), Lk = k.size(1), Dv = v.size(2);
    const std::int64_t groups = heads / kvHeads;
    const auto type = computeType(q);
    const at::Tensor q4 = q.reshape({kvHeads, groups, Lq, D});
    const at::Tensor kc = k.to(type);
    const at::Tensor vc = v.to(type);
    const at::Tensor hidden = visible.defined() ? visible.logical_not() : at::Tensor();
    at::Tensor out = at::empty({kvHeads, groups, Lq, Dv}, q.options().dtype(type));
    for (std::int64_t s = 0; s < Lq; s += chunkRows) {
        const std::int64_t c = std::min(chunkRows, Lq - s);
        const std::int64_t keys = offset >= 0 ? std::min(Lk, offset + s + c) : Lk;
        const at::Tensor qc = q4.narrow(2, s, c).to(type).reshape({kvHeads, groups * c, D});
        at::Tensor scores = at::bmm(qc, kc.narrow(1, 0, keys).transpose(1, 2)).mul_(scale);
        if (offset >= 0 && c > 1)
            scores.view({kvHeads, groups, c, keys})
                    .narrow(3, keys - c, c)
                    .add_(triangle.narrow(0, 0, c).narrow(1, 0, c));
        if (hidden.defined())
            scores.masked_fill_(hidden, -std::numeric_limits<float>::infinity());
        const at::Tensor probs = at::softmax(scores, -1, at::kFloat).to(type);
        out.narrow(2, s, c).copy_(
                at::bmm(probs, vc.narrow(1, 0, keys)).view({kvHeads, groups, c, Dv}));
    }
    return out.view({heads, Lq, Dv}).to(q.scalar_type());
}

} // namespace

bool fusedAttentionAvailable()
{
    return MIGICIAN_HAS_FUSED_ATTENTION;
}

void setAttentionKernel(AttentionKernel kernel)
{
    g_kernel = kernel;
}

AttentionKernel attentionKernel()
{
    return g_kernel;
}

void setAttentionChunkRows(std::int64_t rows)
{
    g_chunkRows = rows;
}

CausalMask CausalMask::build(std::int64_t offset, std::int64_t queries, std::int64_t heads,
                             const at::Tensor &like)
{
    CausalMask mask;
    mask.offset = offset;
    mask.chunkRows = chunkRowsFor(queries, heads, offset + queries);
    if (queries > 1) {
        const std::int64_t c = mask.chunkRows;
        const auto options = like.options().dtype(computeType(like));
        mask.triangle = at::full({c, c}, -std::numeric_limits<float>::infinity(), options).triu_(1);
    }
    return mask;
}

at::Tensor attend(const at::Tensor &q, const at::Tensor &k, const at::Tensor &v, double scale)
{
#if MIGICIAN_HAS_FUSED_ATTENTION
    if (useFused()) {
        const std::int64_t groups = q.size(0) / k.size(0);
        return at::scaled_dot_product_attention(q, expandKv(k, groups), expandKv(v, groups), {},
                                                0.0, false, scale);
    }
#endif
    return explicitAttention(q, k, v, scale, chunkRowsFor(q.size(1), q.size(0), k.size(1)), -1, {},
                             {});
}

at::Tensor attendCausal(const at::Tensor &q, const at::Tensor &k, const at::Tensor &v, double scale,
                        const CausalMask &mask)
{
#if MIGICIAN_HAS_FUSED_ATTENTION
    // is_causal aligns the triangle to the top left: right only without earlier keys. One query
    // sees every key.
    if (useFused() && (mask.offset == 0 || q.size(1) == 1)) {
        const std::int64_t groups = q.size(0) / k.size(0);
        return at::scaled_dot_product_attention(q, expandKv(k, groups), expandKv(v, groups), {},
                                                0.0, q.size(1) > 1, scale);
    }
#endif
    return explicitAttention(q, k, v, scale, mask.chunkRows, mask.offset, mask.triangle, {});
}

at::Tensor attendVisible(const at::Tensor &q, const at::Tensor &k, const at::Tensor &v,
                         double scale, const at::Tensor &visible)
{
#if MIGICIAN_HAS_FUSED_ATTENTION
    if (useFused()) {
        const std::int64_t groups = q.size(0) / k.size(0);
        return at::scaled_dot_product_attention(q, expandKv(k, groups), expandKv(v, groups),
                                                visible.view({1, -1}), 0.0, false, scale);
    }
#endif
    return explicitAttention(q, k, v, scale, chunkRowsFor(q.size(1), q.size(0), k.size(1)), -1, {},
                             visible);
}

} // namespace migician::model
