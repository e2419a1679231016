// What the machine allows, measured in the benchmark's own process with its thread count, so that
// every stage can be stated as a fraction of a bound that holds on any machine (issue 13): memory
// read bandwidth and the GEMM rate of `linear` at the text MLP's shape (512 tokens by an
// [intermediate, hidden] weight; a square `mm` can take another path).
//
// Bandwidth is the faster of two libtorch ops that stream 1 GiB of float32 once: `sum`, and `mv`
// of a [65536, 4096] matrix (OpenBLAS's GEMV). On a Zen 3 with 2 threads `sum` read ~25 % slower
// than `mv`, so `sum` alone would understate what the memory delivers.
//
// Each rate is also given per second of this process's CPU time (all threads): on a machine shared
// with other work, wall-clock rates fall with the load while CPU-time rates barely move, so
// stages compared with bounds in CPU time stay meaningful there (bench_main.cpp reports both).
#pragma once

#include <ATen/ATen.h>

#include <string>

namespace migician::bench {

struct MachineLimits
{
    double readGBs = 0;            // the faster of the two below
    double readGBsSum = 0;         // best of several sums of a 1 GiB float32 tensor
    double readGBsMv = 0;          // best of several mv of a 1 GiB float32 matrix
    double gemmGflops = 0;         // the rate bounds use: the best way the dtype can be computed
    double gemmGflopsDtype = 0;    // at::linear in the compute dtype (0: not measured, see note)
    double gemmGflopsFloat32 = 0;  // at::linear in float32 (bfloat16 can always be widened)
    double engineLinearGflops = 0; // the engine's own applyLinear in the compute dtype
    // One decode-step product ([1, hidden] by the MLP weight in the compute dtype), in GB/s of
    // weight read: through the engine's streaming GEMV, and through what the engine would do
    // without it (at::linear, or the widened path for bfloat16 on a CPU without AVX-512). The
    // hand-written kernel stays only while the first is clearly faster.
    double gemvGBsStreaming = 0;
    double gemvGBsLibrary = 0;
    double gemvGBsStreamingWidened = 0; // bfloat16 with AVX512-BF16: the kernel without vdpbf16ps
    double readGBsPerCpuSecond = 0;     // the same sum per second of CPU time
    double gemmGflopsPerCpuSecond = 0;  // the rate of gemmGflops per second of CPU time
    std::string gemmShape;
    std::string note;
};

// User + system CPU time of this process so far, all threads, in milliseconds.
double processCpuMs();

MachineLimits measureMachineLimits(at::ScalarType dtype, at::Device device, std::int64_t hidden,
                                   std::int64_t intermediate);

} // namespace migician::bench
