#include "linear_kernels.h"

#include <ATen/Parallel.h>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#endif

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <tuple>
#include <utility>
#include <vector>

namespace migician::model {

namespace {

std::atomic<Bf16Gemm> g_bf16Gemm{Bf16Gemm::Auto};
std::atomic<bool> g_streamingGemv{true};
std::atomic<bool> g_pairDot{true};

// ---- the matrix-vector kernel --------------------------------------------------------------

constexpr int kLanes = 16; // independent partial sums per row: the compiler vectorises them
constexpr int kRows = 4;   // rows that share each load of x

inline float asFloat(std::uint32_t bits)
{
    float value;
    std::memcpy(&value, &bits, sizeof value);
    return value;
}

// Float32 weights: y[r] = w[r, :] . x for r in [begin, end). Each lane keeps its own running sum,
// so the compiler vectorises the lanes without reassociating any sum (the order is fixed; only
// whether a multiply-add is fused depends on the instruction set).
__attribute__((always_inline)) inline void dotRowsFloat(const float *w, const float *x, float *y,
                                                        std::int64_t begin, std::int64_t end,
                                                        std::int64_t k)
{
    const std::int64_t body = k - k % kLanes;
    const auto finish = [&](const float *lanes, std::int64_t row) {
        float tail = 0;
        for (std::int64_t j = body; j < k; ++j)
            tail += w[row * k + j] * x[j];
        float sum = 0;
        for (int l = 0; l < kLanes; ++l)
            sum += lanes[l];
        y[row] = sum + tail;
    };
    std::int64_t r = begin;
    for (; r + kRows <= end; r += kRows) {
        float acc[kRows][kLanes] = {};
        const float *w0 = w + r * k;
        for (std::int64_t j = 0; j < body; j += kLanes)
            for (int l = 0; l < kLanes; ++l) {
                const float xv = x[j + l];
                for (int i = 0; i < kRows; ++i)
                    acc[i][l] += w0[i * k + j + l] * xv;
            }
        for (int i = 0; i < kRows; ++i)
            finish(acc[i], r + i);
    }
    for (; r < end; ++r) {
        float acc[kLanes] = {};
        for (std::int64_t j = 0; j < body; j += kLanes)
            for (int l = 0; l < kLanes; ++l)
                acc[l] += w[r * k + j + l] * x[j + l];
        finish(acc, r);
    }
}

// bfloat16 weights read as 32-bit pairs: the even element of a pair is its low half shifted up,
// the odd one its high half masked, both exact float32 values. x comes split into its even and odd
// elements, so widening costs one shift or one mask per element and no shuffles. Half the bytes
// per element of float32 means twice the rows in flight to keep as many loads outstanding.
// `pairs` = k / 2.
__attribute__((always_inline)) inline void dotRowsBf16(const std::uint32_t *w, const float *xEven,
                                                       const float *xOdd, float *y,
                                                       std::int64_t begin, std::int64_t end,
                                                       std::int64_t pairs)
{
    constexpr int lanes = kLanes / 2;
    constexpr int rows = 2 * kRows;
    const std::int64_t body = pairs - pairs % lanes;
    const auto finish = [&](const float *acc, std::int64_t row) {
        float tail = 0;
        for (std::int64_t j = body; j < pairs; ++j) {
            const std::uint32_t p = w[row * pairs + j];
            tail += asFloat(p << 16) * xEven[j] + asFloat(p & 0xffff0000u) * xOdd[j];
        }
        float sum = 0;
        for (int l = 0; l < lanes; ++l)
            sum += acc[l];
        y[row] = sum + tail;
    };
    const auto accumulate = [&](float *acc, const std::uint32_t *row, std::int64_t j) {
        for (int l = 0; l < lanes; ++l) {
            const std::uint32_t p = row[j + l];
            acc[l] += asFloat(p << 16) * xEven[j + l];
            acc[l] += asFloat(p & 0xffff0000u) * xOdd[j + l];
        }
    };
    std::int64_t r = begin;
    for (; r + rows <= end; r += rows) {
        float acc[rows][lanes] = {};
        const std::uint32_t *w0 = w + r * pairs;
        for (std::int64_t j = 0; j < body; j += lanes)
            for (int i = 0; i < rows; ++i)
                accumulate(acc[i], w0 + i * pairs, j);
        for (int i = 0; i < rows; ++i)
            finish(acc[i], r + i);
    }
    for (; r < end; ++r) {
        float acc[lanes] = {};
        for (std::int64_t j = 0; j < body; j += lanes)
            accumulate(acc, w + r * pairs, j);
        finish(acc, r);
    }
}

// One signature for both: float32 (xb unused) or bfloat16 pairs (xa even, xb odd elements).
using DotRows = void (*)(const void *w, const float *xa, const float *xb, float *y,
                         std::int64_t begin, std::int64_t end, std::int64_t k);

template<bool Bf16>
__attribute__((always_inline)) inline void dotRows(const void *w, const float *xa, const float *xb,
                                                   float *y, std::int64_t begin, std::int64_t end,
                                                   std::int64_t k)
{
    if constexpr (Bf16)
        dotRowsBf16(static_cast<const std::uint32_t *>(w), xa, xb, y, begin, end, k / 2);
    else
        dotRowsFloat(static_cast<const float *>(w), xa, y, begin, end, k);
}

template<bool Bf16>
void dotRowsBaseline(const void *w, const float *xa, const float *xb, float *y, std::int64_t b,
                     std::int64_t e, std::int64_t k)
{
    dotRows<Bf16>(w, xa, xb, y, b, e, k);
}

#if defined(__x86_64__) && defined(__GNUC__)
// The same loops compiled for wider vector units, chosen at run time.
template<bool Bf16>
__attribute__((target("avx2,fma"))) void dotRowsAvx2(const void *w, const float *xa,
                                                     const float *xb, float *y, std::int64_t b,
                                                     std::int64_t e, std::int64_t k)
{
    dotRows<Bf16>(w, xa, xb, y, b, e, k);
}

template<bool Bf16>
__attribute__((target("avx512f,avx512bw"))) void
dotRowsAvx512(const void *w, const float *xa, const float *xb, float *y, std::int64_t b,
              std::int64_t e, std::int64_t k)
{
    dotRows<Bf16>(w, xa, xb, y, b, e, k);
}
#endif

#if defined(__x86_64__) && defined(__GNUC__)
// bfloat16 weights times a bfloat16 input with AVX512-BF16's pair dot product (vdpbf16ps): one
// instruction multiplies 16 pairs of bfloat16 values, exactly (a product of two bfloat16 values
// fits a float32), and adds both products into 16 float32 sums. It replaces the widening (a shift
// or a mask and a multiply-add per element) that made the pair kernel above compute-bound at
// half the memory bandwidth of an AVX512-BF16 machine. The sums are float32 as before; only their
// order within a pair differs (and denormal inputs count as zero, as the instruction defines).
// `x` is the input's own bfloat16 pairs (no rounding: it is a bfloat16 tensor).
// The 16 sums of a vector, in lane order (not _mm512_reduce_add_ps: GCC 12 warns about its
// undefined-vector idiom).
__attribute__((target("avx512f"))) float reduce(__m512 acc)
{
    alignas(64) float lane[16];
    _mm512_store_ps(lane, acc);
    float sum = 0;
    for (const float v : lane)
        sum += v;
    return sum;
}

__attribute__((target("avx512f,avx512bw,avx512bf16"))) void
dotRowsPairDot(const std::uint32_t *w, const std::uint32_t *x, float *y, std::int64_t begin,
               std::int64_t end, std::int64_t pairs)
{
    constexpr int lanes = 16; // pairs per instruction
    constexpr int rows = 8;   // rows that share each load of x; 8 independent sums in flight
    const std::int64_t body = pairs - pairs % lanes;
    const auto tail = [&](const std::uint32_t *row) {
        float sum = 0;
        for (std::int64_t j = body; j < pairs; ++j) {
            std::uint32_t q; // the input may start at any even offset
            std::memcpy(&q, x + j, sizeof q);
            const std::uint32_t p = row[j];
            sum += asFloat(p << 16) * asFloat(q << 16);
            sum += asFloat(p & 0xffff0000u) * asFloat(q & 0xffff0000u);
        }
        return sum;
    };
    std::int64_t r = begin;
    for (; r + rows <= end; r += rows) {
        __m512 acc[rows];
        for (int i = 0; i < rows; ++i)
            acc[i] = _mm512_setzero_ps();
        const std::uint32_t *w0 = w + r * pairs;
        for (std::int64_t j = 0; j < body; j += lanes) {
            const __m512bh xv = (__m512bh)_mm512_loadu_si512(x + j);
            for (int i = 0; i < rows; ++i)
                acc[i] = _mm512_dpbf16_ps(acc[i], (__m512bh)_mm512_loadu_si512(w0 + i * pairs + j),
                                          xv);
        }
        for (int i = 0; i < rows; ++i)
            y[r + i] = reduce(acc[i]) + tail(w0 + i * pairs);
    }
    for (; r < end; ++r) {
        __m512 acc = _mm512_setzero_ps();
        const std::uint32_t *row = w + r * pairs;
        for (std::int64_t j = 0; j < body; j += lanes)
            acc = _mm512_dpbf16_ps(acc, (__m512bh)_mm512_loadu_si512(row + j),
                                   (__m512bh)_mm512_loadu_si512(x + j));
        y[r] = reduce(acc) + tail(row);
    }
}
#endif

bool cpuHasPairDot()
{
#if defined(__x86_64__) && defined(__GNUC__)
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512bf16");
#else
    return false;
#endif
}

template<bool Bf16>
DotRows pickDotRows()
{
#if defined(__x86_64__) && defined(__GNUC__)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw"))
        return dotRowsAvx512<Bf16>;
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
        return dotRowsAvx2<Bf16>;
#endif
    return dotRowsBaseline<Bf16>;
}

// Each thread streams its own contiguous band of rows.
void gemv(DotRows kernel, const void *w, const float *xa, const float *xb, float *y, std::int64_t n,
          std::int64_t k)
{
    at::parallel_for(0, n, 256, [&](std::int64_t begin, std::int64_t end) {
        kernel(w, xa, xb, y, begin, end, k);
    });
}

at::Tensor streamingLinear(const at::Tensor &x, const at::Tensor &weight, const at::Tensor &bias)
{
    static const DotRows floatKernel = pickDotRows<false>();
    static const DotRows bf16Kernel = pickDotRows<true>();
    const std::int64_t n = weight.size(0);
    const std::int64_t k = weight.size(1);
    at::Tensor y = at::empty({n}, x.options().dtype(at::kFloat));
#if defined(__x86_64__) && defined(__GNUC__)
    static const bool pairDot = cpuHasPairDot();
    if (weight.scalar_type() == at::kBFloat16 && x.scalar_type() == at::kBFloat16 && pairDot
        && g_pairDot) {
        const at::Tensor xb = x.reshape({k}).contiguous();
        const auto *w = static_cast<const std::uint32_t *>(weight.data_ptr());
        const auto *xp = static_cast<const std::uint32_t *>(xb.data_ptr());
        float *out = y.data_ptr<float>();
        at::parallel_for(0, n, 256, [&](std::int64_t begin, std::int64_t end) {
            dotRowsPairDot(w, xp, out, begin, end, k / 2);
        });
    } else
#endif
            if (weight.scalar_type() == at::kBFloat16) {
        const at::Tensor x32 = x.reshape({k}).to(at::kFloat).contiguous();
        const at::Tensor pairs = x32.view({k / 2, 2});
        const at::Tensor even = pairs.select(1, 0).contiguous();
        const at::Tensor odd = pairs.select(1, 1).contiguous();
        gemv(bf16Kernel, weight.data_ptr(), even.data_ptr<float>(), odd.data_ptr<float>(),
             y.data_ptr<float>(), n, k);
    } else {
        const at::Tensor x32 = x.reshape({k}).to(at::kFloat).contiguous();
        gemv(floatKernel, weight.data_ptr(), x32.data_ptr<float>(), nullptr, y.data_ptr<float>(), n,
             k);
    }
    if (bias.defined())
        y.add_(bias.to(at::kFloat));
    std::vector<std::int64_t> shape = x.sizes().vec();
    shape.back() = n;
    return y.to(x.scalar_type()).view(shape);
}

// ---- bfloat16 products through float32 GEMM ------------------------------------------------

at::Tensor widenedLinear(const at::Tensor &x, const at::Tensor &weight, const at::Tensor &bias)
{
    const std::int64_t n = weight.size(0);
    const std::int64_t k = weight.size(1);
    const at::Tensor rows = x.reshape({-1, k});
    const std::int64_t m = rows.size(0);
    at::Tensor out = at::empty({m, n}, x.options());
    // Float32 working sets of at most ~32 MB (input rows and products) and ~64 MB (weight rows):
    // enough for OpenBLAS to run at full speed, small enough to keep the peak memory of large
    // inputs low (W2's four images: 15552 vision rows).
    constexpr std::int64_t kInputBytes = 32LL << 20;
    constexpr std::int64_t kWeightBytes = 64LL << 20;
    const std::int64_t rowChunk = std::clamp<std::int64_t>(kInputBytes / (k * 4), 64, m);
    const std::int64_t block = std::clamp<std::int64_t>(
            std::min(kWeightBytes / (k * 4), kInputBytes / (m * 4)), 64, n);
    const auto f32 = x.options().dtype(at::kFloat);
    at::Tensor w32 = at::empty({block, k}, f32);
    at::Tensor part = at::empty({rowChunk * block}, f32);
    const at::Tensor b32 = bias.defined() ? bias.to(at::kFloat) : at::Tensor();
    for (std::int64_t r0 = 0; r0 < m; r0 += rowChunk) {
        const std::int64_t mr = std::min(rowChunk, m - r0);
        const at::Tensor x32 = rows.narrow(0, r0, mr).to(at::kFloat);
        for (std::int64_t c0 = 0; c0 < n; c0 += block) {
            const std::int64_t nb = std::min(block, n - c0);
            const at::Tensor wb = w32.narrow(0, 0, nb);
            wb.copy_(weight.narrow(0, c0, nb));
            at::Tensor pb = part.narrow(0, 0, mr * nb).view({mr, nb});
            if (b32.defined())
                at::addmm_out(pb, b32.narrow(0, c0, nb), x32, wb.t());
            else
                at::mm_out(pb, x32, wb.t());
            out.narrow(0, r0, mr).narrow(1, c0, nb).copy_(pb);
        }
    }
    std::vector<std::int64_t> shape = x.sizes().vec();
    shape.back() = n;
    return out.view(shape);
}

} // namespace

bool cpuHasNativeBf16Gemm()
{
#if defined(__x86_64__) && defined(__GNUC__)
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512vl")
           && __builtin_cpu_supports("avx512dq");
#else
    return false; // libtorch 1.13 uses oneDNN for bfloat16 only on x86; widening is always exact
#endif
}

void setBf16Gemm(Bf16Gemm mode)
{
    g_bf16Gemm = mode;
}

namespace {

// The two routes timed alternately (a passing load then hits both alike), best of five runs each
// after one warm-up, in GFLOP/s.
template<typename Native, typename Widened>
std::pair<double, double> gflopsOf(double flop, const Native &native, const Widened &widened)
{
    const auto seconds = [](const auto &product) {
        const auto start = std::chrono::steady_clock::now();
        const at::Tensor y = product();
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    };
    double bestNative = 0, bestWidened = 0;
    for (int run = 0; run < 6; ++run) {
        const double a = seconds(native);
        const double b = seconds(widened);
        if (run > 0 && a > 0 && b > 0) {
            bestNative = std::max(bestNative, flop / a / 1e9);
            bestWidened = std::max(bestWidened, flop / b / 1e9);
        }
    }
    return {bestNative, bestWidened};
}

Bf16GemmCalibration measureBf16Gemm()
{
    Bf16GemmCalibration result;
    if (!cpuHasNativeBf16Gemm())
        return result; // only the widened route: libtorch 1.13 has a scalar loop there
    // A vision MLP's shape (512 rows of 1280 by 2560 outputs): 3.4 GFLOP, ~20 ms per product.
    const at::Tensor x = at::randn({512, 1280}).to(at::kBFloat16);
    const at::Tensor w = at::randn({2560, 1280}).mul_(0.03).to(at::kBFloat16);
    const double flop = 2.0 * 512 * 1280 * 2560;
    std::tie(result.nativeGflops, result.widenedGflops) = gflopsOf(
            flop, [&] { return at::linear(x, w); }, [&] { return widenedLinear(x, w, {}); });
    result.choice = result.widenedGflops > 1.1 * result.nativeGflops ? Bf16Gemm::Widened
                                                                     : Bf16Gemm::Native;
    return result;
}

} // namespace

Bf16GemmCalibration bf16GemmCalibration()
{
    static const Bf16GemmCalibration measured = measureBf16Gemm();
    return measured;
}

Bf16Gemm bf16Gemm()
{
    const Bf16Gemm mode = g_bf16Gemm;
    if (mode != Bf16Gemm::Auto)
        return mode;
    return bf16GemmCalibration().choice;
}

void setStreamingGemv(bool enabled)
{
    g_streamingGemv = enabled;
}

void setPairDotGemv(bool enabled)
{
    g_pairDot = enabled;
}

bool pairDotGemvAvailable()
{
    return cpuHasPairDot();
}

int kernelThreads()
{
    std::atomic<int> chunks{0};
    // One chunk per thread that takes part: at::parallel_for hands each one a contiguous range.
    at::parallel_for(0, 1 << 16, 1, [&](std::int64_t, std::int64_t) { ++chunks; });
    return chunks;
}

bool kernelsBuiltWithOpenMp()
{
#ifdef _OPENMP
    return true;
#else
    return false;
#endif
}

namespace {

// Whether a product of `rows` input rows widens bfloat16 to float32: the resolved choice, except
// that an automatic one keeps few rows on the native route where the CPU has it.
bool widenRows(std::int64_t rows)
{
    if (bf16Gemm() != Bf16Gemm::Widened)
        return false;
    return g_bf16Gemm != Bf16Gemm::Auto || !cpuHasNativeBf16Gemm() || rows >= kWidenMinRows;
}

} // namespace

bool widenForMatmul(const at::Tensor &t)
{
    return t.is_cpu() && t.scalar_type() == at::kBFloat16 && bf16Gemm() == Bf16Gemm::Widened;
}

at::Tensor applyLinear(const at::Tensor &x, const at::Tensor &weight, const at::Tensor &bias)
{
    if (!x.is_cpu())
        return at::linear(x, weight, bias);
    const auto dtype = x.scalar_type();
    const bool supported = (dtype == at::kFloat || dtype == at::kBFloat16)
                           && weight.scalar_type() == dtype && weight.dim() == 2
                           && weight.is_contiguous();
    // bfloat16 weights are read in 32-bit pairs: an even row length (every model width is) and a
    // 4-byte aligned start (a tensor in a safetensors file may start at any even offset).
    const bool pairs = dtype == at::kFloat
                       || (weight.size(1) % 2 == 0
                           && reinterpret_cast<std::uintptr_t>(weight.data_ptr()) % 4 == 0);
    if (supported && pairs && g_streamingGemv && x.numel() == weight.size(1))
        return streamingLinear(x, weight, bias);
    if (supported && x.scalar_type() == at::kBFloat16 && widenRows(x.numel() / weight.size(1)))
        return widenedLinear(x, weight, bias);
    return at::linear(x, weight, bias);
}

} // namespace migician::model
