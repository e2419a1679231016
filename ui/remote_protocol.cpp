#include "ui/remote_protocol.h"

#include "model/json_text.h"
#include "model/model_error.h"

#include <nlohmann/json.hpp>

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <regex>

namespace migician::ui {

namespace {

using nlohmann::json;

[[noreturn]] void invalid(const std::string &what)
{
    throw RemoteError(RemoteErrorKind::InvalidResponse,
                      "the server's answer is not what an OpenAI-compatible server sends: " + what);
}

// Behind the engine's nesting limit: a server's answer 100,000 levels deep parses, but printing it
// (serverErrorText dumps a non-text "detail") recursed once per level and overflowed the stack
// (found while writing its fuzz target).
json parseJson(const std::string &body, const char *what)
{
    try {
        return model::parseJsonText(body, what);
    } catch (const model::ModelError &error) {
        if (error.problem().rfind("JSON is nested", 0) == 0)
            invalid(std::string(what) + " is " + error.problem());
        std::string start = body.substr(0, 120);
        invalid(std::string(what) + " is not JSON (it starts with \"" + start + "\")");
    }
}

int intOr(const json &object, const char *key, int fallback)
{
    const auto it = object.find(key);
    return it != object.end() && it->is_number_integer() ? it->get<int>() : fallback;
}

void readTokenIds(const json &choice, std::vector<model::TokenId> *out)
{
    const auto it = choice.find("token_ids");
    if (it == choice.end() || !it->is_array())
        return;
    for (const auto &id : *it)
        if (id.is_number_integer())
            out->push_back(model::TokenId(id.get<std::int64_t>()));
}

void readUsage(const json &object, CompletionAnswer *answer)
{
    const auto usage = object.find("usage");
    if (usage == object.end() || !usage->is_object())
        return;
    answer->promptTokens = intOr(*usage, "prompt_tokens", answer->promptTokens);
    answer->completionTokens = intOr(*usage, "completion_tokens", answer->completionTokens);
}

void readTimings(const json &object, CompletionAnswer *answer)
{
    const auto timings = object.find("timings");
    if (timings == object.end() || !timings->is_object() || !timings->contains("vision_ms"))
        return;
    const auto ms = [&](const char *key) {
        const auto it = timings->find(key);
        return it != timings->end() && it->is_number() ? it->get<double>() : 0.0;
    };
    model::StageTimings stages;
    stages.preprocessMs = ms("preprocess_ms");
    stages.visionMs = ms("vision_ms");
    stages.prefillMs = ms("prefill_ms");
    stages.decodeMs = ms("decode_ms");
    answer->serverTimings = stages;
}

const json &firstChoice(const json &object)
{
    const auto choices = object.find("choices");
    if (choices == object.end() || !choices->is_array() || choices->empty()
        || !(*choices)[0].is_object())
        invalid("no choices");
    return (*choices)[0];
}

} // namespace

std::string EndpointUrl::origin() const
{
    const std::string bracketed = host.find(':') != std::string::npos ? "[" + host + "]" : host;
    return scheme + "://" + bracketed + ":" + std::to_string(port);
}

std::string EndpointUrl::route(std::string_view path) const
{
    return prefix + std::string(path);
}

std::string EndpointUrl::display() const
{
    return origin() + prefix;
}

EndpointUrl parseEndpointUrl(const std::string &url)
{
    // libstdc++'s regex matcher recurses once per character: a 200,000-character URL overflowed
    // the stack (found while writing its fuzz target). No endpoint needs more than a few dozen
    // characters.
    constexpr std::size_t kMaxUrlLength = 2048;
    if (url.size() > kMaxUrlLength)
        throw RemoteError(RemoteErrorKind::InvalidUrl,
                          "the endpoint URL is " + std::to_string(url.size())
                                  + " characters long; at most " + std::to_string(kMaxUrlLength)
                                  + " are accepted");
    static const std::regex pattern(
            R"(^(https?)://(\[[0-9A-Fa-f:.]+\]|[^/:?#\[\]@\s]+)(?::(\d{1,5}))?(/[^?#\s]*)?$)",
            std::regex::icase);
    std::smatch match;
    if (!std::regex_match(url, match, pattern))
        throw RemoteError(RemoteErrorKind::InvalidUrl,
                          "\"" + url
                                  + "\" is not an endpoint URL; expected http://HOST[:PORT] or "
                                    "https://HOST[:PORT][/PATH] (user names and queries are "
                                    "not allowed)");
    EndpointUrl endpoint;
    endpoint.scheme = match[1].str();
    for (char &c : endpoint.scheme)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    endpoint.host = match[2].str();
    if (endpoint.host.front() == '[')
        endpoint.host = endpoint.host.substr(1, endpoint.host.size() - 2);
    endpoint.port = endpoint.scheme == "https" ? 443 : 80;
    if (match[3].matched) {
        endpoint.port = std::atoi(match[3].str().c_str());
        if (endpoint.port <= 0 || endpoint.port > 65535)
            throw RemoteError(RemoteErrorKind::InvalidUrl,
                              "\"" + url + "\": the port must be between 1 and 65535");
    }
    std::string path = match[4].matched ? match[4].str() : std::string();
    while (!path.empty() && path.back() == '/')
        path.pop_back();
    if (path.size() >= 3 && path.compare(path.size() - 3, 3, "/v1") == 0)
        path.resize(path.size() - 3);
    endpoint.prefix = path;
    return endpoint;
}

std::string chatRequestBody(const std::string &model, const std::vector<std::string> &imageUrls,
                            const std::string &query, const model::SamplingOptions &sampling,
                            bool stream)
{
    json content = json::array();
    for (const auto &url : imageUrls)
        content.push_back({{"type", "image_url"}, {"image_url", {{"url", url}}}});
    content.push_back({{"type", "text"}, {"text", query}});
    json body{{"model", model},
              {"messages", json::array({{{"role", "user"}, {"content", content}}})},
              // Greedy decoding is temperature 0 on the wire (vLLM, SGLang, llama.cpp agree).
              {"temperature", sampling.doSample ? sampling.temperature : 0.0},
              {"top_p", sampling.topP},
              {"top_k", sampling.topK > 0 ? sampling.topK : -1},
              {"repetition_penalty", sampling.repetitionPenalty},
              {"max_tokens", sampling.maxNewTokens},
              {"seed", std::int64_t(sampling.seed
                                    & std::uint64_t(std::numeric_limits<std::int64_t>::max()))},
              {"skip_special_tokens", false},
              {"return_token_ids", true},
              {"stream", stream}};
    if (stream)
        body["stream_options"] = {{"include_usage", true}};
    return body.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string serverErrorText(const std::string &body)
{
    const auto message = [&]() -> std::string {
        const json document = parseJson(body, "the error");
        if (!document.is_object())
            return {};
        if (const auto error = document.find("error"); error != document.end()) {
            if (error->is_string())
                return error->get<std::string>();
            if (error->is_object() && error->contains("message") && (*error)["message"].is_string())
                return (*error)["message"].get<std::string>();
        }
        for (const char *key : {"message", "detail"})
            if (const auto it = document.find(key); it != document.end())
                return it->is_string() ? it->get<std::string>() : it->dump();
        return {};
    };
    try {
        // An empty message says nothing: the body itself is shown instead.
        if (std::string text = message(); !text.empty())
            return text;
    } catch (const json::exception &) { // dump() of invalid UTF-8
    } catch (const RemoteError &) {     // not JSON
    }
    std::string text = body.substr(0, 500);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.pop_back();
    return text.empty() ? std::string("(no message)") : text;
}

std::optional<double> parseRetryAfter(const std::string &value, std::time_t now)
{
    if (value.empty())
        return std::nullopt;
    char *end = nullptr;
    const double seconds = std::strtod(value.c_str(), &end);
    if (end != value.c_str() && *end == '\0')
        return std::isfinite(seconds) && seconds >= 0 ? std::optional<double>(seconds)
                                                      : std::nullopt;
    std::tm date = {};
    const char *parsed = strptime(value.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &date);
    if (!parsed || *parsed != '\0')
        return std::nullopt;
    const std::time_t when = timegm(&date);
    return std::max(0.0, std::difftime(when, now));
}

std::vector<std::string> parseModelList(const std::string &body)
{
    const json document = parseJson(body, "the model list");
    const auto data = document.is_object() ? document.find("data") : document.end();
    if (!document.is_object() || data == document.end() || !data->is_array())
        invalid("the model list has no \"data\" array");
    std::vector<std::string> models;
    for (const auto &entry : *data)
        if (entry.is_object() && entry.contains("id") && entry["id"].is_string())
            models.push_back(entry["id"].get<std::string>());
    return models;
}

CompletionAnswer parseCompletion(const std::string &body)
{
    const json document = parseJson(body, "the completion");
    if (!document.is_object())
        invalid("the completion is not an object");
    const json &choice = firstChoice(document);
    const auto message = choice.find("message");
    if (message == choice.end() || !message->is_object())
        invalid("the choice has no message");
    CompletionAnswer answer;
    const auto content = message->find("content");
    if (content != message->end() && content->is_string())
        answer.text = content->get<std::string>();
    else if (content == message->end() || !content->is_null())
        invalid("the message's content is not text");
    if (choice.contains("finish_reason") && choice["finish_reason"].is_string())
        answer.finishReason = choice["finish_reason"].get<std::string>();
    readTokenIds(choice, &answer.tokenIds);
    readUsage(document, &answer);
    readTimings(document, &answer);
    return answer;
}

void SseParser::feed(std::string_view bytes, const std::function<void(const std::string &)> &onData)
{
    m_buffer.append(bytes);
    std::size_t start = 0;
    for (;;) {
        const std::size_t end = m_buffer.find('\n', start);
        if (end == std::string::npos)
            break;
        std::string_view text(m_buffer.data() + start, end - start);
        if (!text.empty() && text.back() == '\r')
            text.remove_suffix(1);
        line(text, onData);
        start = end + 1;
    }
    m_buffer.erase(0, start);
}

void SseParser::line(std::string_view text, const std::function<void(const std::string &)> &onData)
{
    if (text.empty()) {
        if (m_hasData)
            onData(m_data);
        m_data.clear();
        m_hasData = false;
        return;
    }
    if (text.front() == ':')
        return; // a comment (keep-alive)
    const std::size_t colon = text.find(':');
    const std::string_view field = text.substr(0, colon);
    std::string_view value
            = colon == std::string_view::npos ? std::string_view() : text.substr(colon + 1);
    if (!value.empty() && value.front() == ' ')
        value.remove_prefix(1);
    if (field == "data") {
        if (m_hasData)
            m_data += '\n';
        m_data += value;
        m_hasData = true;
    }
}

void StreamAccumulator::addEvent(const std::string &data)
{
    if (data == "[DONE]") {
        m_done = true;
        return;
    }
    const json chunk = parseJson(data, "a stream event");
    if (!chunk.is_object())
        invalid("a stream event is not an object");
    if (const auto error = chunk.find("error"); error != chunk.end()) {
        int status = 0;
        if (error->is_object())
            status = intOr(*error, "code", 0);
        throw RemoteError(RemoteErrorKind::ServerError,
                          "the server stopped the answer: " + serverErrorText(data), status);
    }
    readUsage(chunk, &m_answer);
    readTimings(chunk, &m_answer);
    const auto choices = chunk.find("choices");
    if (choices == chunk.end() || !choices->is_array())
        invalid("a stream chunk has no choices");
    if (choices->empty())
        return; // the usage chunk
    const json &choice = (*choices)[0];
    if (!choice.is_object())
        invalid("a stream choice is not an object");
    if (const auto delta = choice.find("delta"); delta != choice.end() && delta->is_object()) {
        if (const auto content = delta->find("content");
            content != delta->end() && content->is_string())
            m_answer.text += content->get<std::string>();
    }
    readTokenIds(choice, &m_answer.tokenIds);
    if (choice.contains("finish_reason") && choice["finish_reason"].is_string())
        m_answer.finishReason = choice["finish_reason"].get<std::string>();
}

} // namespace migician::ui
