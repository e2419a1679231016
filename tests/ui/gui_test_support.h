// Helpers shared by the workbench GUI tests: an isolated settings/data location, the demo images
// from the source tree, and mouse gestures in scene coordinates on the canvas.
#pragma once

#include "ui/case_canvas.h"
#include "ui/main_window.h"
#include "ui/startup_options.h"

#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

namespace migician::test {

inline QString demoSourceFolder()
{
    return QStringLiteral(MIGICIAN_SOURCE_DIR "/resources/demo/kitchen");
}

// Keeps QSettings and AppDataLocation of a test inside a temporary folder.
inline void isolateSettings(const QTemporaryDir &dir)
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                       dir.filePath(QStringLiteral("settings")));
    QSettings settings;
    settings.clear();
    settings.setValue(QStringLiteral("user/author"), QStringLiteral("tester"));
}

// Where screenshots go: $MIGICIAN_SCREENSHOT_DIR when set, else the test's own folder.
inline QString screenshotPath(const QTemporaryDir &dir, const QString &name)
{
    const QString folder = qEnvironmentVariable("MIGICIAN_SCREENSHOT_DIR");
    return (folder.isEmpty() ? dir.path() : folder) + QLatin1Char('/') + name;
}

// A shown main window of `projectPath` (none when empty), with `modelDir` as the checkpoint for
// this session when given; nullptr when it cannot be shown.
inline std::unique_ptr<ui::MainWindow> shownWindow(const QString &projectPath,
                                                   const QString &modelDir = {})
{
    ui::StartupOptions options;
    options.openDemo = false;
    options.projectPath = projectPath;
    options.modelDir = modelDir;
    auto window = std::make_unique<ui::MainWindow>(options);
    window->resize(1280, 800);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    return window;
}

inline QPoint viewportPoint(ui::CaseCanvas *canvas, const QPointF &scenePos)
{
    return canvas->mapFromScene(scenePos);
}

// Left-button drag on the canvas viewport between two scene positions, in a few steps.
// `beforeRelease` runs with the button still down (e.g. to take a screenshot of the gesture).
inline void dragOnCanvas(ui::CaseCanvas *canvas, const QPointF &from, const QPointF &to,
                         const std::function<void()> &beforeRelease = {})
{
    QWidget *viewport = canvas->viewport();
    const QPoint a = viewportPoint(canvas, from);
    const QPoint b = viewportPoint(canvas, to);
    QTest::mousePress(viewport, Qt::LeftButton, {}, a);
    for (int i = 1; i <= 4; ++i)
        QTest::mouseMove(viewport, a + (b - a) * i / 4);
    if (beforeRelease)
        beforeRelease();
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, b);
}

} // namespace migician::test
