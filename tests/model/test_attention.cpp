// The attention kernels against a plain reference computed from the definition (full scores, an
// explicit [Lq, Lk] mask, keys repeated per query head): chunking, the causal triangle built once,
// grouped-query heads, keys already in the cache, and the fixed-capacity decode step's mask.
#include "model/attention.h"
#include "model/linear_kernels.h"

#include <torch/version.h>

#include <limits>

#include "torch_doctest.h" // last: restores doctest's CHECK over glog's

using namespace migician::model;

namespace {

double maxAbsDiff(const at::Tensor &a, const at::Tensor &b)
{
    return (a.to(at::kDouble) - b.to(at::kDouble)).abs().max().item<double>();
}

// q [heads, Lq, D], k/v [kvHeads, Lk, D]; allowed [Lq, Lk] bool.
at::Tensor reference(const at::Tensor &q, const at::Tensor &k, const at::Tensor &v, double scale,
                     const at::Tensor &allowed)
{
    const std::int64_t groups = q.size(0) / k.size(0);
    const at::Tensor kx = k.repeat_interleave(groups, 0);
    const at::Tensor vx = v.repeat_interleave(groups, 0);
    at::Tensor scores = at::matmul(q, kx.transpose(1, 2)) * scale;
    scores = scores.masked_fill(allowed.logical_not(), -std::numeric_limits<float>::infinity());
    return at::matmul(at::softmax(scores, -1), vx);
}

at::Tensor causalAllowed(std::int64_t offset, std::int64_t Lq)
{
    const at::Tensor rows = at::arange(Lq, at::kLong).unsqueeze(1) + offset;
    const at::Tensor cols = at::arange(offset + Lq, at::kLong).unsqueeze(0);
    return cols <= rows;
}

// Runs `body` on the explicit path with `rows` query rows per chunk, then restores the defaults.
template<typename Body>
void withExplicitChunks(std::int64_t rows, Body &&body)
{
    setAttentionKernel(AttentionKernel::Explicit);
    setAttentionChunkRows(rows);
    body();
    setAttentionChunkRows(0);
    setAttentionKernel(AttentionKernel::Auto);
}

} // namespace

TEST_CASE("explicit attention agrees with the reference path on this libtorch")
{
    at::manual_seed(1);
    const at::Tensor q = at::randn({2, 5, 8});
    const at::Tensor k = at::randn({2, 7, 8});
    const at::Tensor v = at::randn({2, 7, 8});
    const at::Tensor expected = reference(q, k, v, 0.35, at::ones({5, 7}, at::kBool));
    for (std::int64_t rows : {0, 1, 2, 5}) {
        CAPTURE(rows);
        withExplicitChunks(rows,
                           [&] { CHECK(maxAbsDiff(attend(q, k, v, 0.35), expected) < 1e-6); });
    }
}

TEST_CASE("explicit causal attention in chunks equals the full masked computation")
{
    at::manual_seed(2);
    // 6 query heads over 2 kv heads; 4 keys already cached before the 11 new queries.
    const std::int64_t offset = 4, Lq = 11;
    const at::Tensor q = at::randn({6, Lq, 8});
    const at::Tensor k = at::randn({2, offset + Lq, 8});
    const at::Tensor v = at::randn({2, offset + Lq, 8});
    const at::Tensor expected = reference(q, k, v, 0.3, causalAllowed(offset, Lq));
    for (std::int64_t rows : {1, 3, 4, 11, 64}) {
        CAPTURE(rows);
        withExplicitChunks(rows, [&] {
            const CausalMask mask = CausalMask::build(offset, Lq, 6, q);
            CHECK(mask.triangle.size(0) == std::min<std::int64_t>(rows, Lq));
            CHECK((mask.triangle.scalar_type() == at::kFloat));
            CHECK(maxAbsDiff(attendCausal(q, k, v, 0.3, mask), expected) < 1e-5);
        });
    }
    SUBCASE("without cached keys, as in a prefill")
    {
        const at::Tensor k0 = k.narrow(1, 0, Lq);
        const at::Tensor v0 = v.narrow(1, 0, Lq);
        const at::Tensor expected0 = reference(q, k0, v0, 0.3, causalAllowed(0, Lq));
        withExplicitChunks(4, [&] {
            CHECK(maxAbsDiff(attendCausal(q, k0, v0, 0.3, CausalMask::build(0, Lq, 6, q)),
                             expected0)
                  < 1e-5);
        });
        // The default kernel (fused with is_causal on libtorch >= 2.1).
        CHECK(maxAbsDiff(attendCausal(q, k0, v0, 0.3, CausalMask::build(0, Lq, 6, q)), expected0)
              < 1e-5);
    }
}

TEST_CASE("the causal triangle is built in the compute dtype, sized by the score budget")
{
    const at::Tensor like = at::zeros({1}, at::kBFloat16);
    // 28 heads over 4,000 keys: 32 MB of float32 scores is ~74 query rows per chunk.
    const CausalMask mask = CausalMask::build(0, 4000, 28, like);
    CHECK(mask.chunkRows == 74);
    CHECK((mask.triangle.sizes() == at::IntArrayRef{74, 74}));
    // bfloat16 scores are computed in float32 where bfloat16 products are widened.
    CHECK((mask.triangle.scalar_type() == (widenForMatmul(like) ? at::kFloat : at::kBFloat16)));
    CHECK(std::isinf(mask.triangle[0][1].item<float>()));
    CHECK(mask.triangle[1][0].item<float>() == 0.0f);
    // One query (a decode step) needs no triangle.
    CHECK_FALSE(CausalMask::build(10, 1, 28, like).triangle.defined());
}

TEST_CASE("attention over a fixed-capacity cache sees only the visible slots")
{
    at::manual_seed(3);
    const at::Tensor q = at::randn({4, 1, 8});
    at::Tensor k = at::randn({2, 16, 8});
    at::Tensor v = at::randn({2, 16, 8});
    const at::Tensor expected
            = reference(q, k.narrow(1, 0, 9), v.narrow(1, 0, 9), 0.5, at::ones({1, 9}, at::kBool));
    // Slots after the 9th hold stale values from an earlier request: they must not count.
    k.narrow(1, 9, 7).fill_(1e4);
    v.narrow(1, 9, 7).fill_(-1e4);
    const at::Tensor visible = at::arange(16) <= 8;
    withExplicitChunks(
            0, [&] { CHECK(maxAbsDiff(attendVisible(q, k, v, 0.5, visible), expected) < 1e-6); });
    CHECK(maxAbsDiff(attendVisible(q, k, v, 0.5, visible), expected) < 1e-5);
}

#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 1)
TEST_CASE("fused scaled_dot_product_attention agrees with the explicit path")
{
    at::manual_seed(4);
    const at::Tensor q = at::randn({4, 9, 8});
    const at::Tensor k = at::randn({2, 9, 8});
    const at::Tensor v = at::randn({2, 9, 8});
    setAttentionKernel(AttentionKernel::Explicit);
    const at::Tensor explicitFull = attend(q, k, v, 0.35);
    const at::Tensor explicitCausal = attendCausal(q, k, v, 0.35, CausalMask::build(0, 9, 4, q));
    setAttentionKernel(AttentionKernel::Fused);
    const at::Tensor fusedFull = attend(q, k, v, 0.35);
    const at::Tensor fusedCausal = attendCausal(q, k, v, 0.35, CausalMask::build(0, 9, 4, q));
    setAttentionKernel(AttentionKernel::Auto);
    CHECK(maxAbsDiff(explicitFull, fusedFull) < 1e-5);
    CHECK(maxAbsDiff(explicitCausal, fusedCausal) < 1e-5);
}
#endif
