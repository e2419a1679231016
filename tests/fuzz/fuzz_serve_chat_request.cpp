// Fuzz target: the body of POST /v1/chat/completions as `migician serve` receives it from the
// network (app/serve/chat_request.h). Invariants: never throws; a refusal is a 4xx ApiError with a
// message whose JSON body reads back with that message (invalid UTF-8 as U+FFFD); an accepted
// request respects every limit (images, max_tokens, stop strings, top_p, min/max pixels, media
// types) and lists as ignored only keys the body really has; tighter limits never accept what
// looser limits refuse, and refuse exactly the requests that exceed them.
#include "fuzz_support.h"

#include "serve/chat_request.h"

#include <nlohmann/json.hpp>

using namespace migician;

namespace {

void checkRefusal(const serve::ApiError &error)
{
    FUZZ_CHECK(error.status >= 400 && error.status < 500, std::to_string(error.status));
    FUZZ_CHECK(!error.message.empty(), "refusal without a message");
    FUZZ_CHECK(!error.type().empty(), "refusal without a type");
    const auto body = nlohmann::json::parse(error.body(), nullptr, false);
    FUZZ_CHECK(!body.is_discarded() && body.contains("error"), error.body());
    // A message quoting the client's invalid UTF-8 (the JSON parser's "last read") is sent with
    // U+FFFD in its place; any other message reads back unchanged.
    FUZZ_CHECK(body["error"]["message"].is_string(), error.body());
    if (fuzz::isValidUtf8(error.message))
        FUZZ_CHECK(body["error"]["message"] == error.message, error.body());
}

void checkAccepted(const serve::ChatRequest &request, const serve::RequestLimits &limits,
                   std::string_view body)
{
    FUZZ_CHECK(request.images.size() <= limits.maxImages, "more images than the limit");
    for (const auto &image : request.images)
        FUZZ_CHECK(image.mediaType.empty() || image.mediaType.rfind("image/", 0) == 0,
                   "media type " + image.mediaType);
    if (request.maxTokens)
        FUZZ_CHECK(*request.maxTokens >= 1 && *request.maxTokens <= limits.maxTokens,
                   "max_tokens " + std::to_string(*request.maxTokens));
    if (request.topP)
        FUZZ_CHECK(*request.topP >= 0 && *request.topP <= 1, "top_p");
    if (request.temperature)
        FUZZ_CHECK(*request.temperature >= 0, "temperature");
    if (request.topK)
        FUZZ_CHECK(*request.topK >= -1, "top_k");
    FUZZ_CHECK(request.stop.size() <= 16, "too many stop strings");
    if (request.minPixels && request.maxPixels)
        FUZZ_CHECK(*request.minPixels <= *request.maxPixels, "min_pixels > max_pixels");
    FUZZ_CHECK(request.includeUsage <= request.stream, "include_usage without stream");
    // Only a JSON object is accepted, and ignored fields are its own keys.
    const auto document = nlohmann::json::parse(body, nullptr, false);
    FUZZ_CHECK(!document.is_discarded() && document.is_object(), "accepted a non-object");
    for (const auto &field : request.ignoredFields)
        FUZZ_CHECK(document.contains(field), "ignored field not in the body: " + field);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view body = fuzz::asText(data, size);
    const serve::RequestLimits loose;
    const serve::RequestLimits tight{1, 16};

    const auto parsed = serve::parseChatRequest(body, loose);
    const auto strict = serve::parseChatRequest(body, tight);
    if (const auto *error = std::get_if<serve::ApiError>(&parsed)) {
        checkRefusal(*error);
        FUZZ_CHECK(std::holds_alternative<serve::ApiError>(strict),
                   "tight limits accepted what loose limits refused: " + error->message);
        checkRefusal(std::get<serve::ApiError>(strict));
        return 0;
    }
    const auto &request = std::get<serve::ChatRequest>(parsed);
    checkAccepted(request, loose, body);
    const bool exceedsTight = request.images.size() > tight.maxImages
                              || (request.maxTokens && *request.maxTokens > tight.maxTokens);
    if (const auto *error = std::get_if<serve::ApiError>(&strict)) {
        FUZZ_CHECK(exceedsTight, "tight limits refused a request within them: " + error->message);
        checkRefusal(*error);
    } else {
        FUZZ_CHECK(!exceedsTight, "tight limits accepted a request beyond them");
        const auto &again = std::get<serve::ChatRequest>(strict);
        checkAccepted(again, tight, body);
        FUZZ_CHECK(again.query == request.query && again.images.size() == request.images.size(),
                   "the limits changed what was read");
    }
    return 0;
}
