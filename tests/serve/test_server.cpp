// The server in this process on a loopback port the OS picks, driven over real HTTP: the
// fixture's own image files go in as data: URLs (the server decodes and resizes them), and what
// comes back must be the reference's generated ids and text, whole and streamed. Builds and runs
// in the engine-only configuration too (the GPU machine).
#include "serve_test_support.h"

#include "serve/openai_server.h"

#include "model/engine.h"

#include <doctest/doctest.h>
#include <httplib.h>

#include <memory>
#include <thread>

using namespace migician;
using migician::test::dataUrl;
using migician::test::fixtureDir;
using migician::test::readBytes;
using migician::test::tinyCases;
using nlohmann::json;

namespace {

class InProcessServer
{
public:
    InProcessServer()
    {
        model::EngineOptions options;
        options.modelDir = fixtureDir();
        options.dtype = model::DType::Float32;
        options.threads = 2;
        m_engine = model::Engine::load(options);
        serve::ServerSettings settings;
        settings.port = 0;
        settings.servedModel = "tiny";
        m_server = std::make_unique<serve::OpenAiServer>(*m_engine, settings);
        m_port = m_server->bind();
        m_thread = std::thread([this] { m_server->listen(); });
    }
    ~InProcessServer()
    {
        m_server->stop();
        m_thread.join();
    }
    int port() const { return m_port; }

private:
    std::unique_ptr<model::Engine> m_engine;
    std::unique_ptr<serve::OpenAiServer> m_server;
    int m_port = 0;
    std::thread m_thread;
};

InProcessServer &server()
{
    static InProcessServer instance;
    return instance;
}

httplib::Client client()
{
    httplib::Client http("127.0.0.1", server().port());
    http.set_read_timeout(120, 0);
    return http;
}

json requestFor(const json &testCase, bool greedy)
{
    json content = json::array();
    for (const auto &image : testCase["images"]) {
        const std::string file = image["file"].get<std::string>();
        const bool jpeg = file.size() > 4 && file.substr(file.size() - 4) == ".jpg";
        content.push_back({{"type", "image_url"},
                           {"image_url",
                            {{"url", dataUrl(readBytes(fixtureDir() + "/" + file),
                                             jpeg ? "image/jpeg" : "image/png")}}}});
    }
    content.push_back({{"type", "text"}, {"text", testCase["query"]}});
    json body{{"model", "tiny"},
              {"messages", json::array({{{"role", "user"}, {"content", content}}})},
              {"max_tokens", 16},
              {"return_token_ids", true}};
    if (!testCase["images"].empty())
        body["mm_processor_kwargs"] = {{"max_pixels", testCase["images"][0]["max_pixels"]}};
    if (greedy)
        body.update({{"temperature", 0}, {"repetition_penalty", 1.0}});
    return body;
}

// Reads an SSE body into its data lines.
std::vector<std::string> events(const std::string &body)
{
    std::vector<std::string> out;
    std::size_t at = 0;
    while ((at = body.find("data: ", at)) != std::string::npos) {
        const std::size_t end = body.find("\n\n", at);
        out.push_back(body.substr(at + 6, end - at - 6));
        at = end;
    }
    return out;
}

} // namespace

TEST_CASE("server: health and the model list")
{
    auto http = client();
    const auto health = http.Get("/health");
    REQUIRE(health);
    CHECK(health->status == 200);
    CHECK(json::parse(health->body)["status"] == "ok");
    const auto models = http.Get("/v1/models");
    REQUIRE(models);
    const json list = json::parse(models->body);
    CHECK(list["object"] == "list");
    REQUIRE(list["data"].size() == 1);
    CHECK(list["data"][0]["id"] == "tiny");
    const auto missing = http.Get("/v1/nothing");
    REQUIRE(missing);
    CHECK(missing->status == 404);
    CHECK(json::parse(missing->body)["error"]["code"] == 404);
}

TEST_CASE("server: every fixture case gives the reference's ids and text, greedy and defaults")
{
    for (const auto &testCase : tinyCases()) {
        for (const bool greedy : {true, false}) {
            INFO(testCase["name"].get<std::string>() << (greedy ? " greedy" : " defaults"));
            const std::string suffix = greedy ? "" : "_rp";
            auto http = client();
            const auto once = http.Post("/v1/chat/completions", requestFor(testCase, greedy).dump(),
                                        "application/json");
            REQUIRE(once);
            REQUIRE_MESSAGE(once->status == 200, once->body);
            const json body = json::parse(once->body);
            const json &choice = body["choices"][0];
            CHECK(choice["token_ids"] == testCase["generated_ids" + suffix]);
            // skip_special_tokens defaults to true, as in the reference's decoding.
            CHECK(choice["message"]["content"] == testCase["generated_text" + suffix]);
            CHECK(choice["finish_reason"] == "length");
            CHECK(body["usage"]["prompt_tokens"] == testCase["seq_len"]);
            CHECK(body["usage"]["completion_tokens"] == 16);
            CHECK(body["prompt_token_ids"].size() == testCase["seq_len"].get<std::size_t>());

            json streamed = requestFor(testCase, greedy);
            streamed.update({{"stream", true}, {"stream_options", {{"include_usage", true}}}});
            const auto stream
                    = http.Post("/v1/chat/completions", streamed.dump(), "application/json");
            REQUIRE(stream);
            REQUIRE(stream->status == 200);
            CHECK(stream->get_header_value("Content-Type").rfind("text/event-stream", 0) == 0);
            const auto data = events(stream->body);
            REQUIRE(data.size() >= 4);
            CHECK(data.back() == "[DONE]");
            std::string text;
            json ids = json::array();
            std::string finish;
            json usage;
            for (std::size_t i = 0; i + 1 < data.size(); ++i) {
                const json chunk = json::parse(data[i]);
                CHECK(chunk["object"] == "chat.completion.chunk");
                if (chunk.contains("usage"))
                    usage = chunk["usage"];
                if (chunk["choices"].empty())
                    continue;
                const json &delta = chunk["choices"][0]["delta"];
                if (delta.contains("content"))
                    text += delta["content"].get<std::string>();
                for (const auto &id : chunk["choices"][0].value("token_ids", json::array()))
                    ids.push_back(id);
                if (chunk["choices"][0]["finish_reason"].is_string())
                    finish = chunk["choices"][0]["finish_reason"];
            }
            CHECK(json::parse(data.front())["choices"][0]["delta"]["role"] == "assistant");
            CHECK(text == testCase["generated_text" + suffix]);
            CHECK(ids == testCase["generated_ids" + suffix]);
            CHECK(finish == "length");
            CHECK(usage["completion_tokens"] == 16);
        }
    }
}

TEST_CASE("server: special tokens kept on request, stop strings and a wrong model name")
{
    auto http = client();
    const json testCase = tinyCases()[0]; // text_only
    json body = requestFor(testCase, true);
    body["skip_special_tokens"] = false;
    const std::string full = testCase["generated_text"];
    // A stop string from the middle of the reference text ends the answer right before it.
    const std::string stop = "Polo";
    REQUIRE(full.find(stop) != std::string::npos);
    body["stop"] = stop;
    const auto stopped = http.Post("/v1/chat/completions", body.dump(), "application/json");
    REQUIRE(stopped);
    REQUIRE(stopped->status == 200);
    const json choice = json::parse(stopped->body)["choices"][0];
    CHECK(choice["finish_reason"] == "stop");
    CHECK(choice["stop_reason"] == stop);
    CHECK(choice["message"]["content"] == full.substr(0, full.find(stop)));
    CHECK(choice["token_ids"].size() < 16);

    body = requestFor(testCase, true);
    body["model"] = "gpt-4";
    const auto wrong = http.Post("/v1/chat/completions", body.dump(), "application/json");
    REQUIRE(wrong);
    CHECK(wrong->status == 404);
    CHECK(json::parse(wrong->body)["error"]["message"].get<std::string>().find("tiny")
          != std::string::npos);
}
