// `migician score --bench JSON --predictions JSON [--migician-rescale] [--json]`: the official
// MIG-Bench numbers, the raw ones (no rescaling) and the image-aware ones.
#include "cli_command.h"

#include "annotate/migbench_scorer.h"

#include <QCommandLineParser>
#include <QJsonDocument>

#include <cstdio>

namespace migician::cli {

using namespace migician::annotate;

namespace {

void printSet(const char *title, const ScoreSet &set)
{
    std::printf("%s\n  %-16s %6s %8s %8s %8s %8s\n", title, "task", "n", "acc@0.3", "acc@0.5",
                "acc@0.7", "mIoU");
    auto row = [](const QString &name, const Metrics &m) {
        std::printf("  %-16s %6d %8.4f %8.4f %8.4f %8.4f\n", qPrintable(name), m.n, m.acc30,
                    m.acc50, m.acc70, m.miou);
    };
    for (auto it = set.perTask.begin(); it != set.perTask.end(); ++it)
        row(it.key(), *it);
    row(QStringLiteral("macro"), set.macro);
    row(QStringLiteral("micro"), set.micro);
}

} // namespace

int runScore(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
            "Scores predictions on MIG-Bench like the official scorer, plus the raw (no "
            "rescaling) and image-aware (a box in the wrong image is a miss) scores.\n"
            "Predictions: a JSON list of {\"index\": i, \"answer\": text} or {\"index\": i, "
            "\"box\": [x1,y1,x2,y2], \"image\": k} (box normalised, image optional)."));
    parser.addHelpOption();
    const QCommandLineOption bench(QStringLiteral("bench"), QStringLiteral("MIG-Bench JSON file."),
                                   QStringLiteral("JSON"));
    const QCommandLineOption predictions(QStringLiteral("predictions"),
                                         QStringLiteral("Predictions JSON file."),
                                         QStringLiteral("JSON"));
    const QCommandLineOption rescale(
            QStringLiteral("migician-rescale"),
            QStringLiteral("Apply the official Migician-only y-rescaling to the official score."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOptions({bench, predictions, rescale, json});
    parser.process(arguments);
    if (!parser.isSet(bench) || !parser.isSet(predictions)) {
        std::fprintf(stderr, "migician score: --bench JSON and --predictions JSON are required\n");
        return 2;
    }
    const auto benchFile = readMigBench(parser.value(bench));
    if (!benchFile) {
        std::fprintf(stderr, "migician score: %s\n", qPrintable(benchFile.error()));
        return 1;
    }
    const auto predicted = readPredictions(parser.value(predictions), int(benchFile->cases.size()));
    if (!predicted) {
        std::fprintf(stderr, "migician score: %s\n", qPrintable(predicted.error()));
        return 1;
    }
    const auto report = scoreMigBench(benchFile->cases, *predicted, parser.isSet(rescale));
    if (!report) {
        std::fprintf(stderr, "migician score: %s\n", qPrintable(report.error()));
        return 1;
    }
    if (parser.isSet(json)) {
        std::printf("%s\n",
                    QJsonDocument(toJson(*report)).toJson(QJsonDocument::Compact).constData());
        return 0;
    }
    printSet(parser.isSet(rescale) ? "official (Migician rescaling)" : "official",
             report->official);
    printSet("raw (no rescaling)", report->raw);
    printSet("image-aware (wrong image = miss)", report->imageAware);
    return 0;
}

} // namespace migician::cli
