// The remote client's wire format without a network: endpoint URLs, the request body, and the
// readers for completions, event streams, error bodies and Retry-After.
#include "support/qt_test_registry.h"
#include "ui/remote_endpoint.h"
#include "ui/remote_protocol.h"

#include "model/answer_parser.h"

#include <QTest>

#include <nlohmann/json.hpp>

// nlohmann::json converts to too many types for QCOMPARE's overloads: compare the serialised forms.
#define QCOMPARE_JSON(actual, expected)                                                            \
    QCOMPARE(QString::fromStdString(nlohmann::json(actual).dump()),                                \
             QString::fromStdString(nlohmann::json(expected).dump()))

using namespace migician::ui;
using nlohmann::json;

namespace {

RemoteErrorKind kindOf(const std::function<void()> &action)
{
    try {
        action();
    } catch (const RemoteError &error) {
        return error.kind();
    }
    return RemoteErrorKind::Cancelled; // "nothing thrown" never equals the kinds asserted below
}

} // namespace

class RemoteProtocolTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void endpointUrls()
    {
        const EndpointUrl plain = parseEndpointUrl("http://127.0.0.1:8000");
        QCOMPARE(plain.origin(), std::string("http://127.0.0.1:8000"));
        QCOMPARE(plain.route("/v1/models"), std::string("/v1/models"));
        const EndpointUrl withV1 = parseEndpointUrl("HTTPS://gpu.example.org/v1/");
        QCOMPARE(withV1.scheme, std::string("https"));
        QCOMPARE(withV1.port, 443);
        QCOMPARE(withV1.prefix, std::string());
        const EndpointUrl prefixed = parseEndpointUrl("http://[::1]:9000/team/openai/v1");
        QCOMPARE(prefixed.host, std::string("::1"));
        QCOMPARE(prefixed.origin(), std::string("http://[::1]:9000"));
        QCOMPARE(prefixed.route("/v1/chat/completions"),
                 std::string("/team/openai/v1/chat/completions"));
        for (const char *bad : {"ftp://host", "localhost:8000", "http://user:pw@host",
                                "http://host:99999", "http://host/?q=1", "", "http://"})
            QCOMPARE(kindOf([&] { parseEndpointUrl(bad); }), RemoteErrorKind::InvalidUrl);
        // Found writing the fuzz target: the regex matcher recursed per character and a
        // 200,000-character URL overflowed the stack. Long URLs are refused by their length.
        const std::string huge
                = "http://" + std::string(100000, 'a') + "/" + std::string(100000, 'b');
        QCOMPARE(kindOf([&] { parseEndpointUrl(huge); }), RemoteErrorKind::InvalidUrl);
        QCOMPARE(parseEndpointUrl("http://" + std::string(2000, 'a')).host, std::string(2000, 'a'));
    }

    void requestBodyCarriesEverything()
    {
        migician::model::SamplingOptions greedy = migician::model::SamplingOptions::greedy();
        greedy.maxNewTokens = 64;
        const json body = json::parse(chatRequestBody(
                "migician", {"data:image/png;base64,AAA", "data:image/png;base64,BBB"}, "Where?",
                greedy, true));
        QCOMPARE_JSON(body["model"], "migician");
        const json &content = body["messages"][0]["content"];
        QCOMPARE(body["messages"].size(), std::size_t(1));
        QCOMPARE_JSON(body["messages"][0]["role"], "user");
        QCOMPARE(content.size(), std::size_t(3));
        QCOMPARE_JSON(content[0]["image_url"]["url"], "data:image/png;base64,AAA");
        QCOMPARE_JSON(content[1]["image_url"]["url"], "data:image/png;base64,BBB");
        QCOMPARE_JSON(content[2], (json{{"type", "text"}, {"text", "Where?"}}));
        QCOMPARE_JSON(body["temperature"], 0.0); // greedy
        QCOMPARE_JSON(body["repetition_penalty"], 1.0);
        QCOMPARE_JSON(body["top_k"], -1);
        QCOMPARE_JSON(body["max_tokens"], 64);
        QCOMPARE_JSON(body["skip_special_tokens"], false);
        QCOMPARE_JSON(body["return_token_ids"], true);
        QCOMPARE_JSON(body["stream_options"]["include_usage"], true);

        auto sampling = migician::model::SamplingOptions::fromGenerationConfig(
                publishedGenerationConfig());
        sampling.doSample = true;
        sampling.topK = 5;
        sampling.seed = 42;
        const json sampled = json::parse(chatRequestBody("m", {}, "q", sampling, false));
        QCOMPARE_JSON(sampled["temperature"], 0.1);
        QCOMPARE_JSON(sampled["top_p"], 0.001);
        QCOMPARE_JSON(sampled["top_k"], 5);
        QCOMPARE_JSON(sampled["repetition_penalty"], 1.05);
        QCOMPARE_JSON(sampled["seed"], 42);
        QVERIFY(!sampled.contains("stream_options"));
        QCOMPARE(sampled["messages"][0]["content"].size(), std::size_t(1));
    }

    void serverErrorTexts()
    {
        QCOMPARE(serverErrorText(R"j({"error": {"message": "bad top_p", "code": 400}})j"),
                 std::string("bad top_p"));
        QCOMPARE(serverErrorText(R"j({"error": "Unauthorized"})j"), std::string("Unauthorized"));
        QCOMPARE(serverErrorText(R"j({"detail": "Not Found"})j"), std::string("Not Found"));
        QCOMPARE(serverErrorText(R"j({"object": "error", "message": "old vLLM"})j"),
                 std::string("old vLLM"));
        QCOMPARE(serverErrorText("<html>502 Bad Gateway</html>\n"),
                 std::string("<html>502 Bad Gateway</html>"));
        QCOMPARE(serverErrorText(""), std::string("(no message)"));
        // An empty message falls back to the body rather than saying nothing.
        QCOMPARE(serverErrorText(R"j({"error": ""})j"), std::string(R"j({"error": ""})j"));
    }

    void deeplyNestedAnswersAreRefused()
    {
        // Found writing the fuzz target: a "detail" nested 100,000 levels deep was printed
        // recursively and overflowed the stack. A server's JSON is read behind the engine's nesting
        // limit.
        const std::string deep = std::string(100000, '[') + std::string(100000, ']');
        const std::string text = serverErrorText(R"j({"detail": )j" + deep + "}");
        QCOMPARE(text.size(), std::size_t(500)); // the body itself, shortened
        QCOMPARE(kindOf([&] { parseCompletion(R"j({"choices": )j" + deep + "}"); }),
                 RemoteErrorKind::InvalidResponse);
        QCOMPARE(kindOf([&] { parseModelList(deep); }), RemoteErrorKind::InvalidResponse);
        StreamAccumulator stream;
        QCOMPARE(kindOf([&] { stream.addEvent(deep); }), RemoteErrorKind::InvalidResponse);
    }

    void retryAfter()
    {
        QCOMPARE(parseRetryAfter("3", 0).value(), 3.0);
        QCOMPARE(parseRetryAfter("0", 0).value(), 0.0);
        // Wed, 21 Oct 2015 07:28:00 GMT is 1445412480.
        QCOMPARE(parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", 1445412470).value(), 10.0);
        QCOMPARE(parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", 1445412490).value(), 0.0);
        QVERIFY(!parseRetryAfter("", 0));
        QVERIFY(!parseRetryAfter("soon", 0));
        QVERIFY(!parseRetryAfter("-4", 0));
        RetryPolicy policy;
        policy.initialDelaySeconds = 0.5;
        policy.maxDelaySeconds = 3;
        QCOMPARE(policy.delayBefore(2, std::nullopt), 0.5);
        QCOMPARE(policy.delayBefore(3, std::nullopt), 1.0);
        QCOMPARE(policy.delayBefore(6, std::nullopt), 3.0);
        QCOMPARE(policy.delayBefore(2, 7.0), 7.0); // the server's word wins...
        QCOMPARE(policy.delayBefore(2, 1e6), policy.maxRetryAfterSeconds); // ...within reason
    }

    void sseEventsInAnyPieces()
    {
        const std::string stream = ": keep-alive\r\n\r\ndata: {\"a\":1}\r\n\r\n"
                                   "event: x\ndata: line1\ndata: line2\n\ndata: [DONE]\n\n";
        for (std::size_t piece : {std::size_t(1), std::size_t(3), stream.size()}) {
            SseParser parser;
            std::vector<std::string> events;
            for (std::size_t at = 0; at < stream.size(); at += piece)
                parser.feed(std::string_view(stream).substr(at, piece),
                            [&](const std::string &data) { events.push_back(data); });
            QCOMPARE(events, (std::vector<std::string>{"{\"a\":1}", "line1\nline2", "[DONE]"}));
        }
    }

    void streamChunksBuildTheAnswer()
    {
        StreamAccumulator stream;
        stream.addEvent(
                R"j({"object":"chat.completion.chunk","choices":[{"index":0,"delta":{"role":"assistant","content":""}}]})j");
        stream.addEvent(
                R"j({"choices":[{"delta":{"content":"<|box_start|>(1,2)"},"token_ids":[151648,7]}]})j");
        stream.addEvent(
                R"j({"choices":[{"delta":{"content":",(3,4)<|box_end|>"},"token_ids":[8]}]})j");
        stream.addEvent(
                R"j({"choices":[{"delta":{},"finish_reason":"stop"}],"timings":{"vision_ms":1,"prefill_ms":2,"decode_ms":3}})j");
        stream.addEvent(R"j({"choices":[],"usage":{"prompt_tokens":90,"completion_tokens":3}})j");
        QVERIFY(!stream.sawDone());
        stream.addEvent("[DONE]");
        QVERIFY(stream.sawDone());
        const CompletionAnswer &answer = stream.answer();
        QCOMPARE(answer.text, std::string("<|box_start|>(1,2),(3,4)<|box_end|>"));
        QCOMPARE(answer.tokenIds, (std::vector<migician::model::TokenId>{151648, 7, 8}));
        QCOMPARE(answer.finishReason, std::string("stop"));
        QCOMPARE(answer.promptTokens, 90);
        QCOMPARE(answer.completionTokens, 3);
        QVERIFY(answer.serverTimings);
        QCOMPARE(answer.serverTimings->prefillMs, 2.0);

        StreamAccumulator failing;
        QCOMPARE(kindOf([&] {
                     failing.addEvent(R"j({"error":{"message":"shutting down","code":503}})j");
                 }),
                 RemoteErrorKind::ServerError);
        QCOMPARE(kindOf([&] { failing.addEvent("{not json"); }), RemoteErrorKind::InvalidResponse);
        QCOMPARE(kindOf([&] { failing.addEvent("[1]"); }), RemoteErrorKind::InvalidResponse);
        QCOMPARE(kindOf([&] { failing.addEvent("{\"id\":1}"); }), RemoteErrorKind::InvalidResponse);
    }

    void completionsAndModelLists()
    {
        const CompletionAnswer answer = parseCompletion(
                R"j({"choices":[{"message":{"role":"assistant","content":"(10,20),(30,40)"},"finish_reason":"length"}],"usage":{"prompt_tokens":5,"completion_tokens":9}})j");
        QCOMPARE(answer.text, std::string("(10,20),(30,40)"));
        QVERIFY(answer.tokenIds.empty()); // vLLM before 0.10.2 sends none
        QCOMPARE(answer.finishReason, std::string("length"));
        QCOMPARE(answer.completionTokens, 9);
        QVERIFY(!answer.serverTimings);
        for (const char *bad : {"", "null", "{}", R"j({"choices":[]})j", R"j({"choices":[{}]})j",
                                R"j({"choices":[{"message":{"content":5}}]})j"})
            QCOMPARE(kindOf([&] { parseCompletion(bad); }), RemoteErrorKind::InvalidResponse);
        QCOMPARE(parseModelList(R"j({"object":"list","data":[{"id":"a"},{"id":"b"}]})j"),
                 (std::vector<std::string>{"a", "b"}));
        QCOMPARE(kindOf([&] { parseModelList("[]"); }), RemoteErrorKind::InvalidResponse);
    }

    void boxesInBothForms()
    {
        // skip_special_tokens false keeps the markers; servers that drop them send pairs only.
        const auto kept = migician::model::parseAnswer(
                "In the second image <|box_start|>(316,58),(764,999)<|box_end|>", 2);
        const auto dropped
                = migician::model::parseAnswer("In the second image (316,58),(764,999)", 2);
        QCOMPARE(kept.boxes.size(), std::size_t(1));
        QCOMPARE(dropped.boxes.size(), std::size_t(1));
        QCOMPARE(dropped.boxes[0].image, 2);
        QCOMPARE(dropped.boxes[0].x1, kept.boxes[0].x1);
        QCOMPARE(dropped.boxes[0].y2, kept.boxes[0].y2);
    }
};

MIGICIAN_TEST_CLASS(RemoteProtocolTest)
#include "tst_remote_protocol.moc"
