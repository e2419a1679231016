#include "build_info.h"

#include <ATen/Context.h>
#include <ATen/Parallel.h>
#include <torch/version.h>

namespace migician::model {

BuildInfo buildInfo()
{
    BuildInfo info;
    info.engineVersion = MIGICIAN_VERSION;
    info.torchVersion = TORCH_VERSION;
    info.cudaAvailable = at::hasCUDA();
    info.torchThreads = at::get_num_threads();
    return info;
}

} // namespace migician::model
