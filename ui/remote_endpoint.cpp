#include "ui/remote_endpoint.h"

#include "ui/image_decoder.h"

#include "model/image_preprocess.h"

#include <QBuffer>
#include <QByteArray>
#include <QImage>

#include <httplib.h>

#include <netdb.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

namespace migician::ui {

namespace {

using Clock = std::chrono::steady_clock;

double millisecondsSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

bool cancelled(const std::atomic<bool> *cancel)
{
    return cancel && cancel->load();
}

[[noreturn]] void throwCancelled()
{
    throw RemoteError(RemoteErrorKind::Cancelled, "cancelled");
}

// Waits, waking often enough that a cancel is noticed at once.
void sleepUnlessCancelled(double seconds, const std::atomic<bool> *cancel)
{
    const auto until = Clock::now() + std::chrono::duration<double>(seconds);
    while (Clock::now() < until) {
        if (cancelled(cancel))
            throwCancelled();
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

// Calls `stop` when the cancel flag is raised, until destroyed.
class CancelWatcher
{
public:
    CancelWatcher(const std::atomic<bool> *cancel, std::function<void()> stop)
    {
        if (!cancel)
            return;
        m_thread = std::thread([this, cancel, stop = std::move(stop)] {
            std::unique_lock<std::mutex> lock(m_mutex);
            while (!m_finished) {
                if (cancel->load()) {
                    stop();
                    return;
                }
                m_wake.wait_for(lock, std::chrono::milliseconds(10));
            }
        });
    }
    ~CancelWatcher()
    {
        if (!m_thread.joinable())
            return;
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_finished = true;
        }
        m_wake.notify_all();
        m_thread.join();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_finished = false;
    std::thread m_thread;
};

std::string trimmed(std::string text)
{
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.pop_back();
    std::size_t start = 0;
    while (start < text.size() && std::isspace(static_cast<unsigned char>(text[start])))
        ++start;
    return text.substr(start);
}

std::string pngDataUrl(const model::RgbImage &image)
{
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (!toQImage(image).save(&buffer, "PNG"))
        throw RemoteError(RemoteErrorKind::BadRequest, "could not encode an image as PNG");
    return "data:image/png;base64," + png.toBase64().toStdString();
}

} // namespace

double RetryPolicy::delayBefore(int attempt, std::optional<double> retryAfter) const
{
    if (retryAfter)
        return std::min(*retryAfter, maxRetryAfterSeconds);
    return std::min(maxDelaySeconds, initialDelaySeconds * std::pow(2.0, std::max(0, attempt - 2)));
}

model::GenerationConfig publishedGenerationConfig()
{
    model::GenerationConfig config;
    config.doSample = true;
    config.temperature = 0.1;
    config.topP = 0.001;
    config.topK = 1;
    config.repetitionPenalty = 1.05;
    config.eosTokenIds = {151645, 151643};
    config.padTokenId = 151643;
    return config;
}

std::string loadApiKey(const std::string &file)
{
    if (file.empty()) {
        const char *environment = std::getenv("MIGICIAN_API_KEY");
        return environment ? trimmed(environment) : std::string();
    }
    std::ifstream stream(file, std::ios::binary);
    if (!stream)
        throw RemoteError(RemoteErrorKind::ApiKey, file + ": cannot read the API key file");
    std::stringstream text;
    text << stream.rdbuf();
    const std::string key = trimmed(text.str());
    if (key.empty())
        throw RemoteError(RemoteErrorKind::ApiKey, file + ": the API key file is empty");
    return key;
}

// One HTTP request and its answer, with the timeouts, certificate checks and cancellation of
// the endpoint's settings.
struct RemoteEndpoint::Exchange
{
    int status = 0;
    std::string contentType;
    std::string retryAfter;
    std::string body; // when `onOk` did not take it (errors, non-streamed answers)

    // onOk receives the body of a 200 event-stream answer piece by piece (false stops reading).
    static Exchange
    run(const EndpointSettings &settings, const EndpointUrl &url, const std::string &method,
        const std::string &path, const std::string *body, const std::atomic<bool> *cancel,
        const std::function<bool(const Exchange &, const char *, std::size_t)> &onOk = {});
};

RemoteEndpoint::Exchange RemoteEndpoint::Exchange::run(
        const EndpointSettings &settings, const EndpointUrl &url, const std::string &method,
        const std::string &path, const std::string *body, const std::atomic<bool> *cancel,
        const std::function<bool(const Exchange &, const char *, std::size_t)> &onOk)
{
    constexpr std::size_t kMaxBody = 64u << 20;
    if (cancelled(cancel))
        throwCancelled();
    httplib::Client client(url.origin());
    const auto seconds = [](double value) {
        return std::chrono::duration<double>(value);
    };
    client.set_connection_timeout(std::chrono::duration_cast<std::chrono::microseconds>(
            seconds(settings.connectTimeoutSeconds)));
    client.set_read_timeout(std::chrono::duration_cast<std::chrono::microseconds>(
            seconds(settings.idleTimeoutSeconds)));
    client.set_write_timeout(std::chrono::duration_cast<std::chrono::microseconds>(
            seconds(std::max(30.0, settings.idleTimeoutSeconds))));
    client.set_keep_alive(false);
    if (url.scheme == "https") {
        client.enable_server_certificate_verification(true);
        if (!settings.caCertFile.empty())
            client.set_ca_cert_path(settings.caCertFile);
    }

    Exchange exchange;
    httplib::Request request;
    request.method = method;
    request.path = path;
    request.headers = {{"Accept", "application/json, text/event-stream"}};
    if (!settings.apiKey.empty())
        request.headers.emplace("Authorization", "Bearer " + settings.apiKey);
    if (body) {
        request.headers.emplace("Content-Type", "application/json");
        request.body = *body;
    }
    bool stoppedByUs = false;
    auto lastActivity = Clock::now();
    request.response_handler = [&](const httplib::Response &response) {
        lastActivity = Clock::now();
        exchange.status = response.status;
        exchange.contentType = response.get_header_value("Content-Type");
        exchange.retryAfter = response.get_header_value("Retry-After");
        return true;
    };
    request.content_receiver
            = [&](const char *data, std::size_t length, std::uint64_t, std::uint64_t) {
                  if (cancelled(cancel))
                      return false;
                  lastActivity = Clock::now();
                  // A server may answer a stream request with plain JSON: that is kept whole in
                  // `body`.
                  if (exchange.status == 200 && onOk
                      && exchange.contentType.rfind("text/event-stream", 0) == 0) {
                      const bool more = onOk(exchange, data, length);
                      stoppedByUs = !more;
                      return more;
                  }
                  if (exchange.body.size() + length > kMaxBody)
                      return false; // no chat answer is this large
                  exchange.body.append(data, length);
                  return true;
              };

    httplib::Response response;
    httplib::Error error = httplib::Error::Success;
    bool ok = false;
    {
        CancelWatcher watcher(cancel, [&client] { client.stop(); });
        ok = client.send(request, response, error);
    }
    if (cancelled(cancel))
        throwCancelled();
    if (ok || stoppedByUs)
        return exchange;

    const std::string where = url.display();
    switch (error) {
    case httplib::Error::Connection: {
        addrinfo *found = nullptr;
        const int resolved = getaddrinfo(url.host.c_str(), nullptr, nullptr, &found);
        if (found)
            freeaddrinfo(found);
        if (resolved != 0)
            throw RemoteError(RemoteErrorKind::HostNotFound,
                              "cannot resolve the host name \"" + url.host
                                      + "\": " + gai_strerror(resolved));
        throw RemoteError(RemoteErrorKind::CannotConnect,
                          "cannot connect to " + where
                                  + ": connection refused or host unreachable (is the server "
                                    "running and listening on that address?)");
    }
    case httplib::Error::ConnectionTimeout:
        throw RemoteError(RemoteErrorKind::ConnectTimeout,
                          "no connection to " + where + " within "
                                  + std::to_string(int(settings.connectTimeoutSeconds))
                                  + " s (connect timeout)");
    case httplib::Error::SSLConnection:
        throw RemoteError(RemoteErrorKind::Tls,
                          "the TLS handshake with " + where + " failed (is it really https?)");
    case httplib::Error::SSLLoadingCerts:
        throw RemoteError(RemoteErrorKind::Tls,
                          "cannot load the CA certificates"
                                  + (settings.caCertFile.empty() ? std::string()
                                                                 : " from " + settings.caCertFile));
    case httplib::Error::SSLServerVerification:
        throw RemoteError(RemoteErrorKind::Tls,
                          "the certificate of " + where
                                  + " could not be verified (self-signed or for another host name; "
                                    "give its CA with the CA certificate setting)");
    case httplib::Error::Read:
        if (millisecondsSince(lastActivity) >= settings.idleTimeoutSeconds * 1000 - 50)
            throw RemoteError(RemoteErrorKind::IdleTimeout,
                              where + " sent nothing for "
                                      + std::to_string(int(settings.idleTimeoutSeconds))
                                      + " s (idle timeout)",
                              exchange.status);
        [[fallthrough]];
    default:
        throw RemoteError(exchange.status == 200 ? RemoteErrorKind::TruncatedStream
                                                 : RemoteErrorKind::ConnectionLost,
                          "the connection to " + where + " broke off (" + httplib::to_string(error)
                                  + (exchange.status ? ") after the server's answer began"
                                                     : ") before the server answered"),
                          exchange.status);
    }
}

RemoteEndpoint::RemoteEndpoint(EndpointSettings settings)
    : m_settings(std::move(settings))
    , m_url(parseEndpointUrl(m_settings.baseUrl))
{
    m_resolvedModel = m_settings.servedModel;
}

RemoteEndpoint::~RemoteEndpoint() = default;

namespace {

// A non-200 answer as a RemoteError (429 and 503 only once the retries are used up).
[[noreturn]] void throwForStatus(const RemoteEndpoint &endpoint, int status,
                                 const std::string &body, const std::string &model,
                                 const std::atomic<bool> *cancel)
{
    const std::string text = serverErrorText(body);
    const std::string where = endpoint.url().display();
    switch (status) {
    case 401:
    case 403:
        throw RemoteError(RemoteErrorKind::Unauthorized,
                          where + " refused the API key (" + std::to_string(status) + ": " + text
                                  + "); set MIGICIAN_API_KEY or give the key file",
                          status);
    case 404: {
        std::vector<std::string> models;
        try {
            models = endpoint.listModels(cancel);
        } catch (const RemoteError &) {
            throw RemoteError(RemoteErrorKind::NotFound,
                              "no OpenAI-compatible API at " + where + " (404: " + text + ")",
                              status);
        }
        if (std::find(models.begin(), models.end(), model) == models.end()) {
            std::string list;
            for (const auto &name : models)
                list += (list.empty() ? "" : ", ") + name;
            throw RemoteError(RemoteErrorKind::ModelNotFound,
                              "the server at " + where + " has no model \"" + model
                                      + "\"; it serves: " + (list.empty() ? "(none)" : list),
                              status, models);
        }
        throw RemoteError(RemoteErrorKind::NotFound, where + " answered 404: " + text, status);
    }
    case 400:
    case 422:
        throw RemoteError(RemoteErrorKind::BadRequest,
                          "the server rejected the request (" + std::to_string(status)
                                  + "): " + text,
                          status);
    case 413:
        throw RemoteError(RemoteErrorKind::PayloadTooLarge,
                          "the server refused the request as too large (413: " + text
                                  + "); use fewer or smaller images (max pixels)",
                          status);
    case 429:
    case 503:
        throw RemoteError(RemoteErrorKind::Busy,
                          where + " is busy (" + std::to_string(status) + ": " + text
                                  + ") and stayed so through every retry",
                          status);
    default:
        throw RemoteError(status >= 500 ? RemoteErrorKind::ServerError
                                        : RemoteErrorKind::InvalidResponse,
                          where + " answered " + std::to_string(status) + ": " + text, status);
    }
}

} // namespace

std::vector<std::string> RemoteEndpoint::listModels(const std::atomic<bool> *cancel) const
{
    const Exchange exchange
            = Exchange::run(m_settings, m_url, "GET", m_url.route("/v1/models"), nullptr, cancel);
    if (exchange.status != 200) {
        if (exchange.status == 401 || exchange.status == 403)
            throwForStatus(*this, exchange.status, exchange.body, {}, cancel);
        throw RemoteError(
                exchange.status == 404 ? RemoteErrorKind::NotFound : RemoteErrorKind::ServerError,
                "GET " + m_url.display() + "/v1/models answered " + std::to_string(exchange.status)
                        + ": " + serverErrorText(exchange.body),
                exchange.status);
    }
    return parseModelList(exchange.body);
}

std::string RemoteEndpoint::servedModel(const std::atomic<bool> *cancel) const
{
    {
        std::lock_guard<std::mutex> lock(m_modelMutex);
        if (!m_resolvedModel.empty())
            return m_resolvedModel;
    }
    const std::vector<std::string> models = listModels(cancel);
    if (models.empty())
        throw RemoteError(RemoteErrorKind::ModelNotFound,
                          "the server at " + m_url.display() + " lists no models", 0, models);
    std::lock_guard<std::mutex> lock(m_modelMutex);
    m_resolvedModel = models.front();
    return m_resolvedModel;
}

std::vector<std::string> RemoteEndpoint::imageDataUrls(const model::GroundingRequest &request,
                                                       std::vector<model::ImageInput> *inputs)
{
    std::vector<std::string> urls;
    for (std::size_t i = 0; i < request.images.size(); ++i) {
        const model::RgbImage &image = request.images[i];
        const model::ResizeLimits limits
                = request.limits.empty() ? model::ResizeLimits{} : request.limits.at(i);
        model::ImageSize size;
        try {
            size = model::smartResize(image.height, image.width, limits);
        } catch (const std::exception &error) {
            throw RemoteError(RemoteErrorKind::BadRequest,
                              "image " + std::to_string(i + 1) + ": " + error.what());
        }
        urls.push_back(pngDataUrl(model::resizeBicubic(image, size.width, size.height)));
        if (inputs) {
            model::ImageInput input;
            input.original = {image.height, image.width};
            input.resized = size;
            input.gridH = size.height / 14;
            input.gridW = size.width / 14;
            input.tokens = input.gridH * input.gridW / 4;
            inputs->push_back(input);
        }
    }
    return urls;
}

RemoteGroundingResult RemoteEndpoint::ground(const model::GroundingRequest &request,
                                             const RemoteCallbacks &callbacks) const
{
    RemoteGroundingResult remote;
    model::GroundingResult &result = remote.result;
    const auto start = Clock::now();
    const std::vector<std::string> urls = imageDataUrls(request, &result.images);
    result.timings.preprocessMs = millisecondsSince(start);
    remote.servedModel = servedModel(callbacks.cancel);
    const std::string body = chatRequestBody(remote.servedModel, urls, request.query,
                                             request.sampling, m_settings.stream);

    CompletionAnswer answer;
    const auto requestStart = Clock::now();
    for (int attempt = 1;; ++attempt) {
        remote.attempts = attempt;
        SseParser parser;
        StreamAccumulator stream;
        bool streamed = false;
        std::optional<RemoteError> streamError;
        const auto onOk = [&](const Exchange &, const char *data, std::size_t length) {
            streamed = true;
            try {
                parser.feed(std::string_view(data, length), [&](const std::string &event) {
                    const std::size_t before = stream.answer().text.size();
                    stream.addEvent(event);
                    if (callbacks.onText && stream.answer().text.size() != before)
                        callbacks.onText(stream.answer().text);
                });
            } catch (const RemoteError &error) {
                streamError = error;
                return false;
            }
            return !stream.sawDone();
        };
        std::optional<Exchange> exchange;
        try {
            exchange = Exchange::run(
                    m_settings, m_url, "POST", m_url.route("/v1/chat/completions"), &body,
                    callbacks.cancel,
                    m_settings.stream
                            ? std::function<bool(const Exchange &, const char *, std::size_t)>(onOk)
                            : nullptr);
        } catch (const RemoteError &error) {
            const bool beforeAnswer = error.kind() == RemoteErrorKind::CannotConnect
                                      || error.kind() == RemoteErrorKind::ConnectTimeout
                                      || (error.kind() == RemoteErrorKind::ConnectionLost
                                          && error.httpStatus() == 0);
            if (!(m_settings.retry.retryConnectionErrors && beforeAnswer
                  && attempt < m_settings.retry.maxAttempts))
                throw;
            const double delay = m_settings.retry.delayBefore(attempt + 1, std::nullopt);
            if (callbacks.onRetry)
                callbacks.onRetry(attempt + 1, delay, error.what());
            sleepUnlessCancelled(delay, callbacks.cancel);
            continue;
        }
        if (streamError)
            throw *streamError;
        if (exchange->status == 429 || exchange->status == 503) {
            if (attempt < m_settings.retry.maxAttempts) {
                const double delay = m_settings.retry.delayBefore(
                        attempt + 1, parseRetryAfter(exchange->retryAfter, std::time(nullptr)));
                if (callbacks.onRetry)
                    callbacks.onRetry(attempt + 1, delay,
                                      std::to_string(exchange->status) + ": "
                                              + serverErrorText(exchange->body));
                sleepUnlessCancelled(delay, callbacks.cancel);
                continue;
            }
        }
        if (exchange->status != 200)
            throwForStatus(*this, exchange->status, exchange->body, remote.servedModel,
                           callbacks.cancel);
        if (streamed) {
            if (!stream.sawDone() && !stream.sawFinish())
                throw RemoteError(RemoteErrorKind::TruncatedStream,
                                  "the answer from " + m_url.display()
                                          + " ended before the stream was complete (no [DONE]); "
                                            "the server may have crashed or been stopped",
                                  200);
            answer = stream.answer();
        } else {
            answer = parseCompletion(exchange->body);
            if (callbacks.onText)
                callbacks.onText(answer.text);
        }
        break;
    }
    remote.requestMs = millisecondsSince(requestStart);
    remote.finishReason = answer.finishReason;
    result.text = answer.text;
    result.tokenIds = answer.tokenIds;
    result.promptTokens = answer.promptTokens;
    if (answer.serverTimings) {
        remote.serverTimings = true;
        const double preprocessMs = result.timings.preprocessMs;
        result.timings = *answer.serverTimings;
        result.timings.preprocessMs += preprocessMs;
    }
    result.timings.decodeSteps = answer.completionTokens;
    result.plainText = std::regex_replace(result.text, std::regex(R"(<\|[a-z_]+\|>)"), "");
    result.answer = model::parseAnswer(result.text, int(request.images.size()));
    return remote;
}

} // namespace migician::ui
