// `migician prompt` and `migician ground` on every case of the tiny fixture checkpoint, from the
// image files themselves: the prompt ids and grids, and the generated ids, must be the reference's.
#include "process_runner.h"
#include "support/qt_test_registry.h"
#include "tiny_fixture_cases.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using migician::test::appBinary;
using migician::test::fixtureCases;
using migician::test::imageArguments;
using migician::test::runProcess;

namespace {

const QString kTiny = migician::test::kTinyModel;

QJsonObject runJson(const QStringList &arguments, QString *error)
{
    const auto result = runProcess(appBinary("migician"), arguments);
    if (result.exitCode != 0) {
        *error = result.err;
        return {};
    }
    return QJsonDocument::fromJson(result.out).object();
}

} // namespace

class CliGroundTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void groundReproducesGoldenIds_data()
    {
        QTest::addColumn<QJsonObject>("testCase");
        QCOMPARE(fixtureCases().size(), 5); // a fixture that lost cases must not pass vacuously
        for (const auto &value : fixtureCases()) {
            const QJsonObject testCase = value.toObject();
            QTest::newRow(qPrintable(testCase.value(QLatin1String("name")).toString())) << testCase;
        }
    }

    void groundReproducesGoldenIds()
    {
        QFETCH(QJsonObject, testCase);
        // The goldens are float32 (the default is the checkpoint's own bfloat16).
        const QStringList common = QStringList{QStringLiteral("ground"),
                                               QStringLiteral("--model"),
                                               kTiny,
                                               QStringLiteral("--dtype"),
                                               QStringLiteral("float32"),
                                               QStringLiteral("--max-new-tokens"),
                                               QStringLiteral("16"),
                                               QStringLiteral("--json")}
                                   + imageArguments(testCase);
        QString error;
        const QJsonObject greedy
                = runJson(common + QStringList{QStringLiteral("--greedy")}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(greedy.value(QLatin1String("token_ids")).toArray(),
                 testCase.value(QLatin1String("generated_ids")).toArray());
        QCOMPARE(greedy.value(QLatin1String("prompt_tokens")).toInt(),
                 testCase.value(QLatin1String("seq_len")).toInt());
        QVERIFY(greedy.value(QLatin1String("text")).isString());
        QVERIFY(greedy.value(QLatin1String("boxes")).isArray());
        const QJsonObject timings = greedy.value(QLatin1String("timings")).toObject();
        for (const char *key : {"preprocess_ms", "vision_ms", "prefill_ms", "decode_ms"})
            QVERIFY2(timings.contains(QLatin1String(key)), key);

        // Defaults follow generation_config.json: penalised argmax (repetition_penalty 1.05).
        const QJsonObject defaults = runJson(common, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(defaults.value(QLatin1String("token_ids")).toArray(),
                 testCase.value(QLatin1String("generated_ids_rp")).toArray());
    }

    void promptShowsIdsAndGrids()
    {
        QJsonObject testCase;
        for (const auto &value : fixtureCases())
            if (value.toObject().value(QLatin1String("name"))
                == QLatin1String("multi3_common_object"))
                testCase = value.toObject();
        QVERIFY2(!testCase.isEmpty(), "the fixture has no case multi3_common_object");
        QString error;
        const QJsonObject prompt
                = runJson(QStringList{QStringLiteral("prompt"), QStringLiteral("--model"), kTiny,
                                      QStringLiteral("--json")}
                                  + imageArguments(testCase),
                          &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(prompt.value(QLatin1String("prompt")).toString(),
                 testCase.value(QLatin1String("prompt")).toString());
        QCOMPARE(prompt.value(QLatin1String("input_ids")).toArray().size(),
                 testCase.value(QLatin1String("seq_len")).toInt());
        const QJsonArray images = prompt.value(QLatin1String("images")).toArray();
        const QJsonArray expected = testCase.value(QLatin1String("images")).toArray();
        QCOMPARE(images.size(), expected.size());
        for (int i = 0; i < images.size(); ++i) {
            const QJsonObject image = images.at(i).toObject();
            QCOMPARE(image.value(QLatin1String("grid_thw")).toArray(),
                     expected.at(i).toObject().value(QLatin1String("grid_thw")).toArray());
            QCOMPARE(image.value(QLatin1String("resized_hw")).toArray(),
                     expected.at(i).toObject().value(QLatin1String("resized_hw")).toArray());
        }
    }

    void badInputGivesClearErrors()
    {
        QTemporaryDir dir;
        const QString corrupt = dir.filePath(QStringLiteral("corrupt.png"));
        QFile file(corrupt);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("\x89PNG\r\n\x1a\nthis is not a png");
        file.close();
        const QString image = kTiny + QStringLiteral("/images/red_circle_224.png");
        struct Case
        {
            QStringList arguments;
            QString mustMention;
        };
        const QList<Case> cases{
                {{QStringLiteral("--image"), corrupt, QStringLiteral("--query"),
                  QStringLiteral("q")},
                 corrupt},
                {{QStringLiteral("--image"), dir.filePath(QStringLiteral("missing.jpg")),
                  QStringLiteral("--query"), QStringLiteral("q")},
                 dir.filePath(QStringLiteral("missing.jpg"))},
                {{QStringLiteral("--image"), image, QStringLiteral("--query"), QStringLiteral("q"),
                  QStringLiteral("--device"), QStringLiteral("tpu")},
                 QStringLiteral("tpu")},
                {{QStringLiteral("--image"), image, QStringLiteral("--query"), QStringLiteral("q"),
                  QStringLiteral("--max-pixels"), QStringLiteral("lots")},
                 QStringLiteral("--max-pixels")},
        };
        for (const auto &c : cases) {
            const auto result = runProcess(
                    appBinary("migician"),
                    QStringList{QStringLiteral("ground"), QStringLiteral("--model"), kTiny}
                            + c.arguments);
            QCOMPARE(result.exitCode, 1);
            QVERIFY2(result.err.contains(c.mustMention), qPrintable(result.err));
        }
        const auto noModel = runProcess(appBinary("migician"),
                                        {QStringLiteral("ground"), QStringLiteral("--model"),
                                         dir.path(), QStringLiteral("--image"), image,
                                         QStringLiteral("--query"), QStringLiteral("q")});
        QCOMPARE(noModel.exitCode, 1);
        QVERIFY2(noModel.err.contains(dir.path()), qPrintable(noModel.err));
    }
};

MIGICIAN_TEST_CLASS(CliGroundTest)
#include "tst_cli_ground.moc"
