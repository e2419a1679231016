#include "cli_command.h"

namespace migician::cli {

// Defined in the cmd_*.cpp files.

const std::vector<CliCommand> &commands()
{
    static const std::vector<CliCommand> table{
    };
    return table;
}

} // namespace migician::cli
