#include "model/chat_prompt.h"
#include "model/model_error.h"
#include "model/tokenizer.h"
#include "tokenizer_fixture.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>

using migician::model::ChatContentItem;
using migician::model::ModelError;
using migician::model::TokenId;
using namespace migician::model;
using migician::test::qwenTokenizer;
using migician::test::readJsonLines;
using migician::test::tokenizerFixture;

TEST_CASE("chat prompt: every case of chat_cases.jsonl renders and tokenizes exactly")
{
    const auto tokenizer = qwenTokenizer();
    const auto cases = readJsonLines(tokenizerFixture("chat_cases.jsonl"));
    REQUIRE(cases.size() == 13);
    for (const auto &c : cases) {
        const auto name = c.at("name").get<std::string>();
        const auto messages = chatMessagesFromJson(c.at("messages").dump());
        const auto rendered = renderChat(messages, c.at("add_generation_prompt").get<bool>(),
                                         c.value("add_vision_id", false));
        CHECK_MESSAGE(rendered == c.at("rendered").get<std::string>(), name);
        CHECK_MESSAGE(tokenizer->encode(rendered) == c.at("ids").get<std::vector<TokenId>>(), name);
    }
}

TEST_CASE("chat prompt: the grounding conversation is the golden prompt of qwen2vl-tiny")
{
    const auto rendered = renderChat(groundingConversation(2, "Where is the cat?"), true);
    CHECK(rendered
          == "<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n<|im_start|>user\n"
             "<|vision_start|><|image_pad|><|vision_end|><|vision_start|><|image_pad|><|vision_end|"
             ">"
             "Where is the cat?<|im_end|>\n<|im_start|>assistant\n");

    // qwen2vl-tiny's cases hold the messages, the rendered prompt and the generated ids and text.
    const auto tiny = nlohmann::json::parse(
            std::ifstream(std::string(MIGICIAN_SHARED_DIR) + "/fixtures/qwen2vl-tiny/cases.json"));
    const auto tokenizer = qwenTokenizer();
    int compared = 0;
    for (const auto &c : tiny.at("cases")) {
        const auto name = c.at("name").get<std::string>();
        const auto expected = c.at("prompt").get<std::string>();
        const auto messages = chatMessagesFromJson(c.at("messages").dump());
        CHECK_MESSAGE(renderChat(messages, true) == expected, name);
        int images = 0;
        for (const auto &item : messages.at(0).items)
            images += item.kind == ChatContentItem::Kind::Image;
        CHECK_MESSAGE(
                renderChat(groundingConversation(images, c.at("query").get<std::string>()), true)
                        == expected,
                name);
        CHECK_MESSAGE(tokenizer->decode(c.at("generated_ids").get<std::vector<TokenId>>(), true)
                              == c.at("generated_text").get<std::string>(),
                      name);
        ++compared;
    }
    CHECK(compared >= 5);
}

TEST_CASE("chat prompt: vision ids count across the conversation and videos separately")
{
    const auto messages = chatMessagesFromJson(R"({"messages": [
        {"role": "system", "content": "S"},
        {"role": "user", "content": [{"image": "a.jpg"}, {"type": "video", "video": "v.mp4"},
                                     {"type": "image_url", "image_url": {"url": "x"}}, {"text": "T"}]},
        {"role": "assistant", "content": "A"},
        {"role": "user", "content": [{"type": "image"}, {"video": "w.mp4"}, {"type": "other"}]}]})");
    REQUIRE(messages.size() == 4);
    CHECK(messages[1].items[2].kind == ChatContentItem::Kind::Image);
    CHECK(messages[3].items[2].kind == ChatContentItem::Kind::Text);
    CHECK(renderChat(messages, false, true)
          == "<|im_start|>system\nS<|im_end|>\n<|im_start|>user\n"
             "Picture 1: <|vision_start|><|image_pad|><|vision_end|>"
             "Video 1: <|vision_start|><|video_pad|><|vision_end|>"
             "Picture 2: <|vision_start|><|image_pad|><|vision_end|>T<|im_end|>\n"
             "<|im_start|>assistant\nA<|im_end|>\n<|im_start|>user\n"
             "Picture 3: <|vision_start|><|image_pad|><|vision_end|>"
             "Video 2: <|vision_start|><|video_pad|><|vision_end|><|im_end|>\n");
}

TEST_CASE("chat prompt: malformed message JSON is a ModelError")
{
    CHECK_THROWS_AS(chatMessagesFromJson("[{\"role\": \"user\""), ModelError);
    CHECK_THROWS_AS(chatMessagesFromJson(R"({"messages": 3})"), ModelError);
    CHECK_THROWS_AS(chatMessagesFromJson(R"([{"content": "no role"}])"), ModelError);
    CHECK_THROWS_AS(chatMessagesFromJson(R"([{"role": "user", "content": 5}])"), ModelError);
    CHECK_THROWS_AS(chatMessagesFromJson(R"([{"role": "user", "content": [{"text": 5}]}])"),
                    ModelError);
    CHECK(chatMessagesFromJson("[]").empty());
}

TEST_CASE("chat prompt: image pads expand per image and counts must agree")
{
    const std::string prompt = renderChat(groundingConversation(2, "q"), true);
    const auto expanded = expandImagePads(prompt, {3, 1});
    const std::string pad = "<|image_pad|>";
    CHECK(expanded.find("<|vision_start|>" + pad + pad + pad + "<|vision_end|><|vision_start|>"
                        + pad + "<|vision_end|>q")
          != std::string::npos);
    const auto ids = qwenTokenizer()->encode(expanded);
    CHECK(std::count(ids.begin(), ids.end(), 151655) == 4);

    try {
        expandImagePads(prompt, {3});
        FAIL("a count mismatch was accepted");
    } catch (const ModelError &e) {
        CHECK(std::string(e.what()).find("has 2 <|image_pad|> placeholders but 1 images")
              != std::string::npos);
    }
    CHECK_THROWS_AS(expandImagePads(prompt, {1, 2, 3}), ModelError);
    CHECK_THROWS_AS(expandImagePads(prompt, {0, 2}), ModelError);
    CHECK(expandImagePads("no images", {}) == "no images");
}
