// End-to-end checks of `migician tokenize` and `migician render-chat`: the built binary is fed the
// golden JSON lines of shared/fixtures/tokenizer and must answer with the golden ids and
// renderings.
#include "process_runner.h"
#include "support/qt_test_registry.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

namespace {

const QString kTokenizerDir = QStringLiteral(MIGICIAN_SHARED_DIR "/fixtures/tokenizer");

struct Result
{
    int exitCode = -1;
    QList<QByteArray> lines; // stdout, one entry per line
    QString err;
};

Result runMigician(const QStringList &arguments, const QByteArray &input)
{
    const auto run
            = migician::test::runProcess(migician::test::appBinary("migician"), arguments, input);
    return {run.exitCode, run.lines(), run.err};
}

QList<QByteArray> fixtureLines(const QString &name)
{
    QFile file(kTokenizerDir + QLatin1Char('/') + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> lines;
    for (const QByteArray &line : file.readAll().split('\n'))
        if (!line.trimmed().isEmpty())
            lines.append(line);
    return lines;
}

QJsonObject object(const QByteArray &line)
{
    return QJsonDocument::fromJson(line).object();
}

} // namespace

class CliTokenizerTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tokenizeGoldenCases()
    {
        // The fixture lines go in unchanged; the command reads "text" and ignores the other keys.
        const auto cases = fixtureLines(QStringLiteral("cases.jsonl"));
        QCOMPARE(cases.size(), 325);
        const auto result = runMigician({QStringLiteral("tokenize"), QStringLiteral("--tokenizer"),
                                         kTokenizerDir + QStringLiteral("/tokenizer.json")},
                                        cases.join('\n') + '\n');
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QCOMPARE(result.lines.size(), cases.size());
        for (int i = 0; i < cases.size(); ++i) {
            const QJsonObject expected = object(cases.at(i));
            const QJsonObject actual = object(result.lines.at(i));
            QVERIFY2(actual.keys() == QStringList{QStringLiteral("ids")},
                     result.lines.at(i).constData());
            QVERIFY2(actual.value(QLatin1String("ids")) == expected.value(QLatin1String("ids")),
                     qPrintable(QStringLiteral("line %1: %2")
                                        .arg(i + 1)
                                        .arg(QString::fromUtf8(cases.at(i)))));
        }
        // Compact output, exactly one key.
        QCOMPARE(result.lines.at(1), QByteArray("{\"ids\":[9707,1879]}"));
    }

    void renderChatGoldenCases()
    {
        const auto cases = fixtureLines(QStringLiteral("chat_cases.jsonl"));
        QCOMPARE(cases.size(), 13);
        const auto result
                = runMigician({QStringLiteral("render-chat"), QStringLiteral("--model"),
                               QStringLiteral(MIGICIAN_SHARED_DIR "/fixtures/qwen2vl-tiny")},
                              cases.join('\n') + '\n');
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QCOMPARE(result.lines.size(), cases.size());
        for (int i = 0; i < cases.size(); ++i) {
            const QJsonObject expected = object(cases.at(i));
            const QJsonObject actual = object(result.lines.at(i));
            const QString name = expected.value(QLatin1String("name")).toString();
            QVERIFY2(result.lines.at(i).startsWith("{\"rendered\":\""), qPrintable(name));
            QCOMPARE(actual.size(), 2);
            QVERIFY2(actual.value(QLatin1String("rendered"))
                             == expected.value(QLatin1String("rendered")),
                     qPrintable(name));
            QVERIFY2(actual.value(QLatin1String("ids")) == expected.value(QLatin1String("ids")),
                     qPrintable(name));
        }
        // UTF-8 is written as is, not as \u escapes.
        const auto chinese = runMigician(
                {QStringLiteral("render-chat"), QStringLiteral("--model"), kTokenizerDir},
                QByteArray("{\"messages\":[{\"role\":\"user\",\"content\":\"你好\"}]}") + '\n');
        QCOMPARE(chinese.exitCode, 0);
        QCOMPARE(chinese.lines.size(), 1);
        QVERIFY2(chinese.lines.at(0).contains("user\\n你好<|im_end|>"),
                 chinese.lines.at(0).constData());
        // add_generation_prompt defaults to false.
        QVERIFY(!chinese.lines.at(0).contains("<|im_start|>assistant"));
    }

    void malformedLinesAreReportedByNumber()
    {
        const QByteArray input = "{\"text\": \"Hello world\"}\nnot json\n{\"txt\": 1}\n{\"text\": "
                                 "\"Hello world\"}\n";
        const auto result = runMigician({QStringLiteral("tokenize"), QStringLiteral("--tokenizer"),
                                         kTokenizerDir + QStringLiteral("/tokenizer.json")},
                                        input);
        QCOMPARE(result.exitCode, 1);
        QCOMPARE(result.lines, (QList<QByteArray>{"{\"ids\":[9707,1879]}", "null", "null",
                                                  "{\"ids\":[9707,1879]}"}));
        QVERIFY2(result.err.contains(QLatin1String("line 2:")), qPrintable(result.err));
        QVERIFY2(result.err.contains(QLatin1String("line 3:")), qPrintable(result.err));
        QVERIFY2(!result.err.contains(QLatin1String("line 1:")), qPrintable(result.err));

        const auto badChat = runMigician(
                {QStringLiteral("render-chat"), QStringLiteral("--model"), kTokenizerDir},
                "{\"messages\": [{\"role\": \"user\", \"content\": 5}]}\n");
        QCOMPARE(badChat.exitCode, 1);
        QCOMPARE(badChat.lines, QList<QByteArray>{"null"});
        QVERIFY2(badChat.err.contains(QLatin1String("line 1:")), qPrintable(badChat.err));
    }

    void missingTokenizerFails()
    {
        const QString missing = QStringLiteral("/nonexistent/dir/tokenizer.json");
        const auto result = runMigician(
                {QStringLiteral("tokenize"), QStringLiteral("--tokenizer"), missing}, {});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(missing), qPrintable(result.err));

        const auto noOption = runMigician({QStringLiteral("tokenize")}, {});
        QCOMPARE(noOption.exitCode, 2);
        QVERIFY2(noOption.err.contains(QLatin1String("--tokenizer")), qPrintable(noOption.err));
    }
};

MIGICIAN_TEST_CLASS(CliTokenizerTest)
#include "tst_cli_tokenizer.moc"
