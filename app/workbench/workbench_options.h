// Command-line options of migician-workbench.
#pragma once

#include "ui/startup_options.h"

#include <QSize>
#include <QString>
#include <QStringList>

namespace migician::app {

struct WorkbenchOptions
{
    QString screenshotPath;
    QSize size{1280, 800};
    QString language;
    ui::StartupOptions startup;

    bool parse(const QStringList &arguments, QString *error);
};

} // namespace migician::app
