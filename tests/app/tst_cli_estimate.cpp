// Issue 16 through real processes: the precision default follows the checkpoint's config.json
// (`ground --json` and `ground --dry-run --json` name the device and dtype used), and
// `ground --dry-run --json` estimates a run without loading the weights: its token counts are
// `migician prompt`'s, and its memory estimate is within 20 % of the peak RSS `migician-bench`
// measures for the same workload (the tiny fixture and W1, the 4-layer 7B-wide model).
#include "process_runner.h"
#include "support/qt_test_registry.h"
#include "tiny_fixture_cases.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using migician::test::appBinary;
using migician::test::fixtureCases;
using migician::test::imageArguments;
using migician::test::runProcess;

namespace {

const QString kTiny = migician::test::kTinyModel;
const QString kQuery
        = QStringLiteral("Find the common object in these two images and give its bounding box.");

QJsonObject runJson(const QString &binary, const QStringList &arguments, QString *error,
                    int timeoutMs = 300000)
{
    const auto result
            = runProcess(appBinary(binary.toUtf8().constData()), arguments, {}, timeoutMs);
    if (result.exitCode != 0) {
        *error = QStringLiteral("%1 %2 failed (%3): %4")
                         .arg(binary, arguments.join(QLatin1Char(' ')))
                         .arg(result.exitCode)
                         .arg(result.err);
        return {};
    }
    return QJsonDocument::fromJson(result.out).object();
}

bool writeJson(const QString &path, const QJsonObject &object)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(QJsonDocument(object).toJson()) > 0;
}

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()).object()
                                          : QJsonObject();
}

// A checkpoint folder: the tiny fixture's files (weights linked, not copied) with config.json
// from `config` and its torch_dtype replaced by `dtype` (kept when empty). `withWeights` false:
// no safetensors at all, so only a run that never reads weights can succeed.
bool makeCheckpoint(const QString &folder, const QString &config, const QString &dtype,
                    bool withWeights)
{
    if (!QDir().mkpath(folder))
        return false;
    for (const char *name : {"tokenizer.json", "tokenizer_config.json", "preprocessor_config.json",
                             "generation_config.json", "chat_template.json"})
        if (!QFile::copy(kTiny + QLatin1Char('/') + QLatin1String(name),
                         folder + QLatin1Char('/') + QLatin1String(name)))
            return false;
    if (withWeights)
        for (const char *name : {"model.safetensors.index.json", "model-00001-of-00002.safetensors",
                                 "model-00002-of-00002.safetensors"})
            if (!QFile::link(kTiny + QLatin1Char('/') + QLatin1String(name),
                             folder + QLatin1Char('/') + QLatin1String(name)))
                return false;
    QJsonObject object = readJson(config);
    if (object.isEmpty())
        return false;
    if (!dtype.isEmpty())
        object[QStringLiteral("torch_dtype")] = dtype;
    return writeJson(folder + QStringLiteral("/config.json"), object);
}

// The W1 images: two 448x336 pictures (192 merged tokens each, as migician-bench's synthetic
// ones).
QStringList writeBenchImages(const QString &folder)
{
    QStringList paths;
    for (int i = 0; i < 2; ++i) {
        QImage image(448, 336, QImage::Format_RGB888);
        image.fill(QColor(90 + 60 * i, 120, 200 - 50 * i));
        QPainter painter(&image);
        painter.fillRect(60 + 40 * i, 50, 150, 110, Qt::red);
        painter.end();
        const QString path = folder + QStringLiteral("/bench-%1.png").arg(i + 1);
        if (!image.save(path))
            return {};
        paths << path;
    }
    return paths;
}

double bytes(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toDouble();
}

} // namespace

class CliEstimateTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // The estimate's time uses the speed the workbench measured: none here.
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toLocal8Bit());
    }

    void dryRunTokenCountsAreThePromptsAndNeedNoWeights_data()
    {
        QTest::addColumn<QJsonObject>("testCase");
        QCOMPARE(fixtureCases().size(), 5);
        for (const auto &value : fixtureCases()) {
            const QJsonObject testCase = value.toObject();
            QTest::newRow(qPrintable(testCase.value(QLatin1String("name")).toString())) << testCase;
        }
    }

    void dryRunTokenCountsAreThePromptsAndNeedNoWeights()
    {
        QFETCH(QJsonObject, testCase);
        // A checkpoint folder without any weight file: the dry run must not need them.
        const QString noWeights = m_dir.filePath(QStringLiteral("no-weights"));
        if (!QFileInfo::exists(noWeights))
            QVERIFY(makeCheckpoint(noWeights, kTiny + QStringLiteral("/config.json"), {}, false));
        QString error;
        const QJsonObject prompt
                = runJson(QStringLiteral("migician"),
                          QStringList{QStringLiteral("prompt"), QStringLiteral("--model"), kTiny,
                                      QStringLiteral("--json")}
                                  + imageArguments(testCase),
                          &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QJsonObject estimate = runJson(
                QStringLiteral("migician"),
                QStringList{QStringLiteral("ground"), QStringLiteral("--model"), noWeights,
                            QStringLiteral("--dry-run"), QStringLiteral("--json")}
                        + imageArguments(testCase),
                &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));

        const int promptTokens = int(prompt.value(QLatin1String("input_ids")).toArray().size());
        QCOMPARE(promptTokens, testCase.value(QLatin1String("seq_len")).toInt());
        QCOMPARE(estimate.value(QLatin1String("prompt_tokens")).toInt(), promptTokens);
        const QJsonArray promptImages = prompt.value(QLatin1String("images")).toArray();
        const QJsonArray estimateImages = estimate.value(QLatin1String("images")).toArray();
        QCOMPARE(estimateImages.size(), promptImages.size());
        int imageTokens = 0;
        for (qsizetype i = 0; i < promptImages.size(); ++i) {
            const QJsonObject p = promptImages[i].toObject();
            const QJsonObject e = estimateImages[i].toObject();
            QCOMPARE(e.value(QLatin1String("tokens")).toInt(),
                     p.value(QLatin1String("tokens")).toInt());
            QCOMPARE(e.value(QLatin1String("grid_thw")).toArray(),
                     p.value(QLatin1String("grid_thw")).toArray());
            QCOMPARE(e.value(QLatin1String("resized_hw")).toArray(),
                     p.value(QLatin1String("resized_hw")).toArray());
            imageTokens += p.value(QLatin1String("tokens")).toInt();
        }
        QCOMPARE(estimate.value(QLatin1String("image_tokens")).toInt(), imageTokens);
        QCOMPARE(estimate.value(QLatin1String("text_tokens")).toInt(), promptTokens - imageTokens);
        // The device and the checkpoint's own dtype; a time marked as not measured here.
        QCOMPARE(estimate.value(QLatin1String("device")).toString(), QStringLiteral("cpu"));
        QCOMPARE(estimate.value(QLatin1String("dtype")).toString(), QStringLiteral("bfloat16"));
        const QJsonObject time = estimate.value(QLatin1String("time")).toObject();
        QCOMPARE(time.value(QLatin1String("calibrated")).toBool(true), false);
        QVERIFY(time.value(QLatin1String("total_s")).toDouble() > 0);
        const QJsonObject memory = estimate.value(QLatin1String("memory")).toObject();
        QVERIFY(bytes(memory, "weights_bytes") > 0);
        QVERIFY(bytes(memory, "kv_cache_bytes") > 0);
        QVERIFY(bytes(memory, "available_bytes") > 0);
    }

    void defaultDtypeIsTheCheckpoints_data()
    {
        QTest::addColumn<QString>("stored");
        QTest::newRow("float32 checkpoint") << QStringLiteral("float32");
        QTest::newRow("bfloat16 checkpoint") << QStringLiteral("bfloat16");
    }

    void defaultDtypeIsTheCheckpoints()
    {
        QFETCH(QString, stored);
        const QString folder = m_dir.filePath(QStringLiteral("stored-") + stored);
        QVERIFY(makeCheckpoint(folder, kTiny + QStringLiteral("/config.json"), stored, true));
        const QJsonObject testCase = fixtureCases().first().toObject();
        const QStringList common = QStringList{QStringLiteral("ground"),
                                               QStringLiteral("--model"),
                                               folder,
                                               QStringLiteral("--max-new-tokens"),
                                               QStringLiteral("2"),
                                               QStringLiteral("--json")}
                                   + imageArguments(testCase);
        QString error;
        // No --dtype: what config.json says, as run by the engine.
        const QJsonObject ran = runJson(QStringLiteral("migician"), common, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(ran.value(QLatin1String("dtype")).toString(), stored);
        QCOMPARE(ran.value(QLatin1String("device")).toString(), QStringLiteral("cpu"));
        QCOMPARE(ran.value(QLatin1String("token_ids")).toArray().size(), 2);
        const QStringList dryRun = common + QStringList{QStringLiteral("--dry-run")};
        const QJsonObject dry = runJson(QStringLiteral("migician"), dryRun, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(dry.value(QLatin1String("dtype")).toString(), stored);
        // float32 weights take twice the bytes of bfloat16 ones.
        const QJsonObject memory = dry.value(QLatin1String("memory")).toObject();
        QVERIFY(bytes(memory, "weights_bytes") > 0);
        // An explicit choice wins over the checkpoint's.
        const QString other = stored == QLatin1String("float32") ? QStringLiteral("bfloat16")
                                                                 : QStringLiteral("float32");
        const QJsonObject chosen
                = runJson(QStringLiteral("migician"),
                          dryRun + QStringList{QStringLiteral("--dtype"), other}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(chosen.value(QLatin1String("dtype")).toString(), other);
        const QJsonObject chosenMemory = chosen.value(QLatin1String("memory")).toObject();
        const double ratio = bytes(chosenMemory, "weights_bytes") / bytes(memory, "weights_bytes");
        QCOMPARE(ratio, other == QLatin1String("float32") ? 2.0 : 0.5);
        // Converting keeps the mapped checkpoint next to the copy.
        QVERIFY(bytes(chosenMemory, "mapped_source_bytes") > 0);
        QCOMPARE(bytes(memory, "mapped_source_bytes"), 0.0);
    }

    void memoryEstimateMatchesBenchPeakRss_data()
    {
        QTest::addColumn<QString>("config");
        QTest::newRow("tiny fixture") << kTiny + QStringLiteral("/config.json");
        QTest::newRow("W1 (4-layer 7B)")
                << QStringLiteral(MIGICIAN_SHARED_DIR "/configs/migician-7b-4layer.config.json");
    }

    // The same workload both ways: two 448x336 images, the W1 query tokenized for real, 16 new
    // tokens, bfloat16, 2 threads. The bench allocates random weights of the config and runs
    // them; the dry run only reads config.json and the tokenizer.
    void memoryEstimateMatchesBenchPeakRss()
    {
        QFETCH(QString, config);
        const QString folder = m_dir.filePath(QFileInfo(config).completeBaseName());
        QVERIFY(makeCheckpoint(folder, config, QStringLiteral("bfloat16"), false));
        const QStringList images = writeBenchImages(m_dir.path());
        QCOMPARE(images.size(), 2);
        QString error;
        const QJsonObject estimate = runJson(
                QStringLiteral("migician"),
                {QStringLiteral("ground"), QStringLiteral("--model"), folder,
                 QStringLiteral("--image"), images[0], QStringLiteral("--image"), images[1],
                 QStringLiteral("--query"), kQuery, QStringLiteral("--max-new-tokens"),
                 QStringLiteral("16"), QStringLiteral("--dry-run"), QStringLiteral("--json")},
                &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QJsonObject bench = runJson(
                QStringLiteral("migician-bench"),
                {QStringLiteral("--config"), config, QStringLiteral("--tokenizer"),
                 kTiny + QStringLiteral("/tokenizer.json"), QStringLiteral("--query"), kQuery,
                 QStringLiteral("--images"), QStringLiteral("2"), QStringLiteral("--image-size"),
                 QStringLiteral("448x336"), QStringLiteral("--tokens"), QStringLiteral("16"),
                 QStringLiteral("--dtype"), QStringLiteral("bfloat16"), QStringLiteral("--threads"),
                 QStringLiteral("2")},
                &error, 1800000); // W1 allocates and runs 4.3 GB of weights: minutes when shared
        QVERIFY2(error.isEmpty(), qPrintable(error));

        // Same images, same visual tokens.
        QCOMPARE(estimate.value(QLatin1String("images"))
                         .toArray()[0]
                         .toObject()
                         .value(QLatin1String("tokens")),
                 bench.value(QLatin1String("visual_tokens_per_image")));
        const QJsonObject memory = estimate.value(QLatin1String("memory")).toObject();
        const double estimated = bytes(memory, "total_bytes");
        const double peak
                = bytes(bench.value(QLatin1String("memory")).toObject(), "peak_host_bytes");
        qInfo("%s: estimate %.1f MB (weights %.1f, KV %.1f, activations %.1f, runtime %.1f); "
              "migician-bench peak RSS %.1f MB; %+.1f %%; prompt %d vs %d tokens",
              QTest::currentDataTag(), estimated / 1e6, bytes(memory, "weights_bytes") / 1e6,
              bytes(memory, "kv_cache_bytes") / 1e6, bytes(memory, "activations_bytes") / 1e6,
              bytes(memory, "runtime_bytes") / 1e6, peak / 1e6, 100.0 * (estimated - peak) / peak,
              estimate.value(QLatin1String("prompt_tokens")).toInt(),
              bench.value(QLatin1String("prompt_tokens")).toInt());
        QVERIFY(peak > 0);
        QVERIFY2(std::abs(estimated - peak) <= 0.2 * peak,
                 qPrintable(QStringLiteral("estimate %1 MB vs peak RSS %2 MB")
                                    .arg(estimated / 1e6)
                                    .arg(peak / 1e6)));
    }
};

MIGICIAN_TEST_CLASS(CliEstimateTest)
#include "tst_cli_estimate.moc"
