// `migician project create FILE`, `migician project import-migbench FILE --bench JSON
// --images-root DIR`, `migician project export FILE --format F --out PATH`, `migician project
// add-case FILE --image A --image B` and `migician project cases FILE [--json]`.
#include "cli_command.h"
#include "cmd_project_cases.h"

#include "annotate/annotation_export.h"
#include "annotate/migbench_import.h"
#include "annotate/project_store.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QImageReader>

#include <cstdio>

namespace migician::cli {

namespace {

using namespace migician::annotate;

int fail(const QString &message, int code = 1)
{
    return projectFailure(message, code);
}

int create(const QStringList &positional)
{
    if (positional.size() != 2)
        return fail(QStringLiteral("usage: migician project create FILE"), 2);
    const auto store = ProjectStore::open(positional.at(1), ProjectStore::OpenMode::CreateNew);
    if (!store)
        return fail(store.error());
    std::printf("created %s (schema version %d)\n", qPrintable(store.value()->fileName()),
                ProjectStore::kSchemaVersion);
    return 0;
}

// annotate/ (Qt Core only) cannot read image headers, but COCO and ODVG exports need pixel
// sizes: the command records the size of every image file it finds that has none yet.
Result<int> recordImageSizes(ProjectStore &store)
{
    const Result<QString> root = store.imagesRoot();
    if (!root)
        return root.status();
    const Result<QList<ImageInfo>> images = store.listImages();
    if (!images)
        return images.status();
    int recorded = 0;
    const Status status = store.transaction([&]() -> Status {
        for (const ImageInfo &image : *images) {
            if (image.width && image.height)
                continue;
            const QSize size = QImageReader(QDir(*root).filePath(image.relativePath)).size();
            if (size.width() <= 0 || size.height() <= 0)
                continue;
            if (Status s = store.setImageSize(image.id, size.width(), size.height()); !s)
                return s;
            ++recorded;
        }
        return {};
    });
    if (!status)
        return status;
    return recorded;
}

int importMigBenchCommand(const QStringList &positional, const QString &bench, const QString &root)
{
    if (positional.size() != 2 || bench.isEmpty() || root.isEmpty())
        return fail(QStringLiteral("usage: migician project import-migbench FILE --bench JSON "
                                   "--images-root DIR"),
                    2);
    QElapsedTimer timer;
    timer.start();
    auto store = ProjectStore::open(positional.at(1), ProjectStore::OpenMode::OpenOrCreate);
    if (!store)
        return fail(store.error());
    const auto report = importMigBench(*store.value(), bench, root);
    if (!report)
        return fail(report.error());
    const auto sized = recordImageSizes(*store.value());
    if (!sized)
        return fail(sized.error());
    std::printf("imported %d new cases (%d already present) in %lld ms\n", report->added,
                report->alreadyPresent, static_cast<long long>(timer.elapsed()));
    for (auto it = report->perTask.begin(); it != report->perTask.end(); ++it)
        std::printf("  %-16s %d\n", qPrintable(it.key()), it.value());
    std::printf("missing image files: %lld\n",
                static_cast<long long>(report->missingImages.size()));
    for (const QString &path : report->missingImages.mid(0, 10))
        std::printf("  %s\n", qPrintable(path));
    if (report->missingImages.size() > 10)
        std::printf("  ...\n");
    std::printf("image sizes read: %d\n", *sized);
    for (const QString &warning : report->warnings)
        std::printf("warning: %s\n", qPrintable(warning));
    return 0;
}

int exportCommand(const QStringList &positional, const QString &formatName, const QString &out)
{
    if (positional.size() != 2 || formatName.isEmpty() || out.isEmpty())
        return fail(QStringLiteral("usage: migician project export FILE --format "
                                   "migbench|coco|csv|odvg|llamafactory --out PATH"),
                    2);
    const auto format = exportFormatFromString(formatName);
    if (!format)
        return fail(QStringLiteral("unknown export format '%1' (migbench, coco, csv, odvg, "
                                   "llamafactory)")
                            .arg(formatName),
                    2);
    QElapsedTimer timer;
    timer.start();
    const auto store = ProjectStore::open(positional.at(1), ProjectStore::OpenMode::OpenExisting);
    if (!store)
        return fail(store.error());
    const auto report = exportAnnotations(*store.value(), *format, out);
    if (!report)
        return fail(report.error());
    std::printf("exported %d cases (%d corrected/annotated, %d ground truth) to %s in %lld ms\n",
                report->exported, report->fromAnnotations, report->fromGroundTruth, qPrintable(out),
                static_cast<long long>(timer.elapsed()));
    if (report->skippedNoBox > 0)
        std::printf("left out %d cases without a box\n", report->skippedNoBox);
    if (report->skippedNoSize > 0)
        std::printf("left out %d cases whose image size is unknown (needed for pixels)\n",
                    report->skippedNoSize);
    return 0;
}

} // namespace

int projectFailure(const QString &message, int code)
{
    std::fprintf(stderr, "migician project: %s\n", qPrintable(message));
    return code;
}

int runProject(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
            "Project files (.migician, SQLite).\n"
            "  create FILE\n"
            "  import-migbench FILE --bench JSON --images-root DIR\n"
            "  export FILE --format migbench|coco|csv|odvg|llamafactory --out PATH\n"
            "  add-case FILE --image A [--image B ...] [--question TEXT] [--task T]\n"
            "           [--images-root DIR]   adds one composed case, prints its id\n"
            "  cases FILE [--json]            lists the cases with their images in order"));
    parser.addHelpOption();
    const QCommandLineOption bench(QStringLiteral("bench"), QStringLiteral("MIG-Bench JSON file."),
                                   QStringLiteral("JSON"));
    const QCommandLineOption root(
            QStringLiteral("images-root"),
            QStringLiteral("Folder the image paths are relative to (add-case: sets the project's "
                           "images root on first use)."),
            QStringLiteral("DIR"));
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("Export format."),
                                    QStringLiteral("FORMAT"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("Output file."),
                                 QStringLiteral("PATH"));
    const QCommandLineOption image(QStringLiteral("image"),
                                   QStringLiteral("add-case: an image file, in prompt order "
                                                  "(repeat the option)."),
                                   QStringLiteral("FILE"));
    const QCommandLineOption question(QStringLiteral("question"),
                                      QStringLiteral("add-case: the case's question."),
                                      QStringLiteral("TEXT"));
    const QCommandLineOption task(QStringLiteral("task"),
                                  QStringLiteral("add-case: the case's task (default: user)."),
                                  QStringLiteral("TASK"));
    const QCommandLineOption author(QStringLiteral("author"),
                                    QStringLiteral("add-case: who composed it (default: cli)."),
                                    QStringLiteral("NAME"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("cases: JSON output."));
    parser.addOptions({bench, root, format, out, image, question, task, author, json});
    parser.addPositionalArgument(QStringLiteral("action"),
                                 QStringLiteral("create | import-migbench | export | add-case | "
                                                "cases"));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The project file."));
    parser.process(arguments);
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    if (action == QLatin1String("create"))
        return create(positional);
    if (action == QLatin1String("import-migbench"))
        return importMigBenchCommand(positional, parser.value(bench), parser.value(root));
    if (action == QLatin1String("export"))
        return exportCommand(positional, parser.value(format), parser.value(out));
    if (action == QLatin1String("add-case"))
        return addCaseCommand(positional, AddCaseOptions{parser.values(image),
                                                         parser.value(question), parser.value(task),
                                                         parser.value(root), parser.value(author)});
    if (action == QLatin1String("cases"))
        return casesCommand(positional, parser.isSet(json));
    return fail(QStringLiteral("unknown action '%1'; see 'migician project --help'").arg(action),
                2);
}

} // namespace migician::cli
