#include "machine_limits.h"

#include "model/linear_kernels.h"

#include <algorithm>
#include <chrono>
#include <functional>

namespace migician::bench {

namespace {

// Device work is asynchronous on CUDA: reading one value back makes the timing cover it.
void finish(const at::Tensor &t)
{
    if (t.is_cuda())
        (void)t.reshape(-1)[0].item<float>();
}

double bestMs(int runs, const std::function<at::Tensor()> &work)
{
    finish(work()); // warm-up: first-touch page faults, library initialisation
    double best = 1e300;
    for (int i = 0; i < runs; ++i) {
        const auto start = std::chrono::steady_clock::now();
        finish(work());
        best = std::min(best, std::chrono::duration<double, std::milli>(
                                      std::chrono::steady_clock::now() - start)
                                      .count());
    }
    return best;
}

} // namespace

MachineLimits measureMachineLimits(at::ScalarType dtype, at::Device device, std::int64_t hidden,
                                   std::int64_t intermediate)
{
    MachineLimits limits;
    const auto options = at::TensorOptions().device(device);
    const int runs = device.is_cuda() ? 20 : 5;
    {
        const at::Tensor big = at::ones({1LL << 28}, options.dtype(at::kFloat)); // 1 GiB
        const double ms = bestMs(runs, [&] { return big.sum(); });
        limits.readGBs = double(big.nbytes()) / ms / 1e6;
    }
    const std::int64_t tokens = 512;
    limits.gemmShape = std::to_string(tokens) + "x" + std::to_string(hidden) + " by "
                       + std::to_string(intermediate) + "x" + std::to_string(hidden);
    const double flop = 2.0 * double(tokens) * double(hidden) * double(intermediate);
    const auto rate = [&](at::ScalarType type, bool engine) {
        const at::Tensor x = at::randn({tokens, hidden}, options.dtype(at::kFloat)).to(type);
        const at::Tensor w
                = at::empty({intermediate, hidden}, options.dtype(type)).uniform_(-0.03, 0.03);
        const double ms = bestMs(device.is_cuda() ? 20 : 3, [&] {
            return engine ? model::applyLinear(x, w) : at::linear(x, w);
        });
        return flop / ms / 1e6;
    };
    limits.gemmGflopsFloat32 = rate(at::kFloat, false);
    const bool scalarFallback
            = device.is_cpu() && dtype == at::kBFloat16 && !model::cpuHasNativeBf16Gemm();
    if (dtype == at::kFloat)
        limits.gemmGflopsDtype = limits.gemmGflopsFloat32;
    else if (!scalarFallback)
        limits.gemmGflopsDtype = rate(dtype, false);
    else
        limits.note = "libtorch multiplies bfloat16 with a scalar loop on this CPU (no AVX-512); "
                      "the engine widens to float32, so the float32 rate is the bound";
    limits.engineLinearGflops
            = dtype == at::kFloat && device.is_cpu() ? limits.gemmGflopsFloat32 : rate(dtype, true);
    limits.gemmGflops = std::max(limits.gemmGflopsDtype, limits.gemmGflopsFloat32);
    return limits;
}

} // namespace migician::bench
