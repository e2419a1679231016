// The request parser on its own: what vLLM accepts is accepted with the same meaning, everything
// else is a 4xx with a message that names the field.
#include "serve_test_support.h"

#include "serve/chat_request.h"
#include "serve/data_url.h"

#include <doctest/doctest.h>

using namespace migician::serve;
using migician::test::dataUrl;
using nlohmann::json;

namespace {

const std::string kPngBytes = std::string("\x89PNG\r\n\x1a\n", 8) + "rest";

json userTurn(json content)
{
    return {{"messages", json::array({{{"role", "user"}, {"content", std::move(content)}}})}};
}

json twoImages()
{
    return userTurn(
            json::array({{{"type", "image_url"}, {"image_url", {{"url", dataUrl(kPngBytes)}}}},
                         {{"type", "image_url"}, {"image_url", {{"url", dataUrl("abc")}}}},
                         {{"type", "text"}, {"text", "Where is "}},
                         {{"type", "text"}, {"text", "the cup?"}}}));
}

ChatRequest parsed(const json &body, RequestLimits limits = {})
{
    auto outcome = parseChatRequest(body.dump(), limits);
    if (auto *error = std::get_if<ApiError>(&outcome))
        FAIL("unexpected error: " << error->message);
    return std::get<ChatRequest>(outcome);
}

ApiError refused(const std::string &body, RequestLimits limits = {})
{
    auto outcome = parseChatRequest(body, limits);
    REQUIRE_MESSAGE(std::holds_alternative<ApiError>(outcome), "accepted: " << body.substr(0, 200));
    return std::get<ApiError>(outcome);
}

} // namespace

TEST_CASE("request: images in order, text parts joined, fields unset unless given")
{
    const ChatRequest request = parsed(twoImages());
    REQUIRE(request.images.size() == 2);
    CHECK(request.images[0].bytes == kPngBytes);
    CHECK(request.images[0].mediaType == "image/png");
    CHECK(request.images[1].bytes == "abc");
    CHECK(request.query == "Where is the cup?");
    CHECK_FALSE(request.stream);
    CHECK_FALSE(request.temperature);
    CHECK_FALSE(request.topK);
    CHECK_FALSE(request.maxTokens);
    CHECK_FALSE(request.seed);
    CHECK(request.skipSpecialTokens);
    CHECK(request.ignoredFields.empty());
}

TEST_CASE("request: vLLM's sampling fields and extras are read with their meaning")
{
    json body = twoImages();
    body.update({{"model", "migician"},
                 {"stream", true},
                 {"stream_options", {{"include_usage", true}}},
                 {"temperature", 0},
                 {"top_p", 0.5},
                 {"top_k", -1},
                 {"repetition_penalty", 1.05},
                 {"max_completion_tokens", 32},
                 {"seed", -7},
                 {"stop", "END"},
                 {"stop_token_ids", {151645}},
                 {"skip_special_tokens", false},
                 {"return_token_ids", true},
                 {"n", 1},
                 {"logprobs", false},
                 {"presence_penalty", 0},
                 {"user", "someone"},
                 {"mm_processor_kwargs", {{"min_pixels", 784}, {"max_pixels", 50176}}},
                 {"some_future_field", {1, 2}}});
    const ChatRequest request = parsed(body);
    CHECK(request.model == "migician");
    CHECK(request.stream);
    CHECK(request.includeUsage);
    CHECK(*request.temperature == 0.0);
    CHECK(*request.topP == 0.5);
    CHECK(*request.topK == -1);
    CHECK(*request.repetitionPenalty == doctest::Approx(1.05));
    CHECK(*request.maxTokens == 32);
    CHECK(*request.seed == -7);
    CHECK(request.stop == std::vector<std::string>{"END"});
    CHECK(request.stopTokenIds == std::vector<std::int64_t>{151645});
    CHECK_FALSE(request.skipSpecialTokens);
    CHECK(request.returnTokenIds);
    CHECK(*request.minPixels == 784);
    CHECK(*request.maxPixels == 50176);
    CHECK(request.ignoredFields == std::vector<std::string>{"some_future_field"});
}

TEST_CASE("request: the default system prompt and plain string content are accepted")
{
    json body{{"messages",
               {{{"role", "system"}, {"content", "You are a helpful assistant."}},
                {{"role", "user"}, {"content", "Hello"}}}},
              {"max_tokens", 16.0}, // an integral float is an integer, as in pydantic
              {"temperature", nullptr}};
    const ChatRequest request = parsed(body);
    CHECK(request.query == "Hello");
    CHECK(request.images.empty());
    CHECK(*request.maxTokens == 16);
    CHECK_FALSE(request.temperature);
}

TEST_CASE("request: malformed bodies and wrong types are 400s that name the problem")
{
    struct Case
    {
        std::string body;
        std::string mention;
    };
    const json valid = twoImages();
    const auto with = [&](const char *key, json value) {
        json body = valid;
        body[key] = std::move(value);
        return body.dump();
    };
    const Case cases[] = {
            {"{\"messages\": [", "not valid JSON"},
            {"", "not valid JSON"},
            {"[1, 2]", "JSON object"},
            {std::string(200, '[') + std::string(200, ']'), "nests deeper"},
            {"{}", "'messages'"},
            {with("messages", json::array()), "'messages'"},
            {with("temperature", "hot"), "'temperature' must be a number"},
            {with("temperature", -1), "'temperature'"},
            {with("top_p", 0), "'top_p'"},
            {with("top_p", 1.5), "'top_p'"},
            {with("top_k", -2), "'top_k'"},
            {with("max_tokens", 0), "'max_tokens'"},
            {with("max_tokens", 2.5), "'max_tokens' must be an integer"},
            {with("max_tokens", 100000), "at most 4096"},
            {with("seed", "7"), "'seed'"},
            {with("stream", "yes"), "'stream' must be true or false"},
            {with("stop", json::array({1})), "'stop'"},
            {with("stop", ""), "must not be empty"},
            {with("n", 2), "'n' must be 1"},
            {with("logprobs", true), "'logprobs' is not supported"},
            {with("presence_penalty", 0.5), "use repetition_penalty"},
            {with("tools", json::array({{{"type", "function"}}})), "no tool calling"},
            {with("response_format", {{"type", "json_object"}}), "'response_format'"},
            {with("mm_processor_kwargs", {{"fps", 2}}), "min_pixels and max_pixels only"},
            {with("model", 5), "'model' must be a string"},
            {json{{"messages", {{{"role", "user"}, {"content", "a"}}}},
                  {"stream_options", {{"include_usage", true}}}}
                     .dump(),
             "stream_options"},
    };
    for (const auto &c : cases) {
        const ApiError error = refused(c.body);
        INFO(c.body.substr(0, 120));
        CHECK(error.status == 400);
        CHECK_MESSAGE(error.message.find(c.mention) != std::string::npos, error.message);
        CHECK(error.body().find("\"BadRequestError\"") != std::string::npos);
    }
}

TEST_CASE("request: conversations other than one user turn of images then text are refused")
{
    const json image{{"type", "image_url"}, {"image_url", {{"url", dataUrl(kPngBytes)}}}};
    const json text{{"type", "text"}, {"text", "q"}};
    const std::pair<json, std::string> cases[] = {
            {userTurn(json::array({text, image})), "before the text"},
            {json{{"messages",
                   {{{"role", "system"}, {"content", "You are a pirate."}},
                    {{"role", "user"}, {"content", "q"}}}}},
             "custom system prompts"},
            {json{{"messages",
                   {{{"role", "user"}, {"content", "q"}},
                    {{"role", "assistant"}, {"content", "a"}},
                    {{"role", "user"}, {"content", "q2"}}}}},
             "multi-turn"},
            {json{{"messages", {{{"role", "assistant"}, {"content", "a"}}}}}, "from the user"},
            {json{{"messages", {{{"content", "a"}}}}}, "\"role\""},
            {json{{"messages", {{{"role", "user"}}}}}, "no content"},
            {userTurn(json::array({{{"type", "input_audio"}}})), "\"input_audio\""},
            {userTurn(json::array({{{"type", "image_url"}, {"image_url", {{"url", 5}}}}})),
             "image_url"},
            {userTurn(json::array({{{"type", "text"}, {"text", 5}}})), "needs a string"},
            {userTurn(json::array({5})), "must be an object"},
    };
    for (const auto &[body, mention] : cases) {
        const ApiError error = refused(body.dump());
        INFO(body.dump());
        CHECK(error.status == 400);
        CHECK_MESSAGE(error.message.find(mention) != std::string::npos, error.message);
    }
}

TEST_CASE("request: images only as data: URLs with base64 image payloads, at most the limit")
{
    const auto withUrl = [](const std::string &url) {
        return userTurn(json::array({{{"type", "image_url"}, {"image_url", {{"url", url}}}},
                                     {{"type", "text"}, {"text", "q"}}}))
                .dump();
    };
    CHECK(refused(withUrl("https://example.com/cat.png")).message.find("never fetches https:")
          != std::string::npos);
    CHECK(refused(withUrl("file:///etc/passwd")).message.find("never fetches file:")
          != std::string::npos);
    CHECK(refused(withUrl("data:image/png,rawbytes")).message.find("base64") != std::string::npos);
    CHECK(refused(withUrl("data:image/png;base64,@@@@")).message.find("not valid base64")
          != std::string::npos);
    CHECK(refused(withUrl("data:text/plain;base64,aGVsbG8=")).message.find("not an image")
          != std::string::npos);
    CHECK(refused(withUrl("data:image/png;base64")).message.find("no comma") != std::string::npos);

    json many = json::array();
    for (int i = 0; i < 100; ++i)
        many.push_back({{"type", "image_url"}, {"image_url", {{"url", dataUrl(kPngBytes)}}}});
    many.push_back({{"type", "text"}, {"text", "q"}});
    const ApiError tooMany = refused(userTurn(many).dump());
    CHECK(tooMany.status == 400);
    CHECK(tooMany.message.find("at most 16") != std::string::npos);
    RequestLimits generous;
    generous.maxImages = 100;
    CHECK(parsed(userTurn(many), generous).images.size() == 100);
}

TEST_CASE("request: strict base64")
{
    std::string out;
    CHECK(decodeBase64("aGVsbG8=", &out));
    CHECK(out == "hello");
    CHECK(decodeBase64("aGVsbG8", &out));
    CHECK(out == "hello");
    CHECK(decodeBase64("", &out));
    CHECK(out.empty());
    CHECK_FALSE(decodeBase64("aGVs bG8=", &out));
    CHECK_FALSE(decodeBase64("a", &out));
    CHECK_FALSE(decodeBase64("aGVsbG8=\n", &out));
    const std::string all = [] {
        std::string bytes;
        for (int i = 0; i < 256; ++i)
            bytes.push_back(char(i));
        return bytes;
    }();
    CHECK(decodeBase64(migician::test::base64(all), &out));
    CHECK(out == all);
}
