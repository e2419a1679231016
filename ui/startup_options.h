// What the workbench opens at start, decided by app/ from the command line and environment.
#pragma once

#include <QString>

namespace migician::ui {

struct StartupOptions
{
    bool openDemo = true;
    QString projectPath;
    QString modelDir;
};

} // namespace migician::ui
