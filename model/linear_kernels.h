// Matrix products of the engine (every projection, the lm_head). libtorch picks a kernel by dtype
// and CPU, and two of its choices are far below what the machine allows, so `applyLinear` routes
// around them on the CPU:
//  - one input row (each decode step): libtorch's bfloat16 GEMV reached 30 % of the memory
//    bandwidth on a Xeon and its float32 `linear` takes OpenBLAS's GEMM path; a streaming
//    matrix-vector kernel reads every weight exactly once with float32 accumulation;
//  - bfloat16 with several rows on a CPU without AVX-512: libtorch 1.13 falls back to a scalar loop
//    (0.2 GFLOP/s on a Zen 3, against ~80 GFLOP/s for OpenBLAS in float32); the weight is widened
//    to float32 one block of rows at a time and multiplied by OpenBLAS, the result rounded back.
//    That loop is also inaccurate: it rounds every product and partial sum to bfloat16, where
//    oneDNN, cuBLAS and the reference accumulate in float32 (the widened path does too: a product
//    of two bfloat16 values is exact in float32).
// Everything else (CUDA, AVX-512 CPUs for bfloat16 GEMM, float32 GEMM) is at::linear.
#pragma once

#include <ATen/ATen.h>

namespace migician::model {

enum class Bf16Gemm { Auto, Native, Widened };

// Whether libtorch multiplies bfloat16 matrices with a vectorised kernel on this CPU (oneDNN, which
// libtorch uses only with AVX-512 BW/VL/DQ).
bool cpuHasNativeBf16Gemm();
void setBf16Gemm(Bf16Gemm mode); // process-wide; for tests and benchmarks
Bf16Gemm bf16Gemm();             // the resolved choice for large products (never Auto)

// Where the CPU has both, neither route is always faster: on an AVX512-BF16 Xeon (VM, no AMX)
// oneDNN 2.6 multiplied bfloat16 at ~145 GFLOP/s and OpenBLAS's AVX-512 sgemm on widened weights
// at 175-205 at prefill and vision shapes, while on a Zen 5 oneDNN's bfloat16 reached 685 GFLOP/s,
// far above any float32 rate measured here. Auto times both once per process, alternately, on a
// product of ~3 GFLOP and takes the faster (the native one unless widening wins by 10 %). Products
// of fewer than kWidenMinRows input rows always take the native route there: widening each weight
// once per call does not pay for few rows.
struct Bf16GemmCalibration
{
    Bf16Gemm choice = Bf16Gemm::Widened;
    double nativeGflops = 0; // 0 where it was not measured (the CPU has no native route)
    double widenedGflops = 0;
};
Bf16GemmCalibration bf16GemmCalibration();
constexpr std::int64_t kWidenMinRows = 256;

// The matrix-vector kernel is used for inputs of one row (on by default; tests compare both).
void setStreamingGemv(bool enabled);
// With bfloat16 weights and input on a CPU with AVX512-BF16, that kernel multiplies bfloat16 pairs
// with vdpbf16ps instead of widening each element (on by default where available; tests and the
// benchmark compare both).
void setPairDotGemv(bool enabled);
bool pairDotGemvAvailable();

// How many threads the engine's own kernels run on (at::parallel_for compiled into this library):
// at::get_num_threads() where the library was built with OpenMP (GCC), 1 otherwise.
int kernelThreads();
bool kernelsBuiltWithOpenMp();

// y = x W^T + b in x's dtype: x [.., in], weight [out, in] (contiguous), bias [out] or undefined.
at::Tensor applyLinear(const at::Tensor &x, const at::Tensor &weight, const at::Tensor &bias = {});

// Whether attention products in `dtype` should be computed in float32 on this device (bfloat16 on
// a CPU without a native bfloat16 GEMM).
bool widenForMatmul(const at::Tensor &t);

} // namespace migician::model
