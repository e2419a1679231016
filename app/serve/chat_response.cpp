#include "chat_response.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <random>

namespace migician::serve {

namespace {

using nlohmann::json;

std::string dump(const json &value)
{
    // Invalid UTF-8 cannot occur in decoded text (the tokenizer replaces it), but never throw.
    return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

json usageJson(const ChatOutcome &outcome)
{
    const int completion = int(outcome.tokenIds.size());
    return {{"prompt_tokens", outcome.promptTokens},
            {"completion_tokens", completion},
            {"total_tokens", outcome.promptTokens + completion}};
}

json timingsJson(const ChatOutcome &outcome)
{
    return {{"preprocess_ms", outcome.timings.preprocessMs},
            {"vision_ms", outcome.timings.visionMs},
            {"prefill_ms", outcome.timings.prefillMs},
            {"decode_ms", outcome.timings.decodeMs}};
}

json stopReason(const ChatOutcome &outcome)
{
    if (outcome.stopString)
        return *outcome.stopString;
    if (outcome.stopToken)
        return *outcome.stopToken;
    return nullptr;
}

json chunk(const ResponseIdentity &identity, json choice)
{
    return {{"id", identity.id},
            {"object", "chat.completion.chunk"},
            {"created", identity.created},
            {"model", identity.model},
            {"choices", json::array({std::move(choice)})}};
}

} // namespace

ResponseIdentity ResponseIdentity::make(const std::string &model)
{
    static thread_local std::mt19937_64 random{std::random_device{}()};
    char hex[33];
    std::snprintf(hex, sizeof hex, "%016llx%016llx", static_cast<unsigned long long>(random()),
                  static_cast<unsigned long long>(random()));
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    return {std::string("chatcmpl-") + hex,
            std::int64_t(std::chrono::duration_cast<std::chrono::seconds>(now).count()), model};
}

std::string completionBody(const ResponseIdentity &identity, const ChatOutcome &outcome,
                           const std::vector<model::TokenId> *promptIds)
{
    json choice{{"index", 0},
                {"message", {{"role", "assistant"}, {"content", outcome.text}}},
                {"logprobs", nullptr},
                {"finish_reason", finishReasonName(outcome.finish)},
                {"stop_reason", stopReason(outcome)}};
    if (promptIds)
        choice["token_ids"] = outcome.tokenIds;
    json body{{"id", identity.id},
              {"object", "chat.completion"},
              {"created", identity.created},
              {"model", identity.model},
              {"choices", json::array({choice})},
              {"usage", usageJson(outcome)},
              {"timings", timingsJson(outcome)}};
    if (promptIds)
        body["prompt_token_ids"] = *promptIds;
    return dump(body);
}

std::string sseEvent(const std::string &json)
{
    return "data: " + json + "\n\n";
}

std::string firstChunk(const ResponseIdentity &identity,
                       const std::vector<model::TokenId> *promptIds)
{
    json message = chunk(identity, {{"index", 0},
                                    {"delta", {{"role", "assistant"}, {"content", ""}}},
                                    {"logprobs", nullptr},
                                    {"finish_reason", nullptr}});
    if (promptIds)
        message["prompt_token_ids"] = *promptIds;
    return sseEvent(dump(message));
}

std::string contentChunk(const ResponseIdentity &identity, const std::string &text,
                         const std::vector<model::TokenId> *tokenIds)
{
    json choice{{"index", 0},
                {"delta", {{"content", text}}},
                {"logprobs", nullptr},
                {"finish_reason", nullptr}};
    if (tokenIds)
        choice["token_ids"] = *tokenIds;
    return sseEvent(dump(chunk(identity, std::move(choice))));
}

std::string finishChunk(const ResponseIdentity &identity, const ChatOutcome &outcome)
{
    json message = chunk(identity, {{"index", 0},
                                    {"delta", json::object()},
                                    {"logprobs", nullptr},
                                    {"finish_reason", finishReasonName(outcome.finish)},
                                    {"stop_reason", stopReason(outcome)}});
    message["timings"] = timingsJson(outcome);
    return sseEvent(dump(message));
}

std::string usageChunk(const ResponseIdentity &identity, const ChatOutcome &outcome)
{
    return sseEvent(dump({{"id", identity.id},
                          {"object", "chat.completion.chunk"},
                          {"created", identity.created},
                          {"model", identity.model},
                          {"choices", json::array()},
                          {"usage", usageJson(outcome)}}));
}

std::string errorEvent(const ApiError &error)
{
    return sseEvent(error.body());
}

} // namespace migician::serve
