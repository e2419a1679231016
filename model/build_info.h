// What the engine was built against: shown by `--version` and stored with every model run.
#pragma once

#include <string>

namespace migician::model {

struct BuildInfo
{
    std::string engineVersion;
    std::string torchVersion;
    bool cudaAvailable = false;
    int torchThreads = 1;
};

BuildInfo buildInfo();

} // namespace migician::model
