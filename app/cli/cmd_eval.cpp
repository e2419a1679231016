// `migician eval --bench JSON --images-root DIR (--model DIR | --assistant opencv | --endpoint URL
// [--endpoint URL ...] [--concurrency N]) [--tasks a,b] [--limit N] [--seed S] [--project FILE]
// --out results.json`: runs a backend over MIG-Bench cases
// under the official protocol of eval/MIG_bench_eval.py (deviations only by explicit flags, all
// recorded in results.json) and writes the predictions with their scores (exactly `migician score
// --json` of the results file). Progress is persisted per case (in the project, or in
// OUT.partial), so a killed run restarts where it stopped without redoing finished cases; failed
// cases are retried by the next run. With several endpoints the cases are spread over them, N in
// flight on each, and a case an endpoint failed on (down, timed out, overloaded) goes to another.
#include "cli_command.h"
#include "endpoint_flags.h"
#include "image_inputs.h"

#include "annotate/evaluation_log.h"
#include "annotate/evaluation_protocol.h"
#include "model/allocator_tuning.h"
#include "model/shared_engine.h"
#include "ui/evaluation_runner.h"
#include "ui/remote_backend.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

#include <algorithm>
#include <cstdio>
#include <limits>

namespace migician::cli {

using namespace migician::annotate;

namespace {

// Exit status of a run that finished but left failed cases (results written, progress kept).
constexpr int kFailedCases = 3;

struct EvalFlags
{
    QCommandLineOption bench{QStringLiteral("bench"), QStringLiteral("MIG-Bench JSON file."),
                             QStringLiteral("JSON")};
    QCommandLineOption imagesRoot{QStringLiteral("images-root"),
                                  QStringLiteral("Folder the bench image paths are relative to."),
                                  QStringLiteral("DIR")};
    QCommandLineOption modelDir{QStringLiteral("model"),
                                QStringLiteral("Migician checkpoint folder."),
                                QStringLiteral("DIR")};
    QCommandLineOption device{QStringLiteral("device"),
                              QStringLiteral("cpu or cuda (with --model)."), QStringLiteral("D"),
                              QStringLiteral("cpu")};
    QCommandLineOption dtype{QStringLiteral("dtype"),
                             QStringLiteral("auto (the checkpoint's own dtype: bfloat16 for "
                                            "Migician), float32, bfloat16 or float16 (with "
                                            "--model)."),
                             QStringLiteral("T"), QStringLiteral("auto")};
    QCommandLineOption assistant{QStringLiteral("assistant"),
                                 QStringLiteral("Built-in assistant instead of a model: opencv."),
                                 QStringLiteral("NAME")};
    QCommandLineOption concurrency{QStringLiteral("concurrency"),
                                   QStringLiteral("Requests in flight per --endpoint (default 4)."),
                                   QStringLiteral("N"), QStringLiteral("4")};
    QCommandLineOption tasks{QStringLiteral("tasks"),
                             QStringLiteral("Comma-separated tasks (default: all)."),
                             QStringLiteral("a,b")};
    QCommandLineOption limit{QStringLiteral("limit"),
                             QStringLiteral("At most N cases (the first N, or a seeded sample "
                                            "with --seed)."),
                             QStringLiteral("N")};
    QCommandLineOption seed{QStringLiteral("seed"),
                            QStringLiteral("Seed of the sample drawn with --limit."),
                            QStringLiteral("S")};
    QCommandLineOption project{QStringLiteral("project"),
                               QStringLiteral("Project file that keeps the run and its "
                                              "predictions (created when missing)."),
                               QStringLiteral("FILE")};
    QCommandLineOption out{QStringLiteral("out"), QStringLiteral("Results JSON file."),
                           QStringLiteral("results.json")};
    QCommandLineOption quiet{QStringLiteral("quiet"),
                             QStringLiteral("No per-case progress lines.")};
    // Deviations from the official protocol: each is recorded in results.json.
    QCommandLineOption greedy{QStringLiteral("greedy"),
                              QStringLiteral("Deviation: plain argmax without the checkpoint's "
                                             "repetition penalty.")};
    QCommandLineOption noSuffix{QStringLiteral("no-format-suffix"),
                                QStringLiteral("Deviation: the bare question, without the "
                                               "official format suffix.")};
    QCommandLineOption maxNewTokens{QStringLiteral("max-new-tokens"),
                                    QStringLiteral("Deviation: at most N new tokens (official: "
                                                   "128)."),
                                    QStringLiteral("N")};
    QCommandLineOption minPixels{QStringLiteral("min-pixels"),
                                 QStringLiteral("Deviation: smallest image area in pixels "
                                                "(official: 3136)."),
                                 QStringLiteral("N")};
    QCommandLineOption maxPixels{QStringLiteral("max-pixels"),
                                 QStringLiteral("Deviation: largest image area in pixels "
                                                "(official: 12845056)."),
                                 QStringLiteral("N")};

    void add(QCommandLineParser &parser)
    {
        parser.addOptions({bench, imagesRoot, modelDir, device, dtype, assistant, concurrency,
                           tasks, limit, seed, project, out, quiet, greedy, noSuffix, maxNewTokens,
                           minPixels, maxPixels});
    }

    // The protocol the flags ask for: the official one unless a deviation flag is given.
    bool protocol(const QCommandLineParser &parser, EvaluationProtocol *protocol,
                  QString *error) const
    {
        protocol->formatSuffix = !parser.isSet(noSuffix);
        if (parser.isSet(greedy))
            protocol->sampling = EvaluationProtocol::Sampling::Greedy;
        protocol->dtype = parser.value(dtype);
        protocol->device = parser.value(device);
        const auto positive = [&](const QCommandLineOption &option, auto *value) {
            if (!parser.isSet(option))
                return true;
            bool ok = false;
            const qlonglong number = parser.value(option).toLongLong(&ok);
            if (!ok || number <= 0 || number > std::numeric_limits<int>::max()) {
                *error = QStringLiteral("--%1 expects a positive number, not '%2'")
                                 .arg(option.names().first(), parser.value(option));
                return false;
            }
            *value = number;
            return true;
        };
        if (!positive(maxNewTokens, &protocol->maxNewTokens)
            || !positive(minPixels, &protocol->minPixels)
            || !positive(maxPixels, &protocol->maxPixels))
            return false;
        if (protocol->minPixels > protocol->maxPixels) {
            *error = QStringLiteral("--min-pixels must not exceed --max-pixels");
            return false;
        }
        return true;
    }
};

std::unique_ptr<EvaluationLog> openLog(const EvalFlags &flags, const QCommandLineParser &parser,
                                       const EvalIdentity &identity,
                                       std::unique_ptr<ProjectStore> *store, QString *error)
{
    if (parser.isSet(flags.project)) {
        auto opened = ProjectStore::open(parser.value(flags.project));
        if (!opened) {
            *error = opened.error();
            return nullptr;
        }
        *store = std::move(opened.value());
        auto projectLog = openProjectLog(**store, parser.value(flags.imagesRoot), identity);
        if (!projectLog) {
            *error = projectLog.error();
            return nullptr;
        }
        return std::move(projectLog.value());
    }
    auto sidecar = openSidecarLog(parser.value(flags.out) + QStringLiteral(".partial"), identity);
    if (!sidecar) {
        *error = sidecar.error();
        return nullptr;
    }
    return std::move(sidecar.value());
}

Status writeResults(const QString &path, const QJsonObject &results)
{
    QSaveFile file(path);
    const QByteArray bytes = QJsonDocument(results).toJson(QJsonDocument::Indented);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return Status::failure(
                QStringLiteral("%1: cannot write the results: %2").arg(path, file.errorString()));
    return {};
}

} // namespace

int runEval(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
            "Runs the Migician model (here or on OpenAI-compatible servers: --endpoint, "
            "repeatable) "
            "or the built-in OpenCV assistant over MIG-Bench cases and "
            "writes {\"protocol\": ..., \"predictions\": [...], \"failed\": [...], \"scores\": "
            "...}; the scores are what 'migician score --json' prints for that file. By default "
            "every case is run as the official eval/MIG_bench_eval.py does: the format suffix on "
            "every question, the checkpoint's generation_config.json sampling, 128 new tokens, "
            "images at the qwen-vl-utils limits, the answer decoded without special tokens. "
            "Resumable: rerun the same command after an interruption; failed cases (out of "
            "memory, a decode error, a missing image) are not scored and are retried by the "
            "next run.\nExit status: 0 every case answered, 1 error, 3 finished with failed "
            "cases (results written)."));
    parser.addHelpOption();
    EvalFlags flags;
    flags.add(parser);
    EndpointFlags endpoint;
    endpoint.add(parser);
    parser.process(arguments);
    const QString command = arguments.first();

    if (!parser.isSet(flags.bench) || !parser.isSet(flags.imagesRoot) || !parser.isSet(flags.out))
        return fail(command, QStringLiteral("--bench JSON, --images-root DIR and --out FILE are "
                                            "required"));
    const bool remote = parser.isSet(endpoint.endpoint);
    // With --endpoint, --model only names the checkpoint whose generation_config.json to send.
    if (remote ? parser.isSet(flags.assistant)
               : parser.isSet(flags.modelDir) == parser.isSet(flags.assistant))
        return fail(command, QStringLiteral("give exactly one of --model DIR, --assistant opencv "
                                            "and --endpoint URL"));
    bool concurrencyOk = false;
    const int concurrencyValue = parser.value(flags.concurrency).toInt(&concurrencyOk);
    if (!concurrencyOk || concurrencyValue < 1 || concurrencyValue > 1024)
        return fail(command, QStringLiteral("--concurrency expects a number from 1 to 1024, not "
                                            "'%1'")
                                     .arg(parser.value(flags.concurrency)));
    if (parser.isSet(flags.assistant) && parser.value(flags.assistant) != QLatin1String("opencv"))
        return fail(command, QStringLiteral("--assistant: unknown assistant '%1' (known: opencv)")
                                     .arg(parser.value(flags.assistant)));
    if (!QFileInfo(parser.value(flags.imagesRoot)).isDir())
        return fail(command, QStringLiteral("--images-root %1: not a folder")
                                     .arg(parser.value(flags.imagesRoot)));
    bool ok = true;
    const int limitValue = parser.isSet(flags.limit) ? parser.value(flags.limit).toInt(&ok) : 0;
    if (!ok || limitValue < 0)
        return fail(command, QStringLiteral("--limit expects a non-negative number, not '%1'")
                                     .arg(parser.value(flags.limit)));
    const quint64 seedValue
            = parser.isSet(flags.seed) ? parser.value(flags.seed).toULongLong(&ok) : 0;
    if (!ok)
        return fail(
                command,
                QStringLiteral("--seed expects a number, not '%1'").arg(parser.value(flags.seed)));
    EvaluationProtocol protocol;
    QString error;
    if (!flags.protocol(parser, &protocol, &error))
        return fail(command, error);

    const QString benchPath = QFileInfo(parser.value(flags.bench)).absoluteFilePath();
    const auto benchFile = readMigBench(benchPath);
    if (!benchFile)
        return fail(command, benchFile.error());
    QStringList taskList;
    if (parser.isSet(flags.tasks))
        taskList = parser.value(flags.tasks).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &task : taskList) {
        const bool known = std::any_of(benchFile->cases.begin(), benchFile->cases.end(),
                                       [&](const BenchCase &c) { return c.task == task; });
        if (!known)
            return fail(
                    command,
                    QStringLiteral("--tasks: %1 has no case of task '%2'").arg(benchPath, task));
    }
    const QList<int> indices = ui::selectCases(benchFile->cases, taskList, limitValue,
                                               parser.isSet(flags.seed), seedValue);

    // One backend, or one per endpoint.
    std::vector<std::unique_ptr<ui::GroundingBackend>> backends;
    if (remote) {
        try {
            QList<ui::EndpointSettings> endpoints;
            if (!endpoint.readAll(parser, &endpoints, &error))
                return fail(command, error);
            QStringList warnings;
            const bool ready = ui::prepareEndpoints(
                    endpoints, ui::remoteGenerationConfig(parser.value(flags.modelDir)),
                    concurrencyValue, &protocol, &backends, &warnings, &error);
            for (const QString &warning : warnings)
                std::fprintf(stderr, "%s: warning: endpoint left out: %s\n", qPrintable(command),
                             qPrintable(warning));
            if (!ready)
                return fail(command, error);
        } catch (const std::exception &failure) {
            return fail(command, QString::fromUtf8(failure.what()));
        }
    } else {
        if (parser.isSet(flags.modelDir)) {
            model::keepFreedMemoryForReuse();
            try {
                backends.push_back(ui::makeMigicianBackend(std::make_shared<model::SharedEngine>(),
                                                           parser.value(flags.modelDir),
                                                           protocol.device, protocol.dtype));
            } catch (const std::exception &failure) {
                return fail(command, QString::fromUtf8(failure.what()));
            }
        } else {
            backends.push_back(ui::makeAssistantBackend());
        }
        if (!backends.front()->prepare(&protocol, &error, {}))
            return fail(command, error);
    }
    EvalIdentity identity;
    identity.benchFile = benchPath;
    identity.backend = backends.front()->name();
    // A remote run is the served model's, whichever endpoints serve it: a run resumed with other
    // servers continues.
    identity.model = remote ? protocol.backend.value(QStringLiteral("served_model")).toString()
                     : parser.isSet(flags.modelDir)
                             ? QFileInfo(parser.value(flags.modelDir)).absoluteFilePath()
                             : QString();
    identity.indices = indices;
    identity.protocol = protocol.identity();
    std::unique_ptr<ProjectStore> store;
    const std::unique_ptr<EvaluationLog> log = openLog(flags, parser, identity, &store, &error);
    if (!log)
        return fail(command, error);
    for (const QString &warning : log->warnings())
        std::fprintf(stderr, "%s: warning: %s\n", qPrintable(command), qPrintable(warning));

    const int resumed = int(std::count_if(indices.begin(), indices.end(),
                                          [&](int i) { return log->finished().contains(i); }));
    std::printf("eval: %d cases, %d already done (%s), %d to run; %s protocol%s\n",
                int(indices.size()), resumed, qPrintable(log->location()),
                int(indices.size()) - resumed, protocol.isOfficial() ? "official" : "deviating",
                protocol.isOfficial() ? ""
                                      : qPrintable(QStringLiteral(" (%1)").arg(
                                              protocol.deviations().join(QStringLiteral(", ")))));
    std::fflush(stdout);

    QElapsedTimer wall;
    wall.start();
    ui::EvaluationRunner runner(benchFile->cases, parser.value(flags.imagesRoot), backends,
                                remote ? concurrencyValue : 1, *log);
    const bool verbose = !parser.isSet(flags.quiet);
    const Status ran = runner.run(indices, [&](const ui::EvaluationProgress &p) {
        if (p.last.failed())
            std::fprintf(stderr, "case %d failed: %s\n", p.last.index, qPrintable(p.last.failure));
        if (!verbose)
            return;
        std::printf("case %d: %d/%d, %.3f s, eta %.1f s%s\n", p.last.index, p.done, p.total,
                    p.last.seconds, p.etaSeconds, p.last.failed() ? " (failed)" : "");
        std::fflush(stdout);
    });
    if (!ran)
        return fail(command, ran.error());

    const QList<EvalRecord> records = runner.records();
    const auto results = evaluationResults(benchFile->cases, records, protocol);
    if (!results)
        return fail(command, results.error());
    const QString outPath = parser.value(flags.out);
    if (const Status written = writeResults(outPath, *results); !written)
        return fail(command, written.error());
    const int failed = int(log->failures().size());
    std::printf("eval: wrote %s (%d predictions, %d failed)\n", qPrintable(outPath),
                int(log->finished().size()), failed);
    if (failed > 0) {
        std::fprintf(stderr,
                     "%s: %d %s failed (see \"failed\" in %s); they are not scored; rerun the "
                     "same command to retry %s\n",
                     qPrintable(command), failed, failed == 1 ? "case" : "cases",
                     qPrintable(outPath), failed == 1 ? "it" : "them");
        return kFailedCases;
    }
    if (const Status completed = log->complete(wall.elapsed()); !completed)
        return fail(command, completed.error());
    return 0;
}

} // namespace migician::cli
