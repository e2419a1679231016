// The demo: the four kitchen views (MIT licence) as a ready case with the query from the
// Migician README, in a project file in a writable folder (QStandardPaths::AppDataLocation).
#pragma once

#include <QString>

namespace migician::ui {

struct DemoProject
{
    static QString query();
    // Writes the images (from `sourceFolder`, or the executable's :/demo/kitchen resources when
    // empty) and the project into `folder` (AppDataLocation/demo when empty), once. Returns the
    // project file, or an empty string and *error.
    static QString ensure(QString *error, const QString &folder = {},
                          const QString &sourceFolder = {});
};

} // namespace migician::ui
