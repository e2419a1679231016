// The JSON that POST /v1/chat/completions answers with, as vLLM writes it: a chat.completion
// object, or chat.completion.chunk objects sent as server-sent events ending with `data: [DONE]`.
// Besides the OpenAI fields: vLLM's `stop_reason` and (with return_token_ids) `token_ids` and
// `prompt_token_ids`, and llama.cpp-style `timings` (our engine's stage times in milliseconds).
#pragma once

#include "chat_job.h"

#include <cstdint>
#include <string>
#include <vector>

namespace migician::serve {

struct ResponseIdentity
{
    std::string id; // "chatcmpl-..."
    std::int64_t created = 0;
    std::string model;

    static ResponseIdentity make(const std::string &model);
};

std::string completionBody(const ResponseIdentity &identity, const ChatOutcome &outcome,
                           const std::vector<model::TokenId> *promptIds);

// One server-sent event: "data: <json>\n\n".
std::string sseEvent(const std::string &json);
constexpr const char *kSseDone = "data: [DONE]\n\n";

std::string firstChunk(const ResponseIdentity &identity,
                       const std::vector<model::TokenId> *promptIds);
std::string contentChunk(const ResponseIdentity &identity, const std::string &text,
                         const std::vector<model::TokenId> *tokenIds);
std::string finishChunk(const ResponseIdentity &identity, const ChatOutcome &outcome);
std::string usageChunk(const ResponseIdentity &identity, const ChatOutcome &outcome);
std::string errorEvent(const ApiError &error);

} // namespace migician::serve
