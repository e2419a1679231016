// The engine's matrix products against libtorch's float32 `linear` on the same values: the
// streaming matrix-vector kernel (one input row, float32 and bfloat16 weights, sizes that leave
// tails in both loops) and bfloat16 products widened to float32 in blocks.
#include "model/linear_kernels.h"

#include <ATen/Parallel.h>

#include <cstdint>

#include "torch_doctest.h" // last: restores doctest's CHECK over glog's

using namespace migician::model;

namespace {

double maxRelDiff(const at::Tensor &a, const at::Tensor &b)
{
    const at::Tensor x = a.to(at::kDouble), y = b.to(at::kDouble);
    return ((x - y).abs().max() / y.abs().max()).item<double>();
}

} // namespace

TEST_CASE("one input row: the streaming kernel equals float32 linear")
{
    at::manual_seed(5);
    // Row counts that are not a multiple of the 4-row blocks, widths that are not a multiple of the
    // 16 lanes; 53 is odd (bfloat16 pairs cannot be formed: another path).
    // Plain copies, not structured bindings: clang cannot capture those in CAPTURE's lambda.
    for (const auto &shape : {std::pair<int, int>{37, 54}, {37, 53}, {256, 3584}, {5, 16}}) {
        const int n = shape.first;
        const int k = shape.second;
        CAPTURE(n);
        CAPTURE(k);
        const at::Tensor w = at::randn({n, k});
        const at::Tensor b = at::randn({n});
        const at::Tensor x = at::randn({1, k});
        const at::Tensor expected = at::linear(x, w, b);
        CHECK((applyLinear(x, w, b).sizes() == expected.sizes()));
        CHECK(maxRelDiff(applyLinear(x, w, b), expected) < 1e-5);
        CHECK(maxRelDiff(applyLinear(x.view({k}), w), at::linear(x, w).view({n})) < 1e-5);
        // bfloat16 weights and input: the same products of the rounded values, summed in float32,
        // then rounded once.
        const at::Tensor wb = w.to(at::kBFloat16), xb = x.to(at::kBFloat16);
        const at::Tensor got = applyLinear(xb, wb, b.to(at::kBFloat16));
        CHECK((got.scalar_type() == at::kBFloat16));
        const at::Tensor exact = at::linear(xb.to(at::kFloat), wb.to(at::kFloat),
                                            b.to(at::kBFloat16).to(at::kFloat));
        CHECK(maxRelDiff(got, exact) < 8e-3); // one bfloat16 rounding of the result
    }
}

TEST_CASE("one input row: the AVX512-BF16 pair dot product equals the widening kernel")
{
    if (!pairDotGemvAvailable()) {
        // Nothing to compare on this CPU: the widening kernel is the only one (checked above).
        CHECK_FALSE(pairDotGemvAvailable());
        return;
    }
    at::manual_seed(9);
    // 27 and 1795 pairs leave tails after the 16-pair body; 3 and 13 rows are not multiples of the
    // 8-row blocks; the input also starts at an offset that is not 4-byte aligned.
    for (const auto &shape : {std::pair<int, int>{13, 54}, {3, 3590}, {300, 3584}}) {
        const int n = shape.first;
        const int k = shape.second;
        CAPTURE(n);
        CAPTURE(k);
        const at::Tensor w = at::randn({n, k}).to(at::kBFloat16);
        at::Tensor storage = at::empty({k + 1}, at::kBFloat16);
        at::Tensor x = storage.narrow(0, 1, k).view({1, k});
        x.copy_(at::randn({1, k}));
        setPairDotGemv(false);
        const at::Tensor widened = applyLinear(x, w).to(at::kFloat);
        setPairDotGemv(true);
        const at::Tensor paired = applyLinear(x, w).to(at::kFloat);
        const at::Tensor exact = at::linear(x.to(at::kDouble), w.to(at::kDouble));
        // Both are float32 sums of the same exact products, rounded once to bfloat16.
        CHECK(maxRelDiff(paired, exact) < 8e-3);
        CHECK(maxRelDiff(paired, widened) < 8e-3);
    }
}

TEST_CASE("one input row: bfloat16 weights at an offset that is not 4-byte aligned")
{
    at::manual_seed(7);
    // Tensors in a safetensors file may start at any even offset: the pair kernel must not be
    // used there, and the result must not change.
    const at::Tensor w = at::randn({9, 40}).to(at::kBFloat16);
    at::Tensor storage = at::empty({9 * 40 + 1}, at::kBFloat16);
    at::Tensor shifted = storage.narrow(0, 1, 9 * 40).view({9, 40});
    shifted.copy_(w);
    REQUIRE(reinterpret_cast<std::uintptr_t>(shifted.data_ptr()) % 4 == 2);
    const at::Tensor x = at::randn({1, 40}).to(at::kBFloat16);
    CHECK(maxRelDiff(applyLinear(x, shifted), applyLinear(x, w)) < 8e-3);
    CHECK(maxRelDiff(applyLinear(x, w), at::linear(x.to(at::kFloat), w.to(at::kFloat))) < 8e-3);
}

TEST_CASE("bfloat16 products widened to float32 equal float32 linear of the rounded values")
{
    at::manual_seed(6);
    setBf16Gemm(Bf16Gemm::Widened);
    // The last shape is split both ways: 128 input rows per 32 MB float32 chunk (72 in the last)
    // and 256 weight rows per 64 MB block (44 in the last).
    for (const auto &shape : {std::array<int, 3>{3, 37, 53}, {300, 700, 96}, {200, 300, 65536}}) {
        const int m = shape[0];
        const int n = shape[1];
        const int k = shape[2];
        CAPTURE(m);
        CAPTURE(n);
        const at::Tensor x = at::randn({m, k}).to(at::kBFloat16);
        const at::Tensor w = at::randn({n, k}).to(at::kBFloat16);
        const at::Tensor b = at::randn({n}).to(at::kBFloat16);
        const at::Tensor got = applyLinear(x, w, b);
        CHECK((got.scalar_type() == at::kBFloat16));
        CHECK((got.sizes() == at::IntArrayRef{m, n}));
        const at::Tensor exact = at::linear(x.to(at::kFloat), w.to(at::kFloat), b.to(at::kFloat));
        CHECK(maxRelDiff(got, exact) < 8e-3);
        CHECK(widenForMatmul(x));
    }
    setBf16Gemm(Bf16Gemm::Auto);
}

TEST_CASE("the engine's kernels run on every intra-op thread")
{
    // Without OpenMP at compile time, at::parallel_for in our own kernels ran on one thread: the
    // decode step used one core of two. The GCC build (CI's, the shipped one) must be parallel;
    // the clang sanitizer build has no GNU OpenMP and stays serial by design.
    const int before = at::get_num_threads();
    at::set_num_threads(2);
    const int expected = kernelsBuiltWithOpenMp() ? 2 : 1;
#if defined(__GNUC__) && !defined(__clang__)
    CHECK(kernelsBuiltWithOpenMp());
#endif
    CHECK(kernelThreads() == expected);
    at::set_num_threads(before);
}

TEST_CASE("the bfloat16 GEMM choice follows the CPU and the measured rates unless forced")
{
    const Bf16GemmCalibration measured = bf16GemmCalibration();
    if (cpuHasNativeBf16Gemm()) {
        // Both routes ran, and the faster one (the native one unless widening wins by 10 %) is
        // the choice.
        CHECK(measured.nativeGflops > 0);
        CHECK(measured.widenedGflops > 0);
        CHECK((measured.choice
               == (measured.widenedGflops > 1.1 * measured.nativeGflops ? Bf16Gemm::Widened
                                                                        : Bf16Gemm::Native)));
    } else {
        CHECK(measured.choice == Bf16Gemm::Widened);
        CHECK(measured.nativeGflops == 0);
    }
    CHECK(bf16Gemm() == measured.choice);
    setBf16Gemm(Bf16Gemm::Native);
    CHECK(bf16Gemm() == Bf16Gemm::Native);
    CHECK_FALSE(widenForMatmul(at::zeros({2, 2}, at::kBFloat16)));
    setBf16Gemm(Bf16Gemm::Auto);
    CHECK_FALSE(widenForMatmul(at::zeros({2, 2}, at::kFloat)));
}
