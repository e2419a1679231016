// Importing a MIG-Bench file into a project: every case with its ordered images, question,
// ground truth (and the image holding it, by the image-aware rule of migbench_scorer.h).
#pragma once

#include "annotate/project_store.h"

#include <QMap>

namespace migician::annotate {

struct MigBenchImportReport
{
    int added = 0;              // new cases
    int alreadyPresent = 0;     // cases of the same file (source, index) imported before
    QMap<QString, int> perTask; // cases of the file per task
    QStringList missingImages;  // relative paths not found under the images root (not fatal)
    QStringList warnings;       // unusual ground truths kept as they are
};

// Reads `benchFile`, checks every case and every image path (none may resolve outside
// `imagesRoot`), then writes everything in one transaction: on any error nothing is written.
// The project's images root becomes `imagesRoot`. The cases' source is the file's name, so
// importing the same file again adds nothing.
Result<MigBenchImportReport> importMigBench(ProjectStore &store, const QString &benchFile,
                                            const QString &imagesRoot);

} // namespace migician::annotate
