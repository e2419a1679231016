// `migician`: the command line of Migician Workbench. Subcommands are listed in cli_commands.cpp.
#include "cli_command.h"
#include "model/blas_tuning.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

using migician::cli::commands;

int main(int argc, char **argv)
{
    migician::model::useFastBlasKernels(argv); // may restart the process once
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("migician"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MIGICIAN_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("Migician"));

    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() > 1) {
        for (const auto &command : commands()) {
            if (arguments.at(1) == QLatin1String(command.name)) {
                QStringList rest = arguments.mid(2);
                rest.prepend(QStringLiteral("migician ") + QLatin1String(command.name));
                return command.run(rest);
            }
        }
    }

    QString description = QStringLiteral("Migician Workbench command line.\n\nCommands:\n");
    for (const auto &command : commands())
        description += QStringLiteral("  %1  %2\n")
                               .arg(QLatin1String(command.name), -14)
                               .arg(QLatin1String(command.summary));
    description += QStringLiteral("\nRun 'migician COMMAND --help' for a command's options.");

    QCommandLineParser parser;
    parser.setApplicationDescription(description);
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("The command to run."));
    parser.process(app);
    if (!parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "migician: unknown command '%s'; see 'migician --help'\n",
                     qPrintable(parser.positionalArguments().first()));
        return 2;
    }
    parser.showHelp(0);
}
