#include "machine_limits.h"

#include "model/linear_kernels.h"

#include <sys/resource.h>

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

struct Best
{
    double ms = 1e300;    // wall clock
    double cpuMs = 1e300; // CPU time
};

Best best(int runs, const std::function<at::Tensor()> &work)
{
    finish(work()); // warm-up: first-touch page faults, library initialisation
    Best out;
    for (int i = 0; i < runs; ++i) {
        const auto start = std::chrono::steady_clock::now();
        const double cpuStart = processCpuMs();
        finish(work());
        out.cpuMs = std::min(out.cpuMs, processCpuMs() - cpuStart);
        out.ms = std::min(out.ms, std::chrono::duration<double, std::milli>(
                                          std::chrono::steady_clock::now() - start)
                                          .count());
    }
    return out;
}

} // namespace

double processCpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto ms = [](const timeval &t) {
        return t.tv_sec * 1e3 + t.tv_usec / 1e3;
    };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
}

MachineLimits measureMachineLimits(at::ScalarType dtype, at::Device device, std::int64_t hidden,
                                   std::int64_t intermediate)
{
    MachineLimits limits;
    const auto options = at::TensorOptions().device(device);
    const int runs = device.is_cuda() ? 20 : 5;
    {
        const at::Tensor big = at::ones({1LL << 28}, options.dtype(at::kFloat)); // 1 GiB
        const at::Tensor x = at::ones({4096}, options.dtype(at::kFloat));
        const Best sum = best(runs, [&] { return big.sum(); });
        const Best mv = best(runs, [&] { return at::mv(big.view({65536, 4096}), x); });
        const double bytes = double(big.nbytes());
        limits.readGBsSum = bytes / sum.ms / 1e6;
        limits.readGBsMv = bytes / mv.ms / 1e6;
        const Best &faster = sum.ms <= mv.ms ? sum : mv;
        limits.readGBs = bytes / faster.ms / 1e6;
        limits.readGBsPerCpuSecond = bytes / faster.cpuMs / 1e6;
    }
    const std::int64_t tokens = 512;
    limits.gemmShape = std::to_string(tokens) + "x" + std::to_string(hidden) + " by "
                       + std::to_string(intermediate) + "x" + std::to_string(hidden);
    const double flop = 2.0 * double(tokens) * double(hidden) * double(intermediate);
    double cpuRate = 0; // per CPU second, of the fastest libtorch rate
    const auto rate = [&](at::ScalarType type, bool engine) {
        const at::Tensor x = at::randn({tokens, hidden}, options.dtype(at::kFloat)).to(type);
        const at::Tensor w
                = at::empty({intermediate, hidden}, options.dtype(type)).uniform_(-0.03, 0.03);
        const Best gemm = best(device.is_cuda() ? 20 : 3, [&] {
            return engine ? model::applyLinear(x, w) : at::linear(x, w);
        });
        const double gflops = flop / gemm.ms / 1e6;
        if (!engine && gflops > limits.gemmGflops) {
            limits.gemmGflops = gflops;
            cpuRate = flop / gemm.cpuMs / 1e6;
        }
        return gflops;
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
    limits.gemmGflopsPerCpuSecond = cpuRate;
    if (device.is_cpu()) {
        const at::Tensor x = at::randn({1, hidden}, options.dtype(at::kFloat)).to(dtype);
        const at::Tensor w
                = at::empty({intermediate, hidden}, options.dtype(dtype)).uniform_(-0.03, 0.03);
        const double bytes = double(w.nbytes());
        const auto gemv = [&](bool streaming) {
            model::setStreamingGemv(streaming);
            const Best b = best(10, [&] { return model::applyLinear(x, w); });
            model::setStreamingGemv(true);
            return bytes / b.ms / 1e6;
        };
        limits.gemvGBsLibrary = gemv(false);
        limits.gemvGBsStreaming = gemv(true);
        // What the AVX512-BF16 pair dot product buys over widening each element (same run).
        if (dtype == at::kBFloat16 && model::pairDotGemvAvailable()) {
            model::setPairDotGemv(false);
            limits.gemvGBsStreamingWidened = gemv(true);
            model::setPairDotGemv(true);
        }
    }
    return limits;
}

} // namespace migician::bench
