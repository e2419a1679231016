// `migician serve`: the Qt-free server of app/serve/ (also built alone as `migician-serve`).
#include "cli_command.h"

#include "serve/serve_command.h"

#include <string>
#include <vector>

namespace migician::cli {

int runServe(const QStringList &arguments)
{
    std::vector<std::string> rest;
    for (int i = 1; i < arguments.size(); ++i)
        rest.push_back(arguments.at(i).toStdString());
    return serve::runServeCommand(arguments.first().toStdString(), rest);
}

} // namespace migician::cli
