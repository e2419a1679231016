#include "openai_server.h"

#include "chat_preparation.h"
#include "chat_response.h"
#include "connection_probe.h"
#include "generation_queue.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <arpa/inet.h>
#include <sys/socket.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <iostream>
#include <mutex>
#include <stdexcept>

namespace migician::serve {

namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

// How often a waiting handler looks at its client's connection, and how long a stream may stay
// silent before it sends an SSE comment (proxies drop idle connections after about a minute).
constexpr auto kProbeInterval = 50ms;
constexpr auto kKeepAliveInterval = 15s;

void logLine(const std::string &line)
{
    static std::mutex mutex;
    std::lock_guard<std::mutex> lock(mutex);
    std::cerr << "migician serve: " << line << std::endl;
}

void sendError(httplib::Response &res, const ApiError &error)
{
    res.status = error.status;
    res.set_content(error.body(), "application/json");
}

std::string bearerToken(const httplib::Request &req)
{
    const std::string header = req.get_header_value("Authorization");
    constexpr std::string_view prefix = "Bearer ";
    if (header.size() < prefix.size() || header.compare(0, prefix.size(), prefix) != 0)
        return {};
    return header.substr(prefix.size());
}

// What the answer looks like, read from the request before it is handed on.
struct StreamOptions
{
    bool stream = false;
    bool includeUsage = false;
    bool returnTokenIds = false;
};

} // namespace

bool isLoopbackHost(const std::string &host)
{
    if (host == "localhost" || host == "::1")
        return true;
    in_addr v4{};
    return inet_pton(AF_INET, host.c_str(), &v4) == 1 && (ntohl(v4.s_addr) >> 24) == 127;
}

bool constantTimeEquals(const std::string &expected, const std::string &given)
{
    unsigned char difference = expected.size() == given.size() ? 0 : 1;
    for (std::size_t i = 0; i < expected.size(); ++i)
        difference |= static_cast<unsigned char>(expected[i]
                                                 ^ (given.empty() ? 0 : given[i % given.size()]));
    return difference == 0;
}

struct OpenAiServer::Impl
{
    Impl(model::Engine &engine, ServerSettings settings)
        : engine(engine)
        , settings(std::move(settings))
        , queue(engine, this->settings.queueCapacity)
    {}

    void routes();
    bool authorized(const httplib::Request &req) const;
    int expectContinue(const httplib::Request &req, httplib::Response &res) const;
    // Reads the body into *body (nullptr: reads and drops it), or drains it and fills `res` with
    // 413; false when `res` is the answer.
    bool readBody(const httplib::Request &req, httplib::Response &res,
                  const httplib::ContentReader &reader, std::string *body) const;
    void handleChat(const httplib::Request &req, httplib::Response &res,
                    const httplib::ContentReader &reader);
    void answerOnce(const httplib::Request &req, httplib::Response &res,
                    const std::shared_ptr<ChatJob> &job,
                    const std::vector<model::TokenId> &promptIds, const StreamOptions &options);
    void answerStream(const httplib::Request &req, httplib::Response &res,
                      std::shared_ptr<ChatJob> job, std::vector<model::TokenId> promptIds,
                      const StreamOptions &options);
    void handleModels(const httplib::Request &req, httplib::Response &res) const;
    void handleHealth(httplib::Response &res) const;

    model::Engine &engine;
    ServerSettings settings;
    GenerationQueue queue;
    httplib::Server http;
    std::atomic<bool> stopping{false};
};

bool OpenAiServer::Impl::authorized(const httplib::Request &req) const
{
    return settings.apiKey.empty() || constantTimeEquals(settings.apiKey, bearerToken(req));
}

int OpenAiServer::Impl::expectContinue(const httplib::Request &req, httplib::Response &res) const
{
    // Refuse before the client sends the body (curl asks first for large uploads).
    if (!authorized(req)) {
        sendError(res, {401, "missing or wrong API key (send Authorization: Bearer KEY)"});
        return 401;
    }
    const auto length = std::strtoull(req.get_header_value("Content-Length").c_str(), nullptr, 10);
    if (length > settings.maxBodyBytes) {
        sendError(res, {413, "the request body is " + std::to_string(length)
                                     + " bytes; this server accepts at most "
                                     + std::to_string(settings.maxBodyBytes)});
        return 413;
    }
    return 100;
}

bool OpenAiServer::Impl::readBody(const httplib::Request &req, httplib::Response &res,
                                  const httplib::ContentReader &reader, std::string *body) const
{
    // A body over the limit is still read (and dropped) up to a few times the limit, so the
    // client gets its 413 instead of a connection reset while it is still sending.
    const std::size_t drainLimit = std::max<std::size_t>(4 * settings.maxBodyBytes, 128u << 20);
    std::size_t received = 0;
    bool complete = false;
    const auto declared
            = std::strtoull(req.get_header_value("Content-Length").c_str(), nullptr, 10);
    if (declared <= drainLimit) {
        if (body && declared <= settings.maxBodyBytes)
            body->reserve(declared);
        complete = reader([&](const char *data, std::size_t length) {
            received += length;
            if (body && received <= settings.maxBodyBytes)
                body->append(data, length);
            return received <= drainLimit;
        });
    }
    if (declared > settings.maxBodyBytes || received > settings.maxBodyBytes) {
        sendError(res, {413, "the request body is "
                                     + std::to_string(std::max<std::uint64_t>(declared, received))
                                     + " bytes; this server accepts at most "
                                     + std::to_string(settings.maxBodyBytes)
                                     + " (images are sent resized to the model's input size)"});
        if (!complete)
            res.set_header("Connection", "close");
        return false;
    }
    if (!complete) {
        sendError(res, {400, "the request body could not be read completely"});
        res.set_header("Connection", "close");
        return false;
    }
    return true;
}

void OpenAiServer::Impl::handleChat(const httplib::Request &req, httplib::Response &res,
                                    const httplib::ContentReader &reader)
{
    std::string body;
    const bool allowed = authorized(req);
    if (!readBody(req, res, reader, allowed ? &body : nullptr))
        return;
    if (!allowed)
        return sendError(res, {401, "missing or wrong API key (send Authorization: Bearer KEY)"});
    if (stopping.load())
        return sendError(res, {503, "the server is shutting down"});

    auto parsed = parseChatRequest(body, settings.request);
    body = std::string();
    if (auto *error = std::get_if<ApiError>(&parsed))
        return sendError(res, *error);
    ChatRequest &request = std::get<ChatRequest>(parsed);
    if (!request.ignoredFields.empty()) {
        std::string names;
        for (const auto &name : request.ignoredFields)
            names += (names.empty() ? "" : ", ") + name;
        logLine("ignored request fields: " + names);
    }
    if (!request.model.empty() && request.model != settings.servedModel)
        return sendError(res,
                         {404,
                          "The model `" + request.model + "` does not exist; this server serves `"
                                  + settings.servedModel + "` (GET /v1/models)",
                          "model"});
    const StreamOptions options{request.stream, request.includeUsage, request.returnTokenIds};
    auto prepared
            = prepareChat(std::move(request), engine, settings.decode, settings.request.maxTokens);
    if (auto *error = std::get_if<ApiError>(&prepared))
        return sendError(res, *error);
    PreparedChat &chat = std::get<PreparedChat>(prepared);
    auto job = std::make_shared<ChatJob>(std::move(chat.spec));
    if (!queue.submit(job)) {
        res.set_header("Retry-After", std::to_string(queue.retryAfterSeconds()));
        return sendError(res, {503, "the server is busy (" + std::to_string(settings.queueCapacity)
                                            + " requests queued); retry later"});
    }
    if (options.stream)
        answerStream(req, res, std::move(job), std::move(chat.promptIds), options);
    else
        answerOnce(req, res, job, chat.promptIds, options);
}

void OpenAiServer::Impl::answerOnce(const httplib::Request &req, httplib::Response &res,
                                    const std::shared_ptr<ChatJob> &job,
                                    const std::vector<model::TokenId> &promptIds,
                                    const StreamOptions &options)
{
    const ConnectionProbe probe = ConnectionProbe::find(req.local_addr, req.local_port,
                                                        req.remote_addr, req.remote_port);
    for (;;) {
        if (job->waitForUpdate(kProbeInterval).done)
            break;
        if (probe.peerClosed()) {
            queue.withdraw(job);
            logLine("client " + req.remote_addr + " went away; its generation was cancelled");
            res.status = 499;
            return;
        }
    }
    const ChatOutcome outcome = job->outcome();
    if (outcome.finish == FinishReason::Failed || outcome.finish == FinishReason::Cancelled) {
        if (outcome.error.status == 503)
            res.set_header("Retry-After", "5");
        return sendError(res, outcome.error);
    }
    res.set_content(completionBody(ResponseIdentity::make(settings.servedModel), outcome,
                                   options.returnTokenIds ? &promptIds : nullptr),
                    "application/json");
}

// The state a stream keeps between calls of cpp-httplib's chunked content provider.
struct StreamState
{
    std::shared_ptr<ChatJob> job;
    GenerationQueue *queue = nullptr;
    ConnectionProbe probe;
    ResponseIdentity identity;
    std::vector<model::TokenId> promptIds;
    bool includeUsage = false;
    bool returnTokenIds = false;
    bool started = false;
    bool finished = false;
    Clock::time_point lastWrite = Clock::now();

    bool write(httplib::DataSink &sink, const std::string &text)
    {
        lastWrite = Clock::now();
        return sink.write(text.data(), text.size());
    }

    // One step of the stream; false aborts it (the client is gone).
    bool pump(httplib::DataSink &sink)
    {
        if (!started) {
            started = true;
            return write(sink, firstChunk(identity, returnTokenIds ? &promptIds : nullptr));
        }
        const ChatJob::Update update = job->waitForUpdate(kProbeInterval);
        if (!update.text.empty() || (returnTokenIds && !update.tokens.empty())) {
            if (!write(sink, contentChunk(identity, update.text,
                                          returnTokenIds ? &update.tokens : nullptr)))
                return false;
        }
        if (update.done) {
            const ChatOutcome outcome = job->outcome();
            std::string tail;
            if (outcome.finish == FinishReason::Failed
                || outcome.finish == FinishReason::Cancelled) {
                tail = errorEvent(outcome.error);
            } else {
                tail = finishChunk(identity, outcome);
                if (includeUsage)
                    tail += usageChunk(identity, outcome);
            }
            tail += kSseDone;
            finished = true;
            if (!write(sink, tail))
                return false;
            sink.done();
            return true;
        }
        if (update.text.empty() && update.tokens.empty()) {
            if (probe.peerClosed())
                return false;
            if (Clock::now() - lastWrite > kKeepAliveInterval)
                return write(sink, ": keep-alive\n\n");
        }
        return true;
    }
};

void OpenAiServer::Impl::answerStream(const httplib::Request &req, httplib::Response &res,
                                      std::shared_ptr<ChatJob> job,
                                      std::vector<model::TokenId> promptIds,
                                      const StreamOptions &options)
{
    auto state = std::make_shared<StreamState>();
    state->job = std::move(job);
    state->queue = &queue;
    state->probe = ConnectionProbe::find(req.local_addr, req.local_port, req.remote_addr,
                                         req.remote_port);
    state->identity = ResponseIdentity::make(settings.servedModel);
    state->promptIds = std::move(promptIds);
    state->includeUsage = options.includeUsage;
    state->returnTokenIds = options.returnTokenIds;
    res.set_header("Cache-Control", "no-cache");
    res.set_header("X-Accel-Buffering", "no"); // nginx: pass events on at once
    const std::string remote = req.remote_addr;
    res.set_chunked_content_provider(
            "text/event-stream",
            [state](std::size_t, httplib::DataSink &sink) { return state->pump(sink); },
            [state, remote](bool) {
                // Called when the stream ends either way; a stream cut short cancels its job.
                if (!state->finished) {
                    state->queue->withdraw(state->job);
                    logLine("client " + remote
                            + " closed its stream; its generation was cancelled");
                }
            });
}

void OpenAiServer::Impl::handleModels(const httplib::Request &req, httplib::Response &res) const
{
    if (!authorized(req))
        return sendError(res, {401, "missing or wrong API key (send Authorization: Bearer KEY)"});
    const nlohmann::json model{{"id", settings.servedModel},
                               {"object", "model"},
                               {"created", ResponseIdentity::make(settings.servedModel).created},
                               {"owned_by", "migician"},
                               {"root", engine.options().modelDir},
                               {"max_model_len", engine.config().maxPositionEmbeddings}};
    res.set_content(
            nlohmann::json{{"object", "list"}, {"data", nlohmann::json::array({model})}}.dump(
                    -1, ' ', false, nlohmann::json::error_handler_t::replace),
            "application/json");
}

void OpenAiServer::Impl::handleHealth(httplib::Response &res) const
{
    const QueueStats stats = queue.stats();
    const bool down = stopping.load();
    res.status = down ? 503 : 200;
    res.set_content(nlohmann::json{{"status", down ? "shutting down" : "ok"},
                                   {"model", settings.servedModel},
                                   {"running", stats.running},
                                   {"queued", stats.queued},
                                   {"queue_capacity", stats.capacity},
                                   {"completed", stats.completed},
                                   {"cancelled", stats.cancelled},
                                   {"failed", stats.failed},
                                   {"rejected", stats.rejected}}
                            .dump(),
                    "application/json");
}

void OpenAiServer::Impl::routes()
{
    http.Post("/v1/chat/completions",
              [this](const httplib::Request &req, httplib::Response &res,
                     const httplib::ContentReader &reader) { handleChat(req, res, reader); });
    http.Get("/v1/chat/completions", [](const httplib::Request &, httplib::Response &res) {
        sendError(res, {405, "use POST for /v1/chat/completions"});
    });
    http.Get("/v1/models", [this](const httplib::Request &req, httplib::Response &res) {
        handleModels(req, res);
    });
    http.Get("/health",
             [this](const httplib::Request &, httplib::Response &res) { handleHealth(res); });
    http.set_expect_100_continue_handler(
            [this](const httplib::Request &req, httplib::Response &res) {
                return expectContinue(req, res);
            });
    http.set_error_handler([](const httplib::Request &req, httplib::Response &res) {
        if (!res.body.empty() || res.status == 499)
            return;
        sendError(res,
                  {res.status, res.status == 404 ? "no route " + req.method + " " + req.path
                                                 : "HTTP status " + std::to_string(res.status)});
    });
    http.set_exception_handler(
            [](const httplib::Request &, httplib::Response &res, std::exception_ptr error) {
                std::string what = "internal error";
                try {
                    std::rethrow_exception(error);
                } catch (const std::exception &exception) {
                    what = exception.what();
                } catch (...) {
                }
                logLine("request failed: " + what);
                sendError(res, {500, what});
            });
    http.set_logger([](const httplib::Request &req, const httplib::Response &res) {
        // Method, path and status only: never headers (they carry the API key) or bodies.
        logLine(req.remote_addr + " " + req.method + " " + req.path + " -> "
                + std::to_string(res.status));
    });
}

OpenAiServer::OpenAiServer(model::Engine &engine, ServerSettings settings)
    : d(std::make_unique<Impl>(engine, std::move(settings)))
{
    // Every queued request holds an HTTP thread while it waits; leave room for quick answers
    // (health checks, 503s) beside them.
    const std::size_t threads = d->settings.queueCapacity + 16;
    d->http.new_task_queue = [threads] {
        return new httplib::ThreadPool(threads);
    };
    // cpp-httplib's default sets SO_REUSEPORT, which lets a second server bind the same port and
    // silently share its clients; SO_REUSEADDR alone still allows a quick restart.
    d->http.set_socket_options([](socket_t socket) {
        int yes = 1;
        setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    d->http.set_keep_alive_timeout(2);
    d->http.set_keep_alive_max_count(100);
    d->routes();
}

OpenAiServer::~OpenAiServer()
{
    stop();
}

int OpenAiServer::bind()
{
    errno = 0;
    int port = d->settings.port;
    if (port == 0)
        port = d->http.bind_to_any_port(d->settings.host);
    else if (!d->http.bind_to_port(d->settings.host, port))
        port = -1;
    if (port <= 0)
        throw std::runtime_error("cannot listen on " + d->settings.host + ":"
                                 + std::to_string(d->settings.port)
                                 + (errno ? std::string(": ") + std::strerror(errno) : ""));
    return port;
}

void OpenAiServer::listen()
{
    d->http.listen_after_bind();
}

void OpenAiServer::stop()
{
    if (d->stopping.exchange(true))
        return;
    d->queue.shutdown(); // answers every waiting handler, so the HTTP threads can finish
    d->http.stop();
}

} // namespace migician::serve
