// `migician serve` as users run it: a real process on a loopback port the OS picks, driven by
// `migician ground --endpoint`, by the remote client inside this process, and by the official
// `openai` npm package. Answers must be the local engine's; cancel and SIGTERM must leave the
// server free or stopped cleanly.
#include "serve_process.h"
#include "support/qt_test_registry.h"
#include "ui/remote_endpoint.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <thread>

// nlohmann::json converts to too many types for QCOMPARE's overloads: compare the serialised forms.
#define QCOMPARE_JSON(actual, expected)                                                            \
    QCOMPARE(QString::fromStdString(nlohmann::json(actual).dump()),                                \
             QString::fromStdString(nlohmann::json(expected).dump()))

using migician::test::appBinary;
using migician::test::fixtureCases;
using migician::test::kTinyModel;
using migician::test::runProcess;
using migician::test::ServeProcess;

namespace {

QStringList groundArguments(const QJsonObject &testCase)
{
    return QStringList{QStringLiteral("ground"), QStringLiteral("--max-new-tokens"),
                       QStringLiteral("16"), QStringLiteral("--json")}
           + migician::test::imageArguments(testCase);
}

QJsonObject groundJson(const QStringList &arguments, QString *error)
{
    const auto result = runProcess(appBinary("migician"), arguments, {}, 180000);
    if (result.exitCode != 0) {
        *error = result.err;
        return {};
    }
    return QJsonDocument::fromJson(result.out).object();
}

nlohmann::json health(int port)
{
    httplib::Client client("127.0.0.1", port);
    const auto reply = client.Get("/health");
    return reply ? nlohmann::json::parse(reply->body) : nlohmann::json();
}

migician::model::GroundingRequest textRequest(const std::string &query, int maxTokens)
{
    migician::model::GroundingRequest request;
    request.query = query;
    request.sampling = migician::model::SamplingOptions::greedy();
    request.sampling.maxNewTokens = maxTokens;
    return request;
}

} // namespace

class ServeTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<ServeProcess>();
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->firstLine() + m_server->errors()));
    }

    void cleanupTestCase()
    {
        QCOMPARE(m_server->stop(), 0);
        // The key file and the key never show up in the log; the log names what ran.
        QVERIFY(m_server->errors().contains(QLatin1String("POST /v1/chat/completions -> 200")));
    }

    void groundOnEndpointMatchesTheLocalEngine_data()
    {
        QTest::addColumn<QJsonObject>("testCase");
        QTest::addColumn<bool>("greedy");
        for (const auto &value : fixtureCases()) {
            const QJsonObject testCase = value.toObject();
            const QString name = testCase.value(QLatin1String("name")).toString();
            QTest::newRow(qPrintable(name + QStringLiteral(" greedy"))) << testCase << true;
            QTest::newRow(qPrintable(name + QStringLiteral(" defaults"))) << testCase << false;
        }
    }

    void groundOnEndpointMatchesTheLocalEngine()
    {
        QFETCH(QJsonObject, testCase);
        QFETCH(bool, greedy);
        QStringList common = groundArguments(testCase);
        if (greedy)
            common << QStringLiteral("--greedy");
        QString error;
        const QJsonObject local = groundJson(
                common
                        + QStringList{QStringLiteral("--model"), kTinyModel,
                                      QStringLiteral("--dtype"), QStringLiteral("float32")},
                &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // The reference's ids, so "equal to local" cannot pass by both being wrong.
        QCOMPARE(local.value(QLatin1String("token_ids")).toArray(),
                 testCase.value(greedy ? QLatin1String("generated_ids")
                                       : QLatin1String("generated_ids_rp"))
                         .toArray());
        for (const bool stream : {true, false}) {
            QStringList remoteArguments = common;
            remoteArguments << QStringLiteral("--endpoint") << m_server->url();
            if (!stream)
                remoteArguments << QStringLiteral("--no-stream");
            // Sampling defaults come from the checkpoint's generation_config.json when --model
            // is given; without it, from the one Migician ships (the fixture has the same).
            if (!greedy && stream)
                remoteArguments << QStringLiteral("--model") << kTinyModel;
            const QJsonObject remote = groundJson(remoteArguments, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            for (const char *key : {"text", "boxes", "token_ids", "prompt_tokens"})
                QVERIFY2(
                        remote.value(QLatin1String(key)) == local.value(QLatin1String(key)),
                        qPrintable(QStringLiteral("%1 (stream %2): %3 vs %4")
                                           .arg(QLatin1String(key))
                                           .arg(stream)
                                           .arg(QString::fromUtf8(QJsonDocument(remote).toJson()),
                                                QString::fromUtf8(QJsonDocument(local).toJson()))));
            const QJsonObject endpoint = remote.value(QLatin1String("endpoint")).toObject();
            QCOMPARE(endpoint.value(QLatin1String("served_model")).toString(),
                     QStringLiteral("qwen2vl-tiny"));
            QVERIFY(remote.value(QLatin1String("timings"))
                            .toObject()
                            .contains(QLatin1String("decode_ms")));
        }
    }

    void cancelMidStreamFreesTheServerAtOnce_data()
    {
        QTest::addColumn<bool>("stream");
        QTest::newRow("stream") << true;
        QTest::newRow("whole answer") << false;
    }

    void cancelMidStreamFreesTheServerAtOnce()
    {
        QFETCH(bool, stream);
        const auto before = health(m_server->port());
        migician::ui::EndpointSettings settings;
        settings.baseUrl = m_server->url().toStdString();
        settings.stream = stream;
        const migician::ui::RemoteEndpoint endpoint(settings);
        std::atomic<bool> cancel{false};
        migician::ui::RemoteCallbacks callbacks;
        callbacks.cancel = &cancel;
        std::atomic<bool> sawText{false};
        callbacks.onText = [&](const std::string &) {
            sawText = true;
        };
        // 4000 tokens take the tiny model far longer than this test waits.
        std::thread canceller([&] {
            QElapsedTimer timer;
            timer.start();
            while (!(stream ? sawText.load() : timer.elapsed() > 1500))
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            cancel = true;
        });
        bool cancelled = false;
        try {
            endpoint.ground(textRequest("Count to ten thousand.", 4000), callbacks);
        } catch (const migician::ui::RemoteError &error) {
            cancelled = error.kind() == migician::ui::RemoteErrorKind::Cancelled;
        }
        canceller.join();
        QVERIFY(cancelled);
        // The server notices the closed connection and ends that generation: the next request is
        // answered, not queued behind 4000 tokens.
        QTRY_VERIFY_WITH_TIMEOUT(health(m_server->port())["cancelled"].get<int>()
                                         == before["cancelled"].get<int>() + 1,
                                 10000);
        QCOMPARE_JSON(health(m_server->port())["running"], false);
        const auto next = endpoint.ground(textRequest("Hello", 4));
        QCOMPARE(next.finishReason, std::string("length"));
        QCOMPARE(next.result.tokenIds.size(), std::size_t(4));
    }

    void officialOpenAiClientGetsTheExpectedText()
    {
        const QString clients = QStringLiteral(MIGICIAN_SOURCE_DIR "/tests/clients");
        QVERIFY2(QFile::exists(clients + QStringLiteral("/node_modules/openai/package.json")),
                 "the openai npm package is missing: ./dev test installs it (npm ci in "
                 "tests/clients)");
        QJsonObject testCase;
        for (const auto &value : fixtureCases())
            if (value.toObject().value(QLatin1String("name")) == QLatin1String("visual_reference"))
                testCase = value.toObject();
        const QJsonArray images = testCase.value(QLatin1String("images")).toArray();
        QCOMPARE(images.size(), 2);
        const auto result = runProcess(
                QStringLiteral("node"),
                {clients + QStringLiteral("/openai_two_images.mjs"), m_server->url(),
                 QStringLiteral("qwen2vl-tiny"),
                 kTinyModel + QLatin1Char('/') + images[0].toObject().value("file").toString(),
                 kTinyModel + QLatin1Char('/') + images[1].toObject().value("file").toString(),
                 testCase.value(QLatin1String("query")).toString(),
                 QString::number(images[0].toObject().value("max_pixels").toInteger())},
                {}, 120000);
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        const QJsonObject out = QJsonDocument::fromJson(result.out).object();
        // Defaults come from generation_config.json (repetition penalty 1.05) and special tokens
        // are skipped, exactly as the reference text was decoded.
        const QString expected = testCase.value(QLatin1String("generated_text_rp")).toString();
        QCOMPARE(out.value(QLatin1String("once")).toString(), expected);
        QCOMPARE(out.value(QLatin1String("stream")).toString(), expected);
        QCOMPARE(out.value(QLatin1String("once_finish")).toString(), QStringLiteral("length"));
        QCOMPARE(out.value(QLatin1String("stream_finish")).toString(), QStringLiteral("length"));
        QCOMPARE(out.value(QLatin1String("once_usage")).toObject().value("prompt_tokens").toInt(),
                 testCase.value(QLatin1String("seq_len")).toInt());
        QCOMPARE(out.value(QLatin1String("stream_usage"))
                         .toObject()
                         .value("completion_tokens")
                         .toInt(),
                 16);
        QVERIFY(out.value(QLatin1String("chunks")).toInt() >= 3);
    }

    void sigtermCancelsTheRunningRequestAndExitsCleanly()
    {
        ServeProcess server;
        QVERIFY(server.isRunning());
        migician::ui::EndpointSettings settings;
        settings.baseUrl = server.url().toStdString();
        const migician::ui::RemoteEndpoint endpoint(settings);
        std::atomic<bool> sawText{false};
        migician::ui::RemoteCallbacks callbacks;
        callbacks.onText = [&](const std::string &) {
            sawText = true;
        };
        std::optional<migician::ui::RemoteError> failure;
        std::thread client([&] {
            try {
                endpoint.ground(textRequest("Count to ten thousand.", 4000), callbacks);
            } catch (const migician::ui::RemoteError &error) {
                failure = error;
            }
        });
        QTRY_VERIFY_WITH_TIMEOUT(sawText.load(), 30000);
        QCOMPARE(server.stop(), 0);
        client.join();
        QVERIFY(failure);
        // The running generation was cancelled and its client told why.
        QCOMPARE(failure->kind(), migician::ui::RemoteErrorKind::ServerError);
        QVERIFY2(std::string(failure->what()).find("shutting down") != std::string::npos,
                 failure->what());
        QVERIFY(server.errors().contains(QLatin1String("stopped")));
    }

    void flagsAndAddresses()
    {
        auto result = runProcess(appBinary("migician"),
                                 {QStringLiteral("serve"), QStringLiteral("--model"), kTinyModel,
                                  QStringLiteral("--host"), QStringLiteral("0.0.0.0")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(QLatin1String("--api-key-file")), qPrintable(result.err));
        result = runProcess(
                appBinary("migician"),
                {QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("70000")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains(QLatin1String("--port")));
        result = runProcess(appBinary("migician"), {QStringLiteral("serve")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains(QLatin1String("--model")));
        result = runProcess(appBinary("migician-serve"), {QStringLiteral("--help")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains("listening on http://HOST:PORT"));
        QTemporaryDir dir;
        result = runProcess(appBinary("migician-serve"),
                            {QStringLiteral("--model"), dir.path(), QStringLiteral("--dtype"),
                             QStringLiteral("float32")});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(dir.path()), qPrintable(result.err));
        // The port is taken: a clear error, not a crash.
        result = runProcess(appBinary("migician-serve"),
                            {QStringLiteral("--model"), kTinyModel, QStringLiteral("--dtype"),
                             QStringLiteral("float32"), QStringLiteral("--port"),
                             QString::number(m_server->port())});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(QLatin1String("cannot listen")), qPrintable(result.err));
    }

private:
    std::unique_ptr<ServeProcess> m_server;
};

MIGICIAN_TEST_CLASS(ServeTest)
#include "tst_serve.moc"
