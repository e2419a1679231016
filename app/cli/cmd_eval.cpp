// `migician eval --bench JSON --images-root DIR (--model DIR | --assistant opencv) [--tasks a,b]
// [--limit N] [--seed S] [--project FILE] --out results.json`: runs a backend over MIG-Bench cases
// and writes the predictions with their scores (exactly `migician score --json` of them).
// Progress is persisted per case (in the project, or in OUT.partial), so a killed run restarts
// where it stopped without redoing finished cases.
#include "cli_command.h"
#include "image_inputs.h"

#include "annotate/evaluation_log.h"
#include "model/allocator_tuning.h"
#include "ui/evaluation_runner.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

#include <cstdio>

namespace migician::cli {

using namespace migician::annotate;

int runEval(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
            "Runs the Migician model or the built-in OpenCV assistant over MIG-Bench cases and "
            "writes {\"predictions\": [...], \"scores\": ...}; the scores are what 'migician "
            "score --json' prints for those predictions. Resumable: rerun the same command after "
            "an interruption."));
    parser.addHelpOption();
    const QCommandLineOption bench(QStringLiteral("bench"), QStringLiteral("MIG-Bench JSON file."),
                                   QStringLiteral("JSON"));
    const QCommandLineOption imagesRoot(
            QStringLiteral("images-root"),
            QStringLiteral("Folder the bench image paths are relative to."), QStringLiteral("DIR"));
    const QCommandLineOption modelDir(QStringLiteral("model"),
                                      QStringLiteral("Migician checkpoint folder."),
                                      QStringLiteral("DIR"));
    const QCommandLineOption device(QStringLiteral("device"),
                                    QStringLiteral("cpu or cuda (with --model)."),
                                    QStringLiteral("D"), QStringLiteral("cpu"));
    const QCommandLineOption assistant(
            QStringLiteral("assistant"),
            QStringLiteral("Built-in assistant instead of a model: opencv."),
            QStringLiteral("NAME"));
    const QCommandLineOption tasks(QStringLiteral("tasks"),
                                   QStringLiteral("Comma-separated tasks (default: all)."),
                                   QStringLiteral("a,b"));
    const QCommandLineOption limit(QStringLiteral("limit"),
                                   QStringLiteral("At most N cases (the first N, or a seeded "
                                                  "sample with --seed)."),
                                   QStringLiteral("N"));
    const QCommandLineOption seed(QStringLiteral("seed"),
                                  QStringLiteral("Seed of the sample drawn with --limit."),
                                  QStringLiteral("S"));
    const QCommandLineOption project(QStringLiteral("project"),
                                     QStringLiteral("Project file that keeps the run and its "
                                                    "predictions (created when missing)."),
                                     QStringLiteral("FILE"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("Results JSON file."),
                                 QStringLiteral("results.json"));
    const QCommandLineOption quiet(QStringLiteral("quiet"),
                                   QStringLiteral("No per-case progress lines."));
    parser.addOptions({bench, imagesRoot, modelDir, device, assistant, tasks, limit, seed, project,
                       out, quiet});
    parser.process(arguments);
    const QString command = arguments.first();

    if (!parser.isSet(bench) || !parser.isSet(imagesRoot) || !parser.isSet(out))
        return fail(command, QStringLiteral("--bench JSON, --images-root DIR and --out FILE are "
                                            "required"));
    if (parser.isSet(modelDir) == parser.isSet(assistant))
        return fail(command,
                    QStringLiteral("give exactly one of --model DIR and --assistant opencv"));
    if (parser.isSet(assistant) && parser.value(assistant) != QLatin1String("opencv"))
        return fail(command, QStringLiteral("--assistant: unknown assistant '%1' (known: opencv)")
                                     .arg(parser.value(assistant)));
    if (!QFileInfo(parser.value(imagesRoot)).isDir())
        return fail(command,
                    QStringLiteral("--images-root %1: not a folder").arg(parser.value(imagesRoot)));
    bool ok = true;
    const int limitValue = parser.isSet(limit) ? parser.value(limit).toInt(&ok) : 0;
    if (!ok || limitValue < 0)
        return fail(command, QStringLiteral("--limit expects a non-negative number, not '%1'")
                                     .arg(parser.value(limit)));
    const quint64 seedValue = parser.isSet(seed) ? parser.value(seed).toULongLong(&ok) : 0;
    if (!ok)
        return fail(command,
                    QStringLiteral("--seed expects a number, not '%1'").arg(parser.value(seed)));

    const QString benchPath = QFileInfo(parser.value(bench)).absoluteFilePath();
    const auto benchFile = readMigBench(benchPath);
    if (!benchFile)
        return fail(command, benchFile.error());
    QStringList taskList;
    if (parser.isSet(tasks))
        taskList = parser.value(tasks).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &task : taskList) {
        const bool known = std::any_of(benchFile->cases.begin(), benchFile->cases.end(),
                                       [&](const BenchCase &c) { return c.task == task; });
        if (!known)
            return fail(
                    command,
                    QStringLiteral("--tasks: %1 has no case of task '%2'").arg(benchPath, task));
    }
    const QList<int> indices = ui::selectCases(benchFile->cases, taskList, limitValue,
                                               parser.isSet(seed), seedValue);

    std::unique_ptr<ui::EvaluationBackend> backend;
    if (parser.isSet(modelDir)) {
        model::keepFreedMemoryForReuse();
        try {
            backend = ui::makeMigicianBackend(parser.value(modelDir), parser.value(device));
        } catch (const std::exception &error) {
            return fail(command, QString::fromUtf8(error.what()));
        }
    } else {
        backend = ui::makeAssistantBackend();
    }

    EvalIdentity identity;
    identity.benchFile = benchPath;
    identity.backend = backend->name();
    identity.model = parser.isSet(modelDir) ? QFileInfo(parser.value(modelDir)).absoluteFilePath()
                                            : QString();
    identity.indices = indices;

    std::unique_ptr<ProjectStore> store;
    std::unique_ptr<EvaluationLog> log;
    const QString outPath = parser.value(out);
    if (parser.isSet(project)) {
        auto opened = ProjectStore::open(parser.value(project));
        if (!opened)
            return fail(command, opened.error());
        store = std::move(opened.value());
        auto projectLog = openProjectLog(*store, parser.value(imagesRoot), identity);
        if (!projectLog)
            return fail(command, projectLog.error());
        log = std::move(projectLog.value());
    } else {
        auto sidecar = openSidecarLog(outPath + QStringLiteral(".partial"), identity);
        if (!sidecar)
            return fail(command, sidecar.error());
        log = std::move(sidecar.value());
    }

    const int resumed = int(std::count_if(indices.begin(), indices.end(),
                                          [&](int i) { return log->finished().contains(i); }));
    std::printf("eval: %d cases, %d already done (%s), %d to run\n", int(indices.size()), resumed,
                qPrintable(log->location()), int(indices.size()) - resumed);
    std::fflush(stdout);

    QElapsedTimer wall;
    wall.start();
    ui::EvaluationRunner runner(benchFile->cases, parser.value(imagesRoot), *backend, *log);
    const bool verbose = !parser.isSet(quiet);
    const Status ran = runner.run(indices, [&](const ui::EvaluationProgress &p) {
        if (!verbose)
            return;
        std::printf("case %d: %d/%d, %.3f s, eta %.1f s\n", p.last.index, p.done, p.total,
                    p.last.seconds, p.etaSeconds);
        std::fflush(stdout);
    });
    if (!ran)
        return fail(command, ran.error());

    const auto results = evaluationResults(benchFile->cases, runner.records(), backend->name(),
                                           backend->migicianRescale());
    if (!results)
        return fail(command, results.error());
    QSaveFile file(outPath);
    const QByteArray bytes = QJsonDocument(*results).toJson(QJsonDocument::Indented);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return fail(command, QStringLiteral("%1: cannot write the results: %2")
                                     .arg(outPath, file.errorString()));
    if (const Status completed = log->complete(wall.elapsed()); !completed)
        return fail(command, completed.error());
    std::printf("eval: wrote %s (%d predictions)\n", qPrintable(outPath),
                int(runner.records().size()));
    return 0;
}

} // namespace migician::cli
