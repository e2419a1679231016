// What the machine allows, measured in the benchmark's own process with its thread count, so that
// every stage can be stated as a fraction of a bound that holds on any machine (issue 13): memory
// read bandwidth (summing a 1 GiB float32 tensor) and the GEMM rate of `linear` at the text MLP's
// shape (512 tokens by an [intermediate, hidden] weight; a square `mm` can take another path).
#pragma once

#include <ATen/ATen.h>

#include <string>

namespace migician::bench {

struct MachineLimits
{
    double readGBs = 0;            // best of several sums of a 1 GiB float32 tensor
    double gemmGflops = 0;         // the rate bounds use: the best way the dtype can be computed
    double gemmGflopsDtype = 0;    // at::linear in the compute dtype (0: not measured, see note)
    double gemmGflopsFloat32 = 0;  // at::linear in float32 (bfloat16 can always be widened)
    double engineLinearGflops = 0; // the engine's own applyLinear in the compute dtype
    std::string gemmShape;
    std::string note;
};

MachineLimits measureMachineLimits(at::ScalarType dtype, at::Device device, std::int64_t hidden,
                                   std::int64_t intermediate);

} // namespace migician::bench
