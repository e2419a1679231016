#include "workbench_options.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRegularExpression>

namespace migician::app {

bool WorkbenchOptions::parse(const QStringList &arguments, QString *error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
            QCoreApplication::translate("main", "Free-form multi-image visual grounding."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshot(
            QStringLiteral("screenshot"),
            QCoreApplication::translate("main", "Render the main window to FILE.png and exit."),
            QStringLiteral("FILE"));
    const QCommandLineOption sizeOption(
            QStringLiteral("size"),
            QCoreApplication::translate("main", "Window size, e.g. 1280x800."),
            QStringLiteral("WxH"));
    const QCommandLineOption lang(
            QStringLiteral("lang"),
            QCoreApplication::translate("main", "User interface language (en, zh_CN, ko)."),
            QStringLiteral("LANG"));
    const QCommandLineOption demo(
            QStringLiteral("demo"),
            QCoreApplication::translate("main", "Open the bundled demo case."));
    const QCommandLineOption project(
            QStringLiteral("project"),
            QCoreApplication::translate("main", "Open or create this project file."),
            QStringLiteral("FILE"));
    const QCommandLineOption model(
            QStringLiteral("model"),
            QCoreApplication::translate("main",
                                        "Migician checkpoint folder (also MIGICIAN_MODEL_DIR)."),
            QStringLiteral("DIR"));
    parser.addOptions({screenshot, sizeOption, lang, demo, project, model});
    parser.process(arguments);

    screenshotPath = parser.value(screenshot);
    language = parser.value(lang);
    if (parser.isSet(sizeOption)) {
        static const QRegularExpression pattern(QStringLiteral("^(\\d{2,5})x(\\d{2,5})$"));
        const auto match = pattern.match(parser.value(sizeOption));
        if (!match.hasMatch()) {
            *error = QStringLiteral("--size expects WxH, e.g. 1280x800, not '%1'")
                             .arg(parser.value(sizeOption));
            return false;
        }
        size = QSize(match.captured(1).toInt(), match.captured(2).toInt());
    }
    startup.openDemo = parser.isSet(demo) || !parser.isSet(project);
    startup.projectPath = parser.value(project);
    startup.modelDir = parser.isSet(model) ? parser.value(model)
                                           : qEnvironmentVariable("MIGICIAN_MODEL_DIR");
    return true;
}

} // namespace migician::app
