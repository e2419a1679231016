// The `migician` subcommands. Each lives in its own cmd_<name>.cpp and is listed once in
// cli_commands.cpp. A command gets its own arguments (argv[0] is "migician <name>") and returns
// the process exit code; it writes results to stdout and errors to stderr.
#pragma once

#include <QStringList>

#include <vector>

namespace migician::cli {

struct CliCommand
{
    const char *name;
    const char *summary;
    int (*run)(const QStringList &arguments);
};

const std::vector<CliCommand> &commands();

} // namespace migician::cli
