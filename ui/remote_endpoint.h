// A Migician model behind an OpenAI-compatible server (vLLM, SGLang, llama.cpp, `migician serve`)
// used like the local engine: a model::GroundingRequest in, a model::GroundingResult out.
//
// The images are resized here with the engine's own Pillow-exact smart_resize and bicubic
// resampler and sent as lossless PNG data URLs, so the server's resize is a no-op and it sees the
// pixels the local engine would (as long as its min_pixels is not above ours; every server's
// default is 3136). The request is one user message: the images in order (visual-reference crops
// are appended to GroundingRequest::images by the caller, as for the local engine), then the text.
// Sampling is the request's SamplingOptions sent explicitly (temperature 0 for greedy decoding),
// with skip_special_tokens false so <|box_start|> survives; boxes are parsed in both forms anyway.
//
// Threading contract: every method is const and may be called from several threads at once; each
// call opens its own connection. ground() blocks its thread; the cancel flag (any thread) closes
// the connection at once, and callbacks run on the calling thread. Failures throw RemoteError
// (kind + HTTP status + message). 429 and 503 are retried with exponential backoff that honours
// Retry-After, as RetryPolicy says. The API key is sent only in the Authorization header: it is
// never logged and never part of a message, a result or an export.
#pragma once

#include "ui/remote_error.h"
#include "ui/remote_protocol.h"

#include "model/engine.h"

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace migician::ui {

struct RetryPolicy
{
    int maxAttempts = 5;                 // tries in all for 429 / 503 (1: no retry)
    double initialDelaySeconds = 1.0;    // doubled after every try...
    double maxDelaySeconds = 30.0;       // ...up to this,
    double maxRetryAfterSeconds = 120.0; // unless the server's Retry-After says more (capped here)
    bool retryConnectionErrors = false;  // also retry when the connection fails before an answer

    // Seconds to wait before try number `attempt` (2, 3, ...).
    double delayBefore(int attempt, std::optional<double> retryAfter) const;
};

struct EndpointSettings
{
    std::string baseUrl;     // http(s)://host[:port][/prefix], with or without /v1
    std::string servedModel; // empty: the first model of GET /v1/models
    std::string apiKey;      // empty: none
    bool stream = true;      // server-sent events (tokens appear as they are generated)
    double connectTimeoutSeconds = 10;
    double idleTimeoutSeconds = 600; // longest silence (a 7B prefill on a CPU server is minutes)
    std::string caCertFile;          // extra CA bundle; the system's otherwise
    RetryPolicy retry;
};

// The API key from `file` (trimmed) when given, else from MIGICIAN_API_KEY, else empty.
// Throws RemoteError(ApiKey) for an unreadable or empty file.
std::string loadApiKey(const std::string &file);

// The generation_config.json that Qwen2-VL-7B-Instruct and Migician ship (do_sample with top_k 1,
// i.e. argmax, and repetition penalty 1.05), for a remote model whose checkpoint is not here.
model::GenerationConfig publishedGenerationConfig();

struct RemoteCallbacks
{
    std::function<void(const std::string &textSoFar)> onText;
    // Before waiting to retry: the try about to be made, the wait, and why.
    std::function<void(int attempt, double delaySeconds, const std::string &why)> onRetry;
    const std::atomic<bool> *cancel = nullptr;
};

struct RemoteGroundingResult
{
    model::GroundingResult result; // prompt empty; token ids empty when the server sends none
    std::string servedModel;
    std::string finishReason;
    double requestMs = 0; // from sending the request to the end of the answer
    int attempts = 1;
    bool serverTimings = false; // result.timings' stages come from the server (migician serve)
};

class RemoteEndpoint
{
public:
    // Throws RemoteError(InvalidUrl).
    explicit RemoteEndpoint(EndpointSettings settings);
    ~RemoteEndpoint();

    const EndpointSettings &settings() const { return m_settings; }
    const EndpointUrl &url() const { return m_url; }

    // GET /v1/models.
    std::vector<std::string> listModels(const std::atomic<bool> *cancel = nullptr) const;
    // The served model name: the configured one, else the first the server lists (asked once).
    std::string servedModel(const std::atomic<bool> *cancel = nullptr) const;

    RemoteGroundingResult ground(const model::GroundingRequest &request,
                                 const RemoteCallbacks &callbacks = {}) const;

    // The images as they are sent: resized with smart_resize + Pillow bicubic, PNG data URLs.
    static std::vector<std::string> imageDataUrls(const model::GroundingRequest &request,
                                                  std::vector<model::ImageInput> *inputs);

    struct Exchange;

private:
    EndpointSettings m_settings;
    EndpointUrl m_url;
    mutable std::mutex m_modelMutex;
    mutable std::string m_resolvedModel;
};

} // namespace migician::ui
