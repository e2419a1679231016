// `migician eval --model <tiny fixture>` follows the official MIG-Bench protocol
// (eval/MIG_bench_eval.py): the format suffix on EVERY question (need_format is not read), the
// checkpoint's generation_config.json sampling, 128 new tokens, the protocol recorded in
// results.json; `--greedy` is an explicit, recorded deviation. Backend failures are failed cases
// (not predictions, not scored, counted per task, retried on the next run), and image paths are
// resolved with their symlinks.
#include "cli_files.h"
#include "fixture_bench.h"
#include "support/qt_test_registry.h"
#include "support/synthetic_bench.h"

#include "annotate/project_store.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using migician::test::appBinary;
using migician::test::fixtureBench;
using migician::test::readJson;
using migician::test::runMigician;
using migician::test::runProcess;
using migician::test::writeFile;

namespace {

const QString kTiny = QStringLiteral(MIGICIAN_SHARED_DIR "/fixtures/qwen2vl-tiny");
const QString kSuffix = QStringLiteral(
        "Format:<|box_start|>(x1,y1),(x2,y2)<|box_start|>. Don't generate addtional words.");

// Runs the model: up to 128 tokens per case on a CPU shared with builds take minutes.
migician::test::ProcessResult runModel(const QStringList &arguments)
{
    return runProcess(appBinary("migician"), arguments, {}, 900000);
}

QStringList modelEval(const QString &bench, const QString &out)
{
    return {QStringLiteral("eval"),
            QStringLiteral("--bench"),
            bench,
            QStringLiteral("--images-root"),
            kTiny,
            QStringLiteral("--model"),
            kTiny,
            QStringLiteral("--out"),
            out,
            QStringLiteral("--quiet")};
}

QJsonArray predictionsOf(const QJsonObject &results)
{
    return results.value(QLatin1String("predictions")).toArray();
}

// What `migician ground` (the engine with the checkpoint's defaults, or --greedy) generates for
// exactly this prompt and these images.
QJsonArray groundIds(const QJsonObject &benchCase, const QString &prompt, bool greedy,
                     QString *error)
{
    QStringList arguments{QStringLiteral("ground"),
                          QStringLiteral("--model"),
                          kTiny,
                          QStringLiteral("--dtype"),
                          QStringLiteral("float32"),
                          QStringLiteral("--query"),
                          prompt,
                          QStringLiteral("--max-new-tokens"),
                          QStringLiteral("128"),
                          QStringLiteral("--json")};
    for (const QJsonValue &image : benchCase.value(QLatin1String("images")).toArray())
        arguments << QStringLiteral("--image") << kTiny + QLatin1Char('/') + image.toString();
    if (greedy)
        arguments << QStringLiteral("--greedy");
    const auto result = runModel(arguments);
    if (result.exitCode != 0) {
        *error = result.err.isEmpty() ? QStringLiteral("migician ground did not finish")
                                      : result.err;
        return {};
    }
    return QJsonDocument::fromJson(result.out).object().value(QLatin1String("token_ids")).toArray();
}

QString sha256Hex(const QStringList &files)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString &file : files)
        hash.addData(migician::test::readFile(file));
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace

class CliEvalProtocolTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_bench;
    QJsonArray m_cases;
    QJsonObject m_official; // results.json of the official run

    // The model runs in float32 here: three times faster than bfloat16 on a CPU without
    // AVX512-BF16, and the precision is not part of the protocol (it is recorded; the default,
    // the checkpoint's bfloat16, is checked in engineFailuresAreFailedCasesRetriedNextRun).
    QStringList float32Eval(const QString &out) const
    {
        return modelEval(m_bench, out) << QStringLiteral("--dtype") << QStringLiteral("float32");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // Three cases (a fourth only adds minutes): need_format true, false, false.
        m_bench = m_dir.filePath(QStringLiteral("fixture-bench.json"));
        m_cases = fixtureBench();
        m_cases.removeLast();
        QVERIFY(writeFile(m_bench, QJsonDocument(m_cases).toJson()));
    }

    void modelRunsTheOfficialProtocol()
    {
        const QString out = m_dir.filePath(QStringLiteral("official.json"));
        const auto ran = runModel(float32Eval(out));
        QVERIFY2(ran.exitCode == 0, qPrintable(ran.err));
        QVERIFY(ran.out.contains("official protocol"));
        m_official = readJson(out).object();
        const QJsonArray predictions = predictionsOf(m_official);
        QCOMPARE(predictions.size(), m_cases.size());

        // The protocol block says what was run.
        const QJsonObject protocol = m_official.value(QLatin1String("protocol")).toObject();
        QVERIFY2(!protocol.isEmpty(), "results.json has no protocol block");
        QCOMPARE(protocol.value(QLatin1String("official")).toBool(), true);
        QCOMPARE(protocol.value(QLatin1String("deviations")).toArray(), QJsonArray());
        const QJsonObject prompt = protocol.value(QLatin1String("prompt")).toObject();
        QCOMPARE(prompt.value(QLatin1String("format_suffix")).toString(), kSuffix);
        QCOMPARE(prompt.value(QLatin1String("every_case")).toBool(), true);
        const QJsonObject generation = protocol.value(QLatin1String("generation")).toObject();
        QCOMPARE(generation.value(QLatin1String("sampling")).toString(),
                 QStringLiteral("generation_config"));
        QCOMPARE(generation.value(QLatin1String("max_new_tokens")).toInt(), 128);
        QCOMPARE(protocol.value(QLatin1String("decoding"))
                         .toObject()
                         .value(QLatin1String("skip_special_tokens"))
                         .toBool(),
                 true);
        QCOMPARE(protocol.value(QLatin1String("scoring"))
                         .toObject()
                         .value(QLatin1String("migician_rescale"))
                         .toBool(),
                 true);
        const QJsonObject images = protocol.value(QLatin1String("images")).toObject();
        QCOMPARE(images.value(QLatin1String("min_pixels")).toInteger(), 3136);
        QCOMPARE(images.value(QLatin1String("max_pixels")).toInteger(), 12845056);
        const QJsonObject backend = protocol.value(QLatin1String("backend")).toObject();
        QCOMPARE(backend.value(QLatin1String("name")).toString(), QStringLiteral("migician"));
        QCOMPARE(backend.value(QLatin1String("checkpoint")).toString(), QDir(kTiny).absolutePath());
        QCOMPARE(backend.value(QLatin1String("checkpoint_sha256")).toString(),
                 sha256Hex({kTiny + QStringLiteral("/config.json"),
                            kTiny + QStringLiteral("/model.safetensors.index.json")}));
        QVERIFY(!backend.value(QLatin1String("engine_version")).toString().isEmpty());
        QCOMPARE(backend.value(QLatin1String("dtype")).toString(), QStringLiteral("float32"));
        QCOMPARE(backend.value(QLatin1String("device")).toString(), QStringLiteral("cpu"));
        const QJsonObject sampling = backend.value(QLatin1String("sampling")).toObject();
        QCOMPARE(sampling.value(QLatin1String("repetition_penalty")).toDouble(), 1.05);
        QCOMPARE(sampling.value(QLatin1String("do_sample")).toBool(), false); // top_k 1: argmax
        QCOMPARE(sampling.value(QLatin1String("max_new_tokens")).toInt(), 128);

        // Every case's prompt ends with the suffix (need_format or not), and its ids are what
        // the engine gives with the generation_config defaults for exactly that prompt.
        for (int i = 0; i < predictions.size(); ++i) {
            const QJsonObject p = predictions[i].toObject();
            QCOMPARE(p.value(QLatin1String("index")).toInt(), i);
            const QString question
                    = m_cases[i].toObject().value(QLatin1String("question")).toString();
            const QString sent = p.value(QLatin1String("prompt")).toString();
            QCOMPARE(sent, question + kSuffix);
            const QJsonArray ids = p.value(QLatin1String("token_ids")).toArray();
            QVERIFY(!ids.isEmpty() && ids.size() <= 128);
            QString error;
            QCOMPARE(ids, groundIds(m_cases[i].toObject(), sent, false, &error));
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }
    }

    void greedyIsARecordedDeviationWithOtherPredictions()
    {
        QVERIFY2(!m_official.isEmpty(), "needs modelRunsTheOfficialProtocol");
        const QJsonArray predictions = predictionsOf(m_official);
        const QString greedyOut = m_dir.filePath(QStringLiteral("greedy.json"));
        const auto greedyRun = runModel(float32Eval(greedyOut) << QStringLiteral("--greedy"));
        QVERIFY2(greedyRun.exitCode == 0, qPrintable(greedyRun.err));
        const QJsonObject greedy = readJson(greedyOut).object();
        const QJsonObject greedyProtocol = greedy.value(QLatin1String("protocol")).toObject();
        QCOMPARE(greedyProtocol.value(QLatin1String("official")).toBool(), false);
        QCOMPARE(greedyProtocol.value(QLatin1String("deviations")).toArray(),
                 QJsonArray{QStringLiteral("--greedy")});
        QCOMPARE(greedyProtocol.value(QLatin1String("generation"))
                         .toObject()
                         .value(QLatin1String("sampling"))
                         .toString(),
                 QStringLiteral("greedy"));
        QCOMPARE(greedyProtocol.value(QLatin1String("backend"))
                         .toObject()
                         .value(QLatin1String("sampling"))
                         .toObject()
                         .value(QLatin1String("repetition_penalty"))
                         .toDouble(),
                 1.0);
        int differing = 0;
        const QJsonArray greedyPredictions = predictionsOf(greedy);
        QCOMPARE(greedyPredictions.size(), predictions.size());
        for (int i = 0; i < greedyPredictions.size(); ++i) {
            const QJsonObject p = greedyPredictions[i].toObject();
            const QString prompt
                    = predictions[i].toObject().value(QLatin1String("prompt")).toString();
            QCOMPARE(p.value(QLatin1String("prompt")).toString(), prompt);
            const bool differs = p.value(QLatin1String("token_ids"))
                                 != predictions[i].toObject().value(QLatin1String("token_ids"));
            differing += differs;
            if (differs && differing == 1) { // the engine's own greedy ids, for one case
                QString error;
                QCOMPARE(p.value(QLatin1String("token_ids")).toArray(),
                         groundIds(m_cases[i].toObject(), prompt, true, &error));
                QVERIFY2(error.isEmpty(), qPrintable(error));
            }
        }
        qInfo("greedy and generation_config differ on %d of %d cases", differing,
              int(greedyPredictions.size()));
        QVERIFY(differing >= 1);

        // --no-format-suffix and --max-new-tokens: the bare question, recorded.
        const QString bareOut = m_dir.filePath(QStringLiteral("bare.json"));
        const auto bareRun = runModel(float32Eval(bareOut)
                                      << QStringLiteral("--no-format-suffix")
                                      << QStringLiteral("--max-new-tokens") << QStringLiteral("4"));
        QVERIFY2(bareRun.exitCode == 0, qPrintable(bareRun.err));
        const QJsonObject bare = readJson(bareOut).object();
        QCOMPARE(bare.value(QLatin1String("protocol"))
                         .toObject()
                         .value(QLatin1String("deviations"))
                         .toArray(),
                 (QJsonArray{QStringLiteral("--no-format-suffix"),
                             QStringLiteral("--max-new-tokens 4")}));
        for (int i = 0; i < m_cases.size(); ++i) {
            const QJsonObject p = predictionsOf(bare)[i].toObject();
            QCOMPARE(p.value(QLatin1String("prompt")).toString(),
                     m_cases[i].toObject().value(QLatin1String("question")).toString());
            QVERIFY(p.value(QLatin1String("token_ids")).toArray().size() <= 4);
        }
    }

    void engineFailuresAreFailedCasesRetriedNextRun()
    {
        // A question that smuggles in one more image slot than the case has images: the engine
        // refuses it (a real engine error), the other case is answered.
        QJsonArray cases = fixtureBench();
        QJsonObject broken = cases[2].toObject();
        broken[QStringLiteral("question")] = QStringLiteral(
                "<|vision_start|><|image_pad|><|vision_end|>Where is the red circle?");
        const QJsonArray bench{cases[1], broken};
        const QString benchFile = m_dir.filePath(QStringLiteral("broken-bench.json"));
        QVERIFY(writeFile(benchFile, QJsonDocument(bench).toJson()));
        const QString out = m_dir.filePath(QStringLiteral("broken.json"));
        auto arguments = modelEval(benchFile, out);
        arguments << QStringLiteral("--max-new-tokens") << QStringLiteral("8");

        const auto first = runModel(arguments);
        QCOMPARE(first.exitCode, 3); // finished, with failed cases
        QVERIFY2(first.err.contains(QLatin1String("1 case failed")), qPrintable(first.err));
        const QJsonObject results = readJson(out).object();
        // No --dtype: the checkpoint's own (config.json says bfloat16), recorded as run.
        const QJsonObject backend = results.value(QLatin1String("protocol"))
                                            .toObject()
                                            .value(QLatin1String("backend"))
                                            .toObject();
        QCOMPARE(backend.value(QLatin1String("dtype")).toString(), QStringLiteral("bfloat16"));
        QCOMPARE(backend.value(QLatin1String("dtype_requested")).toString(),
                 QStringLiteral("auto"));
        QCOMPARE(predictionsOf(results).size(), 1);
        QCOMPARE(predictionsOf(results)[0].toObject().value(QLatin1String("index")).toInt(), 0);
        const QJsonArray failed = results.value(QLatin1String("failed")).toArray();
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed[0].toObject().value(QLatin1String("index")).toInt(), 1);
        QCOMPARE(failed[0].toObject().value(QLatin1String("task")).toString(),
                 QStringLiteral("reasoning"));
        QVERIFY2(failed[0]
                         .toObject()
                         .value(QLatin1String("reason"))
                         .toString()
                         .contains(QLatin1String("image")),
                 qPrintable(failed[0].toObject().value(QLatin1String("reason")).toString()));
        // Left out of the scores, counted next to n.
        const QJsonObject perTask = results.value(QLatin1String("scores"))
                                            .toObject()
                                            .value(QLatin1String("official"))
                                            .toObject()
                                            .value(QLatin1String("per_task"))
                                            .toObject();
        QCOMPARE(perTask.value(QLatin1String("reasoning")).toObject().value(QLatin1String("n")),
                 QJsonValue(0));
        QCOMPARE(
                perTask.value(QLatin1String("reasoning")).toObject().value(QLatin1String("failed")),
                QJsonValue(1));
        QCOMPARE(perTask.value(QLatin1String("refer_grounding"))
                         .toObject()
                         .value(QLatin1String("n")),
                 QJsonValue(1));
        QVERIFY(QFile::exists(out + QStringLiteral(".partial"))); // kept for the retry

        // The next run retries only the failed case.
        const auto second = runModel(arguments);
        QCOMPARE(second.exitCode, 3);
        QVERIFY2(second.out.contains("2 cases, 1 already done"), second.out.constData());
    }

    void missingImagesFailTheirCaseAndAreRetried()
    {
        QTemporaryDir dir;
        const auto bench = migician::test::writeBench(dir.path(), 1, false); // 3 cases
        const QString out = dir.filePath(QStringLiteral("results.json"));
        const QStringList arguments = migician::test::assistantEvalArguments(bench, out);
        const QString image = dir.filePath(QStringLiteral("MIG-Bench/images/diff/0_target.png"));
        const QString aside = image + QStringLiteral(".aside");
        QVERIFY(QFile::rename(image, aside));

        const auto first = runMigician(arguments);
        QCOMPARE(first.exitCode, 3);
        QVERIFY2(first.err.contains(QLatin1String("1 case failed"))
                         && first.err.contains(QLatin1String("rerun")),
                 qPrintable(first.err));
        const QJsonObject results = readJson(out).object();
        QCOMPARE(predictionsOf(results).size(), 2);
        const QJsonArray failed = results.value(QLatin1String("failed")).toArray();
        QCOMPARE(failed.size(), 1);
        const QJsonObject failure = failed[0].toObject();
        QCOMPARE(failure.value(QLatin1String("index")).toInt(), 2);
        QVERIFY2(failure.value(QLatin1String("reason"))
                         .toString()
                         .contains(QLatin1String("0_target.png")),
                 qPrintable(failure.value(QLatin1String("reason")).toString()));
        const QJsonObject scores = results.value(QLatin1String("scores")).toObject();
        const QJsonObject micro = scores.value(QLatin1String("official"))
                                          .toObject()
                                          .value(QLatin1String("micro"))
                                          .toObject();
        QCOMPARE(micro.value(QLatin1String("n")).toInt(), 2);
        QCOMPARE(micro.value(QLatin1String("failed")).toInt(), 1);
        QCOMPARE(micro.value(QLatin1String("acc@0.5")).toDouble(), 1.0); // not an IoU-0 answer
        // `migician score` on the results file prints exactly these scores.
        const auto scored
                = runMigician({QStringLiteral("score"), QStringLiteral("--bench"), bench.benchFile,
                               QStringLiteral("--predictions"), out, QStringLiteral("--json")});
        QVERIFY2(scored.exitCode == 0, qPrintable(scored.err));
        QCOMPARE(QJsonDocument::fromJson(scored.out).object(), scores);

        // With the image back, the next run retries the failed case only and completes.
        QVERIFY(QFile::rename(aside, image));
        const auto second = runMigician(arguments);
        QVERIFY2(second.exitCode == 0, qPrintable(second.err));
        QVERIFY2(second.out.contains("3 cases, 2 already done"), second.out.constData());
        const QJsonObject complete = readJson(out).object();
        QCOMPARE(predictionsOf(complete).size(), 3);
        QCOMPARE(complete.value(QLatin1String("failed")).toArray().size(), 0);
        QVERIFY(!QFile::exists(out + QStringLiteral(".partial")));
    }

    void projectKeepsFailedCasesApartAndRetriesThem()
    {
        using migician::annotate::ProjectStore;
        QTemporaryDir dir;
        const auto bench = migician::test::writeBench(dir.path(), 1, false); // 3 cases
        const QString project = dir.filePath(QStringLiteral("eval.migician"));
        const QString out = dir.filePath(QStringLiteral("results.json"));
        const QStringList arguments = migician::test::assistantEvalArguments(bench, out)
                                      << QStringLiteral("--project") << project;
        const QString image = dir.filePath(QStringLiteral("MIG-Bench/images/diff/0_target.png"));
        const QString aside = image + QStringLiteral(".aside");
        QVERIFY(QFile::rename(image, aside));
        // Rows of the project: predictions, failures, and the failure's attempts and reason.
        const auto state = [&project] {
            auto store = ProjectStore::open(project, ProjectStore::OpenMode::OpenExisting);
            QStringList rows;
            if (!store)
                return rows;
            QSqlQuery q((*store)->database());
            for (const char *sql :
                 {"SELECT count(*) FROM predictions", "SELECT count(*) FROM evaluation_failures",
                  "SELECT attempts || ' ' || reason FROM evaluation_failures",
                  "SELECT count(*) FROM runs WHERE duration_ms IS NOT NULL"})
                if (q.exec(QLatin1String(sql)) && q.next())
                    rows << q.value(0).toString();
                else
                    rows << QString();
            return rows;
        };

        for (int attempt = 1; attempt <= 2; ++attempt) {
            const auto ran = runMigician(arguments);
            QCOMPARE(ran.exitCode, 3);
            const QStringList rows = state();
            QCOMPARE(rows.value(0), QStringLiteral("2")); // a failure is not a prediction
            QCOMPARE(rows.value(1), QStringLiteral("1"));
            QVERIFY2(rows.value(2).startsWith(QString::number(attempt) + QLatin1Char(' '))
                             && rows.value(2).contains(QLatin1String("0_target.png")),
                     qPrintable(rows.value(2)));
            QCOMPARE(rows.value(3), QStringLiteral("0")); // the run stays open
            QCOMPARE(readJson(out)
                             .object()
                             .value(QLatin1String("failed"))
                             .toArray()
                             .at(0)
                             .toObject()
                             .value(QLatin1String("attempts"))
                             .toInt(),
                     attempt);
        }
        QVERIFY(QFile::rename(aside, image));
        const auto last = runMigician(arguments);
        QVERIFY2(last.exitCode == 0, qPrintable(last.err));
        QVERIFY2(last.out.contains("3 cases, 2 already done"), last.out.constData());
        QCOMPARE(state(), (QStringList{QStringLiteral("3"), QStringLiteral("0"), QString(),
                                       QStringLiteral("1")}));
    }

    void symlinkLeavingTheImagesRootIsRefused()
    {
        QTemporaryDir dir;
        const QString root = dir.filePath(QStringLiteral("root"));
        QVERIFY(QDir().mkpath(root));
        const auto bench = migician::test::writeBench(root, 1, false);
        // The diff target becomes a link to a copy outside the images root.
        const QString image = root + QStringLiteral("/MIG-Bench/images/diff/0_target.png");
        const QString outside = dir.filePath(QStringLiteral("outside.png"));
        QVERIFY(QFile::rename(image, outside));
        QVERIFY(QFile::link(outside, image));
        const QString out = dir.filePath(QStringLiteral("results.json"));
        const auto ran = runMigician(migician::test::assistantEvalArguments(bench, out));
        QCOMPARE(ran.exitCode, 3);
        const QJsonArray failed = readJson(out).object().value(QLatin1String("failed")).toArray();
        QCOMPARE(failed.size(), 1);
        const QString reason = failed[0].toObject().value(QLatin1String("reason")).toString();
        QVERIFY2(reason.contains(QLatin1String("outside the images root")), qPrintable(reason));
        // A link that stays inside the root is fine.
        QVERIFY(QFile::remove(image));
        const QString inside = root + QStringLiteral("/elsewhere.png");
        QVERIFY(QFile::rename(outside, inside));
        QVERIFY(QFile::link(inside, image));
        const auto again = runMigician(migician::test::assistantEvalArguments(bench, out));
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    }
};

MIGICIAN_TEST_CLASS(CliEvalProtocolTest)
#include "tst_cli_eval_protocol.moc"
