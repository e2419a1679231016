// A validated chat request -> the job the engine runs: images decoded (PNG/JPEG, limits checked
// before allocation) and resized exactly as the engine would (so it never resizes again and a
// queued request holds only model-sized pixels), sampling filled in from the checkpoint's
// generation_config.json where the request is silent, the prompt tokenized to check the context
// length. Runs on the HTTP thread; reads the engine's configs and tokenizer, which are immutable.
#pragma once

#include "api_error.h"
#include "chat_job.h"
#include "chat_request.h"
#include "image_codec.h"

#include "model/engine.h"

#include <cstdint>
#include <variant>
#include <vector>

namespace migician::serve {

struct PreparedChat
{
    ChatJobSpec spec;
    std::vector<model::TokenId> promptIds; // pads expanded, as the engine will run them
};

std::variant<PreparedChat, ApiError> prepareChat(ChatRequest request, const model::Engine &engine,
                                                 const DecodeLimits &decodeLimits,
                                                 int maxTokensLimit);

// The request's sampling fields over the checkpoint's defaults, with vLLM's meanings:
// temperature 0 is argmax, top_k 0 or -1 is no filter, a missing seed is a random one.
model::SamplingOptions samplingFor(const ChatRequest &request,
                                   const model::GenerationConfig &defaults, int maxTokensLimit);

} // namespace migician::serve
