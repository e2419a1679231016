#include "blas_tuning.h"

#include <dlfcn.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>

namespace migician::model {

namespace {

// OpenBLAS core names without AVX2 kernels (a CPU with AVX2 should never get them).
bool isPreAvx2Core(const char *core)
{
    for (const char *name :
         {"Prescott",    "Core2",     "Penryn",     "Dunnington",  "Nehalem",   "Atom",
          "Sandybridge", "Katmai",    "Coppermine", "Northwood",   "Banias",    "Barcelona",
          "Bobcat",      "Bulldozer", "Piledriver", "Steamroller", "Excavator", "Opteron",
          "Athlon",      "Generic",   "generic"})
        if (std::strcmp(core, name) == 0)
            return true;
    return false;
}

} // namespace

const char *useFastBlasKernels(char **argv)
{
    // libopenblas is loaded as libtorch's BLAS; look it up without linking to it.
    using CoreName = char *(*)();
    const auto coreName = reinterpret_cast<CoreName>(dlsym(RTLD_DEFAULT, "openblas_get_corename"));
    if (!coreName)
        return "";
    const char *core = coreName();
#if defined(__x86_64__) && defined(__GNUC__)
    __builtin_cpu_init();
    const bool avx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    // OpenBLAS's AVX-512 kernels (SkylakeX) need F, CD, BW, DQ and VL. On an AVX512-BF16 Xeon they
    // multiplied float32 at 180-230 GFLOP/s on 2 cores where the AVX2 ones (Haswell) reached
    // 80-130: float32 prefill and vision, and bfloat16 products widened to float32, run on them.
    const bool avx512 = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512cd")
                        && __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512dq")
                        && __builtin_cpu_supports("avx512vl");
    if (avx2 && core && isPreAvx2Core(core) && !std::getenv("OPENBLAS_CORETYPE") && argv
        && argv[0]) {
        setenv("OPENBLAS_CORETYPE", avx512 ? "SkylakeX" : "Haswell", 1);
        execv("/proc/self/exe", argv);
        // Could not restart: carry on with the slower kernels.
    }
#else
    (void)argv;
#endif
    return core ? core : "";
}

} // namespace migician::model
