#include "chat_request.h"

#include "data_url.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>
#include <set>

namespace migician::serve {

namespace {

using nlohmann::json;

constexpr int kMaxJsonDepth = 64;
constexpr std::size_t kMaxStopStrings = 16;
constexpr const char *kDefaultSystemPrompt = "You are a helpful assistant.";

// Thrown from the parser callback to stop at absurd nesting before building it.
struct TooDeep
{
};

// The fields read below; anything else is reported as ignored.
const std::set<std::string> &knownFields()
{
    static const std::set<std::string> fields{"messages",
                                              "model",
                                              "stream",
                                              "stream_options",
                                              "temperature",
                                              "top_p",
                                              "top_k",
                                              "repetition_penalty",
                                              "max_tokens",
                                              "max_completion_tokens",
                                              "seed",
                                              "stop",
                                              "stop_token_ids",
                                              "include_stop_str_in_output",
                                              "ignore_eos",
                                              "skip_special_tokens",
                                              "return_token_ids",
                                              "mm_processor_kwargs",
                                              "n",
                                              "logprobs",
                                              "top_logprobs",
                                              "presence_penalty",
                                              "frequency_penalty",
                                              "min_p",
                                              "logit_bias",
                                              "tools",
                                              "tool_choice",
                                              "response_format",
                                              "best_of",
                                              "use_beam_search",
                                              "min_tokens",
                                              "echo",
                                              "add_generation_prompt",
                                              "continue_final_message",
                                              "chat_template",
                                              "user",
                                              "spaces_between_special_tokens",
                                              "parallel_tool_calls"};
    return fields;
}

// Reads one request object; every method returns false after filling m_error.
class Reader
{
public:
    explicit Reader(const json &object)
        : m_object(object)
    {}

    ApiError error() const { return m_error; }

    const json *field(const char *name) const
    {
        const auto it = m_object.find(name);
        // OpenAI clients send null for "not set".
        return it == m_object.end() || it->is_null() ? nullptr : &*it;
    }

    bool fail(std::string message, const char *param)
    {
        m_error = badRequest(std::move(message), param);
        return false;
    }

    bool readBool(const char *name, bool *out)
    {
        const json *value = field(name);
        if (!value)
            return true;
        if (!value->is_boolean())
            return fail(std::string("'") + name + "' must be true or false", name);
        *out = value->get<bool>();
        return true;
    }

    bool readNumber(const char *name, std::optional<double> *out, double min, double max,
                    bool minExclusive = false)
    {
        const json *value = field(name);
        if (!value)
            return true;
        if (!value->is_number())
            return fail(std::string("'") + name + "' must be a number", name);
        const double number = value->get<double>();
        if (!std::isfinite(number) || number < min || number > max
            || (minExclusive && number == min))
            return fail(std::string("'") + name + "' must be " + rangeText(min, max, minExclusive)
                                + ", not " + value->dump(),
                        name);
        *out = number;
        return true;
    }

    bool readInteger(const char *name, std::optional<std::int64_t> *out, std::int64_t min,
                     std::int64_t max)
    {
        const json *value = field(name);
        if (!value)
            return true;
        std::int64_t number = 0;
        if (!integerOf(*value, &number))
            return fail(std::string("'") + name + "' must be an integer, not " + value->dump(),
                        name);
        if (number < min || number > max)
            return fail(std::string("'") + name + "' must be between " + std::to_string(min)
                                + " and " + std::to_string(max) + ", not " + std::to_string(number),
                        name);
        *out = number;
        return true;
    }

    // Known fields this engine cannot honour: accepted only at their neutral value.
    bool refuseUnlessNeutral(const char *name, const char *why)
    {
        const json *value = field(name);
        if (!value)
            return true;
        const bool neutral = (value->is_number() && value->get<double>() == 0.0)
                             || (value->is_boolean() && !value->get<bool>())
                             || ((value->is_array() || value->is_object()) && value->empty())
                             || (value->is_string() && value->get<std::string>() == "none");
        if (neutral)
            return true;
        return fail(std::string("'") + name + "' is not supported by migician serve (" + why + ")",
                    name);
    }

    static bool integerOf(const json &value, std::int64_t *out)
    {
        if (value.is_number_integer() && !value.is_number_unsigned()) {
            *out = value.get<std::int64_t>();
            return true;
        }
        if (value.is_number_unsigned()) {
            const auto unsignedValue = value.get<std::uint64_t>();
            if (unsignedValue > std::uint64_t(std::numeric_limits<std::int64_t>::max()))
                return false;
            *out = std::int64_t(unsignedValue);
            return true;
        }
        if (value.is_number_float()) {
            // 16.0 is an integer to pydantic's lax mode, and so to vLLM.
            const double number = value.get<double>();
            if (!std::isfinite(number) || number != std::floor(number) || std::fabs(number) > 9e15)
                return false;
            *out = std::int64_t(number);
            return true;
        }
        return false;
    }

private:
    static std::string rangeText(double min, double max, bool minExclusive)
    {
        const auto text = [](double v) {
            std::string s = std::to_string(v);
            s.erase(s.find_last_not_of('0') + 1);
            if (!s.empty() && s.back() == '.')
                s.pop_back();
            return s;
        };
        if (max == std::numeric_limits<double>::max())
            return (minExclusive ? "greater than " : "at least ") + text(min);
        return std::string("between ") + text(min) + (minExclusive ? " (exclusive)" : "") + " and "
               + text(max);
    }

    const json &m_object;
    ApiError m_error;
};

// A string member of an object, or "" when it is missing or not a string (never throws).
std::string stringField(const json &object, const char *key)
{
    if (!object.is_object())
        return {};
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool textOf(const json &content, std::string *out)
{
    if (content.is_string()) {
        *out = content.get<std::string>();
        return true;
    }
    if (!content.is_array())
        return false;
    out->clear();
    for (const auto &part : content) {
        if (stringField(part, "type") != "text" || !part.contains("text")
            || !part["text"].is_string())
            return false;
        *out += part["text"].get<std::string>();
    }
    return true;
}

// The user turn: image parts (data: URLs) first, then text parts, concatenated as the chat
// template does.
bool readUserContent(const json &content, const RequestLimits &limits, ChatRequest *request,
                     ApiError *error)
{
    const auto fail = [&](std::string message) {
        *error = badRequest(std::move(message), "messages");
        return false;
    };
    if (content.is_string()) {
        request->query = content.get<std::string>();
        return true;
    }
    if (!content.is_array())
        return fail("the user message's content must be a string or a list of parts");
    bool textSeen = false;
    for (std::size_t i = 0; i < content.size(); ++i) {
        const json &part = content[i];
        const std::string where = "content part " + std::to_string(i + 1);
        if (!part.is_object() || !part.contains("type") || !part["type"].is_string())
            return fail(where + " must be an object with a \"type\"");
        const std::string type = part["type"].get<std::string>();
        if (type == "text") {
            if (!part.contains("text") || !part["text"].is_string())
                return fail(where + " (text) needs a string \"text\"");
            request->query += part["text"].get<std::string>();
            textSeen = true;
        } else if (type == "image_url") {
            if (textSeen)
                return fail(where
                            + " is an image after text: put every image before the text "
                              "(the Migician prompt is the images, then the question)");
            if (request->images.size() >= limits.maxImages)
                return fail("too many images: this server accepts at most "
                            + std::to_string(limits.maxImages) + " per request");
            const json *url = nullptr;
            if (part.contains("image_url") && part["image_url"].is_object()
                && part["image_url"].contains("url"))
                url = &part["image_url"]["url"];
            else if (part.contains("image_url"))
                url = &part["image_url"];
            if (!url || !url->is_string())
                return fail(where + " (image_url) needs {\"url\": \"data:...\"}");
            DataUrl data;
            std::string problem;
            if (!parseDataUrl(url->get_ref<const std::string &>(), &data, &problem))
                return fail("image " + std::to_string(request->images.size() + 1) + ": " + problem);
            if (!data.mediaType.empty() && data.mediaType.rfind("image/", 0) != 0)
                return fail("image " + std::to_string(request->images.size() + 1)
                            + ": the data: URL holds " + data.mediaType + ", not an image");
            request->images.push_back({data.mediaType, std::move(data.bytes)});
        } else {
            return fail(where + " has type \"" + type
                        + "\"; migician serve takes \"image_url\" (data: URLs) and \"text\" parts");
        }
    }
    return true;
}

bool readMessages(const json *messages, const RequestLimits &limits, ChatRequest *request,
                  ApiError *error)
{
    const auto fail = [&](std::string message) {
        *error = badRequest(std::move(message), "messages");
        return false;
    };
    if (!messages || !messages->is_array() || messages->empty())
        return fail("'messages' must be a non-empty list");
    std::size_t index = 0;
    const json *first = &(*messages)[0];
    if (stringField(*first, "role") == "system") {
        std::string system;
        if (!first->contains("content") || !textOf((*first)["content"], &system))
            return fail("the system message's content must be text");
        if (system != kDefaultSystemPrompt)
            return fail(std::string("custom system prompts are not supported: the Migician "
                                    "prompt uses the default one (\"")
                        + kDefaultSystemPrompt + "\"); leave the system message out");
        index = 1;
    }
    if (messages->size() != index + 1)
        return fail("migician serve answers one user turn (images, then the question); "
                    "multi-turn conversations are not supported");
    const json &user = (*messages)[index];
    if (!user.is_object() || !user.contains("role") || !user["role"].is_string())
        return fail("every message needs a \"role\"");
    if (user["role"].get<std::string>() != "user")
        return fail("the last message must come from the user, not \""
                    + user["role"].get<std::string>() + "\"");
    if (!user.contains("content") || user["content"].is_null())
        return fail("the user message has no content");
    return readUserContent(user["content"], limits, request, error);
}

bool readSampling(Reader &reader, const RequestLimits &limits, ChatRequest *request)
{
    constexpr double kHuge = std::numeric_limits<double>::max();
    if (!reader.readNumber("temperature", &request->temperature, 0.0, kHuge)
        || !reader.readNumber("top_p", &request->topP, 0.0, 1.0, true)
        || !reader.readNumber("repetition_penalty", &request->repetitionPenalty, 0.0, kHuge, true))
        return false;
    std::optional<std::int64_t> topK;
    if (!reader.readInteger("top_k", &topK, -1, std::numeric_limits<int>::max()))
        return false;
    if (topK)
        request->topK = int(*topK);
    std::optional<std::int64_t> maxTokens;
    const char *maxName
            = reader.field("max_completion_tokens") ? "max_completion_tokens" : "max_tokens";
    if (!reader.readInteger(maxName, &maxTokens, 1, std::numeric_limits<int>::max()))
        return false;
    if (maxTokens && *maxTokens > limits.maxTokens)
        return reader.fail(std::string("'") + maxName + "' is " + std::to_string(*maxTokens)
                                   + " but this server generates at most "
                                   + std::to_string(limits.maxTokens) + " tokens per request",
                           maxName);
    if (maxTokens)
        request->maxTokens = int(*maxTokens);
    if (!reader.readInteger("seed", &request->seed, std::numeric_limits<std::int64_t>::min(),
                            std::numeric_limits<std::int64_t>::max()))
        return false;

    if (const json *stop = reader.field("stop")) {
        if (stop->is_string()) {
            request->stop.push_back(stop->get<std::string>());
        } else if (stop->is_array() && stop->size() <= kMaxStopStrings) {
            for (const auto &item : *stop) {
                if (!item.is_string())
                    return reader.fail("'stop' must be a string or a list of strings", "stop");
                request->stop.push_back(item.get<std::string>());
            }
        } else {
            return reader.fail("'stop' must be a string or a list of at most "
                                       + std::to_string(kMaxStopStrings) + " strings",
                               "stop");
        }
        for (const auto &text : request->stop)
            if (text.empty())
                return reader.fail("'stop' strings must not be empty", "stop");
    }
    if (const json *ids = reader.field("stop_token_ids")) {
        if (!ids->is_array())
            return reader.fail("'stop_token_ids' must be a list of token ids", "stop_token_ids");
        for (const auto &id : *ids) {
            std::int64_t value = 0;
            if (!Reader::integerOf(id, &value) || value < 0)
                return reader.fail("'stop_token_ids' must be a list of token ids",
                                   "stop_token_ids");
            request->stopTokenIds.push_back(value);
        }
    }
    return reader.readBool("include_stop_str_in_output", &request->includeStopStrInOutput)
           && reader.readBool("ignore_eos", &request->ignoreEos)
           && reader.readBool("skip_special_tokens", &request->skipSpecialTokens)
           && reader.readBool("return_token_ids", &request->returnTokenIds);
}

bool readUnsupported(Reader &reader)
{
    if (const json *n = reader.field("n")) {
        std::int64_t value = 0;
        if (!Reader::integerOf(*n, &value) || value != 1)
            return reader.fail("'n' must be 1: migician serve returns one choice per request", "n");
    }
    if (const json *best = reader.field("best_of")) {
        std::int64_t value = 0;
        if (!Reader::integerOf(*best, &value) || value != 1)
            return reader.fail("'best_of' is not supported by migician serve", "best_of");
    }
    if (const json *format = reader.field("response_format")) {
        if (stringField(*format, "type") != "text")
            return reader.fail("'response_format' other than {\"type\": \"text\"} is not "
                               "supported by migician serve",
                               "response_format");
    }
    if (const json *prompt = reader.field("add_generation_prompt")) {
        if (!prompt->is_boolean() || !prompt->get<bool>())
            return reader.fail("'add_generation_prompt' must be true", "add_generation_prompt");
    }
    return reader.refuseUnlessNeutral("logprobs", "no log-probabilities are returned")
           && reader.refuseUnlessNeutral("top_logprobs", "no log-probabilities are returned")
           && reader.refuseUnlessNeutral("presence_penalty", "use repetition_penalty")
           && reader.refuseUnlessNeutral("frequency_penalty", "use repetition_penalty")
           && reader.refuseUnlessNeutral("min_p", "use top_p or top_k")
           && reader.refuseUnlessNeutral("logit_bias", "the sampler has no logit bias")
           && reader.refuseUnlessNeutral("tools", "no tool calling")
           && reader.refuseUnlessNeutral("tool_choice", "no tool calling")
           && reader.refuseUnlessNeutral("use_beam_search", "sampling or greedy decoding only")
           && reader.refuseUnlessNeutral("min_tokens", "generation stops at end-of-sequence")
           && reader.refuseUnlessNeutral("echo", "the prompt is not echoed")
           && reader.refuseUnlessNeutral("continue_final_message", "one user turn only")
           && reader.refuseUnlessNeutral("chat_template",
                                         "the Qwen2-VL template is built into the engine");
}

bool readPixels(Reader &reader, ChatRequest *request)
{
    const json *kwargs = reader.field("mm_processor_kwargs");
    if (!kwargs)
        return true;
    if (!kwargs->is_object())
        return reader.fail("'mm_processor_kwargs' must be an object", "mm_processor_kwargs");
    for (const auto &item : kwargs->items()) {
        std::int64_t value = 0;
        if (item.key() != "min_pixels" && item.key() != "max_pixels")
            return reader.fail("'mm_processor_kwargs' takes min_pixels and max_pixels only, not '"
                                       + item.key() + "'",
                               "mm_processor_kwargs");
        if (!Reader::integerOf(item.value(), &value) || value <= 0)
            return reader.fail("'mm_processor_kwargs." + item.key()
                                       + "' must be a positive integer",
                               "mm_processor_kwargs");
        (item.key() == "min_pixels" ? request->minPixels : request->maxPixels) = value;
    }
    if (request->minPixels && request->maxPixels && *request->minPixels > *request->maxPixels)
        return reader.fail("'mm_processor_kwargs.min_pixels' exceeds max_pixels",
                           "mm_processor_kwargs");
    return true;
}

} // namespace

namespace {

std::variant<ChatRequest, ApiError> parseDocument(std::string_view body,
                                                  const RequestLimits &limits)
{
    json document;
    try {
        document
                = json::parse(body.begin(), body.end(), [](int depth, json::parse_event_t, json &) {
                      if (depth > kMaxJsonDepth)
                          throw TooDeep{};
                      return true;
                  });
    } catch (const TooDeep &) {
        return badRequest("the request body nests deeper than " + std::to_string(kMaxJsonDepth)
                          + " levels");
    } catch (const json::exception &error) {
        return badRequest(std::string("the request body is not valid JSON: ") + error.what());
    }
    if (!document.is_object())
        return badRequest("the request body must be a JSON object");

    ChatRequest request;
    Reader reader(document);
    ApiError error;
    if (const json *model = reader.field("model")) {
        if (!model->is_string())
            return badRequest("'model' must be a string", "model");
        request.model = model->get<std::string>();
    }
    if (!reader.readBool("stream", &request.stream))
        return reader.error();
    if (const json *options = reader.field("stream_options")) {
        if (!request.stream)
            return badRequest("'stream_options' can only be given with \"stream\": true",
                              "stream_options");
        if (!options->is_object())
            return badRequest("'stream_options' must be an object", "stream_options");
        Reader optionReader(*options);
        if (!optionReader.readBool("include_usage", &request.includeUsage))
            return optionReader.error();
    }
    if (!readSampling(reader, limits, &request) || !readUnsupported(reader)
        || !readPixels(reader, &request))
        return reader.error();
    if (!readMessages(reader.field("messages"), limits, &request, &error))
        return error;
    for (const auto &item : document.items())
        if (!knownFields().count(item.key()))
            request.ignoredFields.push_back(item.key());
    return request;
}

} // namespace

std::variant<ChatRequest, ApiError> parseChatRequest(std::string_view body,
                                                     const RequestLimits &limits)
{
    try {
        return parseDocument(body, limits);
    } catch (const nlohmann::json::exception &error) {
        // Every access above checks types first; this is the net under that rule.
        return badRequest(std::string("malformed request: ") + error.what());
    }
}

} // namespace migician::serve
