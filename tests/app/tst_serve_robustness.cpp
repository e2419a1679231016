// `migician serve` under hostile and heavy use: malformed or oversized requests get the right 4xx
// and the server keeps serving; 200 requests from 8 concurrent clients end with every request
// answered or refused with 503 (none lost, no crash). Also measures what HTTP costs per request
// compared with the engine in this process (printed, not asserted: the machine is shared).
#include "serve_process.h"
#include "support/qt_test_registry.h"
#include "ui/remote_endpoint.h"

#include "model/allocator_tuning.h"
#include "model/engine.h"

#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

// nlohmann::json converts to too many types for QCOMPARE's overloads: compare the serialised forms.
#define QCOMPARE_JSON(actual, expected)                                                            \
    QCOMPARE(QString::fromStdString(nlohmann::json(actual).dump()),                                \
             QString::fromStdString(nlohmann::json(expected).dump()))

using migician::test::kTinyModel;
using migician::test::ServeProcess;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

const char *kKey = "robustness-key-42";

std::string pngDataUrl()
{
    QFile file(kTinyModel + QStringLiteral("/images/red_circle_224.png"));
    file.open(QIODevice::ReadOnly);
    return "data:image/png;base64," + file.readAll().toBase64().toStdString();
}

json chat(json content, int maxTokens = 4)
{
    return {{"messages", json::array({{{"role", "user"}, {"content", std::move(content)}}})},
            {"max_tokens", maxTokens}};
}

json imageThenText(const std::string &url)
{
    return chat(json::array({{{"type", "image_url"}, {"image_url", {{"url", url}}}},
                             {{"type", "text"}, {"text", "Where is the circle?"}}}));
}

httplib::Result post(int port, const std::string &body, const std::string &key = kKey)
{
    httplib::Client client("127.0.0.1", port);
    client.set_read_timeout(120, 0);
    client.set_write_timeout(120, 0);
    httplib::Headers headers;
    if (!key.empty())
        headers.emplace("Authorization", "Bearer " + key);
    return client.Post("/v1/chat/completions", headers, body, "application/json");
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, std::size_t(p * double(values.size())))];
}

} // namespace

class ServeRobustnessTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void badRequestsGetTheRight4xxAndTheServerKeepsServing()
    {
        QTemporaryDir dir;
        const QString keyFile = dir.filePath(QStringLiteral("key"));
        QFile file(keyFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(kKey) + '\n');
        file.close();
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        ServeProcess server({QStringLiteral("--api-key-file"), keyFile});
        QVERIFY2(server.isRunning(), qPrintable(server.errors()));
        const int port = server.port();

        json hundred = json::array();
        for (int i = 0; i < 100; ++i)
            hundred.push_back({{"type", "image_url"}, {"image_url", {{"url", pngDataUrl()}}}});
        hundred.push_back({{"type", "text"}, {"text", "q"}});
        const std::string huge
                = imageThenText("data:image/png;base64," + std::string(50u << 20, 'A')).dump();
        struct Case
        {
            const char *name;
            std::string body;
            std::string key;
            int status;
            const char *mention;
        };
        const Case cases[] = {
                {"malformed JSON", "{\"messages\": [{\"role\": \"user\",", kKey, 400,
                 "not valid JSON"},
                {"non-data URL", imageThenText("http://169.254.169.254/latest/meta-data").dump(),
                 kKey, 400, "never fetches"},
                {"not an image", imageThenText("data:image/png;base64,aGVsbG8=").dump(), kKey, 400,
                 "not a PNG or JPEG"},
                {"50 MB of base64", huge, kKey, 413, "accepts at most"},
                {"100 images", chat(hundred).dump(), kKey, 400, "at most 16"},
                {"wrong key", imageThenText(pngDataUrl()).dump(), "guess", 401, "API key"},
                {"no key", imageThenText(pngDataUrl()).dump(), "", 401, "API key"},
                {"max_tokens too large", chat("hi", 1'000'000).dump(), kKey, 400, "at most"},
        };
        for (const auto &c : cases) {
            const auto reply = post(port, c.body, c.key);
            QVERIFY2(reply, c.name);
            QVERIFY2(reply->status == c.status,
                     qPrintable(QStringLiteral("%1: %2 %3")
                                        .arg(QLatin1String(c.name))
                                        .arg(reply->status)
                                        .arg(QString::fromStdString(reply->body.substr(0, 300)))));
            const json error = json::parse(reply->body)["error"];
            QCOMPARE_JSON(error["code"], c.status);
            QVERIFY2(error["message"].get<std::string>().find(c.mention) != std::string::npos,
                     error["message"].get<std::string>().c_str());
            // ...and it still answers a good request.
            const auto good = post(port, imageThenText(pngDataUrl()).dump());
            QVERIFY(good);
            QCOMPARE(good->status, 200);
        }
        httplib::Client client("127.0.0.1", port);
        QCOMPARE(client.Get("/v1/models")->status, 401);
        QCOMPARE(client.Get("/health")->status, 200); // health needs no key
        QVERIFY(server.isRunning());
        QCOMPARE(server.stop(), 0);
        QVERIFY(!server.errors().contains(QLatin1String(kKey)));
    }

    void loadOf200RequestsFrom8ClientsLosesNone()
    {
        ServeProcess server({QStringLiteral("--queue"), QStringLiteral("4")});
        QVERIFY(server.isRunning());
        const int port = server.port();
        constexpr int kClients = 8;
        constexpr int kPerClient = 25;
        std::mutex mutex;
        std::vector<double> answeredMs;
        int answered = 0, refused = 0, other = 0, missingRetryAfter = 0;
        std::vector<std::thread> clients;
        const std::string body = imageThenText(pngDataUrl()).dump();
        for (int c = 0; c < kClients; ++c)
            clients.emplace_back([&] {
                for (int i = 0; i < kPerClient; ++i) {
                    const auto start = Clock::now();
                    const auto reply = post(port, body, "");
                    const double ms
                            = std::chrono::duration<double, std::milli>(Clock::now() - start)
                                      .count();
                    std::lock_guard<std::mutex> lock(mutex);
                    if (reply && reply->status == 200
                        && json::parse(reply->body)["usage"]["completion_tokens"] == 4) {
                        ++answered;
                        answeredMs.push_back(ms);
                    } else if (reply && reply->status == 503) {
                        ++refused;
                        missingRetryAfter += reply->has_header("Retry-After") ? 0 : 1;
                    } else {
                        ++other;
                    }
                }
            });
        for (auto &client : clients)
            client.join();
        qInfo("load: %d answered, %d refused with 503; answered latency p50 %.0f ms, p99 %.0f ms "
              "(shared machine)",
              answered, refused, percentile(answeredMs, 0.5), percentile(answeredMs, 0.99));
        QCOMPARE(other, 0);
        QCOMPARE(answered + refused, kClients * kPerClient);
        QVERIFY(answered > 0);
        QCOMPARE(missingRetryAfter, 0);
        httplib::Client client("127.0.0.1", port);
        // The server counts a job after its answer went out, so the last client can be a moment
        // ahead of /health: wait for the counters to settle (they must reach the exact numbers).
        json health = json::parse(client.Get("/health")->body);
        for (int i = 0; i < 50 && health["completed"].get<int>() != answered; ++i) {
            QThread::msleep(100);
            health = json::parse(client.Get("/health")->body);
        }
        QCOMPARE(health["completed"].get<int>(), answered);
        QCOMPARE(health["rejected"].get<int>(), refused);
        QCOMPARE(server.stop(), 0);
    }

    // Not a test of speed: prints what a request costs over HTTP on loopback next to the same
    // request on the engine in this process, and checks both give the same answer.
    void httpOverheadAgainstTheLocalEngine()
    {
        ServeProcess server;
        QVERIFY(server.isRunning());
        // As `migician serve` and `migician ground` do at start-up, so both sides run alike.
        migician::model::keepFreedMemoryForReuse();
        migician::model::EngineOptions options;
        options.modelDir = kTinyModel.toStdString();
        options.threads = 2;
        options.dtype = migician::model::DType::Float32; // as ServeProcess starts the server
        const auto engine = migician::model::Engine::load(options);
        migician::ui::EndpointSettings settings;
        settings.baseUrl = server.url().toStdString();
        settings.stream = false;
        const migician::ui::RemoteEndpoint endpoint(settings);

        migician::model::GroundingRequest request;
        QFile file(kTinyModel + QStringLiteral("/images/red_circle_224.png"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QImage image
                = QImage::fromData(file.readAll()).convertToFormat(QImage::Format_RGB888);
        migician::model::RgbImage rgb;
        rgb.width = image.width();
        rgb.height = image.height();
        for (int y = 0; y < image.height(); ++y)
            rgb.pixels.insert(rgb.pixels.end(), image.constScanLine(y),
                              image.constScanLine(y) + image.width() * 3);
        request.images = {rgb};
        request.query = "Where is the circle?";
        request.sampling = migician::model::SamplingOptions::greedy();
        request.sampling.maxNewTokens = 16;

        // Both run on one worker thread, as the engine runs in the server (and in the
        // workbench): the first OpenMP region on a new thread is much slower than the rest.
        constexpr int kRuns = 20;
        std::vector<double> localMs, remoteMs, serverMs;
        std::vector<migician::model::GroundingResult> localResults, remoteResults;
        std::thread worker([&] {
            for (int i = 0; i < kRuns + 1; ++i) {
                auto start = Clock::now();
                localResults.push_back(engine->ground(request));
                const double localTime
                        = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
                start = Clock::now();
                remoteResults.push_back(endpoint.ground(request).result);
                const double remoteTime
                        = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
                if (i == 0)
                    continue; // warm-up
                localMs.push_back(localTime);
                remoteMs.push_back(remoteTime);
                const auto &t = remoteResults.back().timings;
                serverMs.push_back(t.visionMs + t.prefillMs + t.decodeMs);
            }
        });
        worker.join();
        QCOMPARE(remoteResults.size(), localResults.size());
        for (std::size_t i = 0; i < localResults.size(); ++i) {
            QCOMPARE(remoteResults[i].tokenIds, localResults[i].tokenIds);
            QCOMPARE(remoteResults[i].text, localResults[i].text);
        }
        qInfo("overhead (tiny model, 1 image 224x224, 16 tokens, %d runs, shared machine): local "
              "engine p50 %.1f ms; over HTTP p50 %.1f ms (engine inside the server p50 %.1f ms); "
              "HTTP + PNG + JSON add p50 %.1f ms per request over the local engine, %.1f ms over "
              "the server's own engine time",
              kRuns, percentile(localMs, 0.5), percentile(remoteMs, 0.5), percentile(serverMs, 0.5),
              percentile(remoteMs, 0.5) - percentile(localMs, 0.5),
              percentile(remoteMs, 0.5) - percentile(serverMs, 0.5));
        QCOMPARE(server.stop(), 0);
    }
};

MIGICIAN_TEST_CLASS(ServeRobustnessTest)
#include "tst_serve_robustness.moc"
