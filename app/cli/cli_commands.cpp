#include "cli_command.h"

namespace migician::cli {

// Defined in the cmd_*.cpp files.
int runTokenize(const QStringList &arguments);
int runRenderChat(const QStringList &arguments);

const std::vector<CliCommand> &commands()
{
    static const std::vector<CliCommand> table{
        {"tokenize", "Tokenize JSON lines from stdin", &runTokenize},
        {"render-chat", "Render chat JSON lines with the Qwen2-VL template", &runRenderChat},
    };
    return table;
}

} // namespace migician::cli
