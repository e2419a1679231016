// The workbench's main window: case browser, multi-image canvas, query and answer panels.
#pragma once

#include "ui/startup_options.h"

#include <QMainWindow>

class QLabel;

namespace migician::ui {

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(const StartupOptions &options, QWidget *parent = nullptr);

    // Renders the window as it is now to a PNG file; false (and *error) when it cannot be written.
    bool saveScreenshot(const QString &path, QString *error);

private:
    void buildDemoCase();

    StartupOptions m_options;
};

} // namespace migician::ui
