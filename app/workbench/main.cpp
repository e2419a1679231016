// migician-workbench: the desktop application.
#include "model/blas_tuning.h"
#include "ui/app_settings.h"
#include "ui/main_window.h"
#include "workbench_options.h"

#include <QApplication>
#include <QDir>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QTimer>
#include <QTranslator>

#include <cstdio>
#include <cstring>

Q_LOGGING_CATEGORY(lcWorkbench, "migician.workbench")

namespace {

// A screenshot run needs no display: choose the offscreen platform before QApplication exists,
// unless the caller chose a platform explicitly.
void preferOffscreenForScreenshots(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--screenshot") == 0
            && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
    }
}

void installTranslators(QApplication &app, const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale);
    auto *own = new QTranslator(&app);
    if (own->load(locale, QStringLiteral("migician"), QStringLiteral("_"),
                  QStringLiteral(":/i18n"))) {
        QApplication::installTranslator(own);
        qCInfo(lcWorkbench) << "user interface language:" << locale.name();
    } else
        qCInfo(lcWorkbench) << "no translation for" << locale.name();
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
}

} // namespace

int main(int argc, char **argv)
{
    migician::model::useFastBlasKernels(argv); // may restart the process once
    preferOffscreenForScreenshots(argc, argv);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Migician Workbench"));
    QApplication::setApplicationVersion(QStringLiteral(MIGICIAN_VERSION));
    QApplication::setOrganizationName(QStringLiteral("Migician"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/migician.png")));

    migician::app::WorkbenchOptions options;
    QString error;
    if (!options.parse(QApplication::arguments(), &error)) {
        std::fprintf(stderr, "migician-workbench: %s\n", qPrintable(error));
        return 2;
    }
    // --lang wins over the language chosen in Settings, which wins over the system locale.
    installTranslators(app, options.language.isEmpty() ? migician::ui::AppSettings::load().language
                                                       : options.language);

    migician::ui::MainWindow window(options.startup);
    window.resize(options.size);
    if (!options.screenshotPath.isEmpty()) {
        window.show();
        return window.saveScreenshot(options.screenshotPath, &error) ? 0 : 1;
    }
    window.show();
    return QApplication::exec();
}
