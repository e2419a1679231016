// The OpenAI chat-completions wire format as the remote-endpoint client speaks it, without any
// networking: the endpoint URL, the request body, and readers for models lists, completions,
// server-sent event streams, error bodies and Retry-After. Pure functions and small value
// classes, so each is tested on its own and from any thread.
#pragma once

#include "ui/remote_error.h"

#include "model/engine.h"

#include <ctime>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace migician::ui {

struct EndpointUrl
{
    std::string scheme; // "http" or "https"
    std::string host;   // as given (an IPv6 address without brackets)
    int port = 0;
    std::string prefix; // path before /v1, without a trailing slash ("" or "/openai")

    std::string origin() const;                     // scheme://host:port, for the HTTP client
    std::string route(std::string_view path) const; // prefix + path
    std::string display() const;                    // origin + prefix, for messages
};

// Accepts http(s)://host[:port][/prefix], with or without a trailing /v1 (OpenAI clients write
// base URLs with it). Throws RemoteError(InvalidUrl).
EndpointUrl parseEndpointUrl(const std::string &url);

// One user turn: the images (PNG data URLs, in order), then the text; sampling sent explicitly
// (temperature 0 for greedy decoding), special tokens kept so <|box_start|> survives, token ids
// asked for (vLLM >= 0.10.2 and migician serve return them).
std::string chatRequestBody(const std::string &model, const std::vector<std::string> &imageUrls,
                            const std::string &query, const model::SamplingOptions &sampling,
                            bool stream);

// The message of an error response: OpenAI/vLLM {"error": {"message"}}, {"error": "..."},
// FastAPI {"detail"}, {"message"}, else the text itself (shortened).
std::string serverErrorText(const std::string &body);

// Retry-After in seconds: delta-seconds or an HTTP date; nullopt when absent or unreadable.
std::optional<double> parseRetryAfter(const std::string &value, std::time_t now);

// GET /v1/models -> the model ids in order. Throws RemoteError(InvalidResponse).
std::vector<std::string> parseModelList(const std::string &body);

struct CompletionAnswer
{
    std::string text;
    std::vector<model::TokenId> tokenIds; // empty when the server sends none
    int promptTokens = 0;
    int completionTokens = 0;
    std::string finishReason;
    std::optional<model::StageTimings> serverTimings; // migician serve's "timings"
};

// A non-streamed chat.completion body. Throws RemoteError(InvalidResponse).
CompletionAnswer parseCompletion(const std::string &body);

// Splits a server-sent event stream into the data of each event (lines starting with ':' are
// comments; several data lines are joined with newlines). Bytes may arrive in any pieces.
class SseParser
{
public:
    void feed(std::string_view bytes, const std::function<void(const std::string &)> &onData);

private:
    void line(std::string_view text, const std::function<void(const std::string &)> &onData);

    std::string m_buffer;
    std::string m_data;
    bool m_hasData = false;
};

// Builds the answer from the chunks of a stream. addEvent throws RemoteError: InvalidResponse for
// data that is not a chunk, ServerError for an error event.
class StreamAccumulator
{
public:
    void addEvent(const std::string &data);
    bool sawDone() const { return m_done; }
    bool sawFinish() const { return !m_answer.finishReason.empty(); }
    const CompletionAnswer &answer() const { return m_answer; }

private:
    CompletionAnswer m_answer;
    bool m_done = false;
};

} // namespace migician::ui
