// The workbench's persistent settings (QSettings), read and written as one value.
#pragma once

#include "ui/backend_settings.h"

#include <QString>

namespace migician::ui {

struct AppSettings
{
    EngineSettings engine; // the backend: local checkpoint, remote endpoint or assistant
    QString author;        // recorded with every edit
    QString language;      // "", "en", "zh_CN", "ko" ("" = system)

    static AppSettings load();
    void save() const;
};

} // namespace migician::ui
