// The workbench's persistent settings (QSettings), read and written as one value.
#pragma once

#include "ui/inference_worker.h"

#include <QString>

namespace migician::ui {

struct AppSettings
{
    EngineSettings engine; // engine.modelDir: the Migician checkpoint folder
    QString author;        // recorded with every edit
    QString language;      // "", "en", "zh_CN", "ko" ("" = system)

    static AppSettings load();
    void save() const;
};

} // namespace migician::ui
