// The remote client against small real HTTP servers on loopback that misbehave on purpose: every
// failure must become a RemoteError of the right kind with a useful message (and never the API
// key), busy answers are retried as Retry-After says, and cancel closes the connection at once.
#include "support/qt_test_registry.h"
#include "ui/remote_endpoint.h"

#include <QTest>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <functional>
#include <thread>

// nlohmann::json converts to too many types for QCOMPARE's overloads: compare the serialised forms.
#define QCOMPARE_JSON(actual, expected)                                                            \
    QCOMPARE(QString::fromStdString(nlohmann::json(actual).dump()),                                \
             QString::fromStdString(nlohmann::json(expected).dump()))

using namespace migician::ui;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

const char *kKey = "s3cret-key-123";

// An httplib server on a port the OS picks, serving until destroyed.
class FakeServer
{
public:
    explicit FakeServer(const std::function<void(httplib::Server &)> &routes)
    {
        routes(m_server);
        m_port = m_server.bind_to_any_port("127.0.0.1");
        m_thread = std::thread([this] { m_server.listen_after_bind(); });
        while (!m_server.is_running())
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    ~FakeServer()
    {
        m_server.stop();
        m_thread.join();
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port); }
    int port() const { return m_port; }

private:
    httplib::Server m_server;
    int m_port = 0;
    std::thread m_thread;
};

void models(httplib::Server &server)
{
    server.Get("/v1/models", [](const httplib::Request &, httplib::Response &res) {
        res.set_content(R"({"object":"list","data":[{"id":"migician"},{"id":"other"}]})",
                        "application/json");
    });
}

std::string completion(const std::string &text)
{
    return json{{"choices",
                 {{{"message", {{"role", "assistant"}, {"content", text}}},
                   {"finish_reason", "stop"}}}},
                {"usage", {{"prompt_tokens", 10}, {"completion_tokens", 3}}}}
            .dump();
}

migician::model::GroundingRequest oneImageRequest()
{
    migician::model::GroundingRequest request;
    migician::model::RgbImage image;
    image.width = 64;
    image.height = 48;
    image.pixels.assign(std::size_t(64) * 48 * 3, 128);
    request.images.push_back(image);
    request.query = "Where is it?";
    request.sampling = migician::model::SamplingOptions::greedy();
    return request;
}

EndpointSettings settingsFor(const std::string &url, bool stream = false)
{
    EndpointSettings settings;
    settings.baseUrl = url;
    settings.stream = stream;
    settings.retry.initialDelaySeconds = 0.01;
    settings.retry.maxDelaySeconds = 0.02;
    return settings;
}

// Runs `action`, returns the error it throws (fails the test when it throws none).
RemoteError errorOf(const std::function<void()> &action)
{
    try {
        action();
    } catch (const RemoteError &error) {
        return error;
    }
    return RemoteError(RemoteErrorKind::Cancelled, "NOTHING THROWN", -1);
}

} // namespace

class RemoteEndpointTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sendsImagesAsPngAndTheKeyAsBearer()
    {
        std::string seenAuthorization;
        json seenBody;
        FakeServer server([&](httplib::Server &s) {
            models(s);
            s.Post("/v1/chat/completions",
                   [&](const httplib::Request &req, httplib::Response &res) {
                       seenAuthorization = req.get_header_value("Authorization");
                       seenBody = json::parse(req.body);
                       res.set_content(completion("<|box_start|>(100,200),(300,400)<|box_end|>"),
                                       "application/json");
                   });
        });
        EndpointSettings settings = settingsFor(server.url() + "/v1");
        settings.apiKey = kKey;
        const RemoteEndpoint endpoint(settings);
        auto request = oneImageRequest();
        request.limits = {{3136, 28 * 28 * 4}};
        const auto remote = endpoint.ground(request);
        QCOMPARE(seenAuthorization, std::string("Bearer ") + kKey);
        QCOMPARE_JSON(seenBody["model"], "migician"); // the first listed model
        const std::string url = seenBody["messages"][0]["content"][0]["image_url"]["url"];
        QVERIFY(url.rfind("data:image/png;base64,iVBOR", 0) == 0); // a PNG
        QCOMPARE(remote.servedModel, std::string("migician"));
        QCOMPARE(remote.result.images.size(), std::size_t(1));
        // 64x48 under a 3136-pixel cap: smart_resize gives 56x56.
        QCOMPARE(remote.result.images[0].resized.width, 56);
        QCOMPARE(remote.result.images[0].resized.height, 56);
        QCOMPARE(remote.result.images[0].original.width, 64);
        QCOMPARE(remote.result.answer.boxes.size(), std::size_t(1));
        QCOMPARE(remote.result.promptTokens, 10);
        QVERIFY(remote.result.tokenIds.empty());
        QCOMPARE(remote.finishReason, std::string("stop"));
    }

    void httpFailuresAreTypedWithTheServersText()
    {
        FakeServer server([&](httplib::Server &s) {
            models(s);
            s.Post("/v1/chat/completions", [&](const httplib::Request &req,
                                               httplib::Response &res) {
                const std::string model = json::parse(req.body)["model"];
                const std::map<std::string, std::pair<int, std::string>> answers{
                        {"k401", {401, R"({"error":"Unauthorized"})"}},
                        {"k400", {400, R"({"error":{"message":"top_k must be -1 or positive"}})"}},
                        {"k413", {413, "Payload Too Large"}},
                        {"k500", {500, R"({"detail":"CUDA error: out of memory"})"}},
                        {"garbage", {200, "this is not json"}},
                };
                const auto it = answers.find(model);
                if (it == answers.end()) {
                    res.status = 404;
                    res.set_content(R"({"error":{"message":"The model does not exist."}})",
                                    "application/json");
                    return;
                }
                res.status = it->second.first;
                res.set_content(it->second.second, "application/json");
            });
        });
        const auto failure = [&](const std::string &model) {
            EndpointSettings settings = settingsFor(server.url());
            settings.servedModel = model;
            settings.apiKey = kKey;
            return errorOf([&] { RemoteEndpoint(settings).ground(oneImageRequest()); });
        };
        RemoteError error = failure("k401");
        QCOMPARE(error.kind(), RemoteErrorKind::Unauthorized);
        QCOMPARE(error.httpStatus(), 401);
        QVERIFY(std::string(error.what()).find(kKey) == std::string::npos);
        error = failure("k400");
        QCOMPARE(error.kind(), RemoteErrorKind::BadRequest);
        QVERIFY(std::string(error.what()).find("top_k must be -1 or positive")
                != std::string::npos);
        QCOMPARE(failure("k413").kind(), RemoteErrorKind::PayloadTooLarge);
        error = failure("k500");
        QCOMPARE(error.kind(), RemoteErrorKind::ServerError);
        QVERIFY(std::string(error.what()).find("CUDA error") != std::string::npos);
        QCOMPARE(failure("garbage").kind(), RemoteErrorKind::InvalidResponse);
        error = failure("Migician-7B");
        QCOMPARE(error.kind(), RemoteErrorKind::ModelNotFound);
        QCOMPARE(error.models(), (std::vector<std::string>{"migician", "other"}));
        QVERIFY(std::string(error.what()).find("migician, other") != std::string::npos);
    }

    void networkFailuresAreTyped()
    {
        int closedPort = 0;
        {
            FakeServer gone([](httplib::Server &) {});
            closedPort = gone.port();
        }
        EndpointSettings settings = settingsFor("http://127.0.0.1:" + std::to_string(closedPort));
        settings.servedModel = "m";
        QCOMPARE(errorOf([&] { RemoteEndpoint(settings).ground(oneImageRequest()); }).kind(),
                 RemoteErrorKind::CannotConnect);
        settings.baseUrl = "http://no-such-host.invalid:8000";
        QCOMPARE(errorOf([&] { RemoteEndpoint(settings).ground(oneImageRequest()); }).kind(),
                 RemoteErrorKind::HostNotFound);

        FakeServer plain([](httplib::Server &s) { models(s); });
        settings.baseUrl = "https://127.0.0.1:" + std::to_string(plain.port());
        QCOMPARE(errorOf([&] { RemoteEndpoint(settings).listModels(); }).kind(),
                 RemoteErrorKind::Tls);
        QCOMPARE(errorOf([&] { RemoteEndpoint(settingsFor("localhost:8000")); }).kind(),
                 RemoteErrorKind::InvalidUrl);
    }

    void idleTimeoutAndTruncatedStreams()
    {
        FakeServer server([](httplib::Server &s) {
            s.Post("/v1/chat/completions", [](const httplib::Request &req, httplib::Response &res) {
                if (json::parse(req.body)["model"] == "slow") {
                    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
                    res.set_content(completion("late"), "application/json");
                    return;
                }
                res.set_chunked_content_provider(
                        "text/event-stream", [](std::size_t, httplib::DataSink &sink) {
                            const std::string chunk
                                    = "data: {\"choices\":[{\"delta\":{\"content\":\"abc\"}}]}\n\n";
                            sink.write(chunk.data(), chunk.size());
                            sink.done(); // ends without a finish reason or [DONE]
                            return true;
                        });
            });
        });
        EndpointSettings settings = settingsFor(server.url());
        settings.servedModel = "slow";
        settings.idleTimeoutSeconds = 0.3;
        const RemoteError idle
                = errorOf([&] { RemoteEndpoint(settings).ground(oneImageRequest()); });
        QCOMPARE(idle.kind(), RemoteErrorKind::IdleTimeout);
        settings.servedModel = "cut";
        settings.stream = true;
        const RemoteError cut
                = errorOf([&] { RemoteEndpoint(settings).ground(oneImageRequest()); });
        QCOMPARE(cut.kind(), RemoteErrorKind::TruncatedStream);
    }

    void busyAnswersAreRetriedAsRetryAfterSays()
    {
        std::atomic<int> calls{0};
        FakeServer server([&](httplib::Server &s) {
            s.Post("/v1/chat/completions", [&](const httplib::Request &req,
                                               httplib::Response &res) {
                const int call = ++calls;
                const bool always = json::parse(req.body)["model"] == "always-busy";
                if (always || call <= 2) {
                    res.status = call == 1 ? 429 : 503;
                    if (!always)
                        res.set_header("Retry-After", "1");
                    res.set_content(R"({"error":{"message":"queue full"}})", "application/json");
                    return;
                }
                res.set_content(completion("done"), "application/json");
            });
        });
        EndpointSettings settings = settingsFor(server.url());
        settings.servedModel = "m";
        std::vector<double> delays;
        RemoteCallbacks callbacks;
        callbacks.onRetry = [&](int, double delay, const std::string &why) {
            delays.push_back(delay);
            QVERIFY(why.find("queue full") != std::string::npos);
        };
        const auto start = Clock::now();
        const auto remote = RemoteEndpoint(settings).ground(oneImageRequest(), callbacks);
        QCOMPARE(remote.result.text, std::string("done"));
        QCOMPARE(remote.attempts, 3);
        QCOMPARE(delays, (std::vector<double>{1.0, 1.0})); // the header, not the 0.01 s policy
        QVERIFY(Clock::now() - start >= std::chrono::seconds(2));

        settings.servedModel = "always-busy";
        settings.retry.maxAttempts = 3;
        calls = 0;
        const RemoteError busy
                = errorOf([&] { RemoteEndpoint(settings).ground(oneImageRequest()); });
        QCOMPARE(busy.kind(), RemoteErrorKind::Busy);
        QCOMPARE(calls.load(), 3);
    }

    void cancelClosesTheConnectionAtOnce()
    {
        std::atomic<bool> serverSawClose{false};
        FakeServer server([&](httplib::Server &s) {
            s.Post("/v1/chat/completions", [&](const httplib::Request &, httplib::Response &res) {
                res.set_chunked_content_provider(
                        "text/event-stream", [&](std::size_t, httplib::DataSink &sink) {
                            std::this_thread::sleep_for(std::chrono::milliseconds(50));
                            const std::string chunk
                                    = "data: {\"choices\":[{\"delta\":{\"content\":\"x\"}}]}\n\n";
                            if (!sink.write(chunk.data(), chunk.size())) {
                                serverSawClose = true;
                                return false;
                            }
                            return true; // forever
                        });
            });
        });
        EndpointSettings settings = settingsFor(server.url(), true);
        settings.servedModel = "m";
        std::atomic<bool> cancel{false};
        RemoteCallbacks callbacks;
        callbacks.cancel = &cancel;
        callbacks.onText = [&](const std::string &text) {
            if (text.size() >= 3)
                cancel = true;
        };
        const auto start = Clock::now();
        const RemoteError error
                = errorOf([&] { RemoteEndpoint(settings).ground(oneImageRequest(), callbacks); });
        QCOMPARE(error.kind(), RemoteErrorKind::Cancelled);
        QTRY_VERIFY_WITH_TIMEOUT(serverSawClose.load(), 5000);
        qInfo("cancel: %.0f ms from the request to the connection closed",
              std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }

    void apiKeyFromFileOrEnvironment()
    {
        qputenv("MIGICIAN_API_KEY", "  from-env\n");
        QCOMPARE(loadApiKey(""), std::string("from-env"));
        qunsetenv("MIGICIAN_API_KEY");
        QCOMPARE(loadApiKey(""), std::string());
        QCOMPARE(errorOf([] { loadApiKey("/nonexistent/key"); }).kind(), RemoteErrorKind::ApiKey);
    }
};

MIGICIAN_TEST_CLASS(RemoteEndpointTest)
#include "tst_remote_endpoint.moc"
