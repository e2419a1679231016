// The body of POST /v1/chat/completions -> a validated request, or the 4xx error to send back.
// Pure (bytes in, value out, no I/O, no engine), so a fuzz target can call it directly.
//
// Field meanings follow vLLM's OpenAI server: the OpenAI fields plus vLLM's top_k,
// repetition_penalty, skip_special_tokens, stop_token_ids, ignore_eos, include_stop_str_in_output,
// return_token_ids and mm_processor_kwargs {min_pixels, max_pixels}. A field left out stays unset
// here; the server fills it from the checkpoint's generation_config.json. Unknown fields are
// ignored (as vLLM does) and listed in `ignoredFields`; known fields this engine cannot honour
// (n > 1, logprobs, penalties other than repetition, tools, JSON modes, ...) are refused with a
// message that says so rather than silently dropped.
//
// The conversation must be what the Migician prompt is: one user turn whose content is the images
// (data: URLs only) followed by the text, with no system prompt or the model's default one.
#pragma once

#include "api_error.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace migician::serve {

struct RequestLimits
{
    std::size_t maxImages = 16;
    int maxTokens = 4096; // the most max_tokens a request may ask for
};

struct EncodedImage
{
    std::string mediaType; // as the data: URL says; the bytes are sniffed anyway
    std::string bytes;
};

struct ChatRequest
{
    std::string model; // empty: whichever model the server serves
    std::vector<EncodedImage> images;
    std::string query;

    bool stream = false;
    bool includeUsage = false; // stream_options.include_usage

    std::optional<double> temperature;
    std::optional<double> topP;
    std::optional<int> topK; // 0 or -1: no top-k filter
    std::optional<double> repetitionPenalty;
    std::optional<int> maxTokens;
    std::optional<std::int64_t> seed;
    std::vector<std::string> stop;
    std::vector<std::int64_t> stopTokenIds;
    bool includeStopStrInOutput = false;
    bool ignoreEos = false;
    bool skipSpecialTokens = true;
    bool returnTokenIds = false;
    std::optional<std::int64_t> minPixels; // mm_processor_kwargs
    std::optional<std::int64_t> maxPixels;

    std::vector<std::string> ignoredFields;
};

std::variant<ChatRequest, ApiError> parseChatRequest(std::string_view body,
                                                     const RequestLimits &limits);

} // namespace migician::serve
