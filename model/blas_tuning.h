// OpenBLAS 0.3.21 (Debian 12) does not recognise some recent Intel Xeons and falls back to kernels
// without AVX2: float32 GEMM then runs at ~60 instead of ~153 GFLOP/s on 2 cores (BUILD-NOTES).
// It reads OPENBLAS_CORETYPE only when the library loads, so an executable that finds such a
// fallback on an AVX2 CPU restarts itself once with OPENBLAS_CORETYPE=Haswell (SkylakeX on a CPU
// with AVX-512 F/CD/BW/DQ/VL). Call it first in main(), before any thread starts. A user's own
// OPENBLAS_CORETYPE is always left alone.
#pragma once

namespace migician::model {

// Returns the core OpenBLAS uses ("" when it is not OpenBLAS); does not return when it restarts.
const char *useFastBlasKernels(char **argv);

} // namespace migician::model
