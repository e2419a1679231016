// Fuzz target: chat messages JSON (`migician render-chat`, later the OpenAI server) through the
// Qwen2-VL chat template, the <|image_pad|> expansion and the tokenizer (model/chat_prompt.h).
// Invariants: only ModelError("chat messages" / "prompt") escapes; the rendering has the template's
// frame; each image item renders one placeholder; expansion with one count per placeholder gives
// exactly the expected length, a wrong number of counts is refused; the tokenized prompt holds one
// <|image_pad|> id per placeholder (what the engine matches against the vision tokens).
#include "fuzz_support.h"

#include "model/chat_prompt.h"
#include "model/model_error.h"
#include "model/tokenizer.h"

#include <algorithm>

using namespace migician;

namespace {

constexpr std::string_view kImagePad = "<|image_pad|>";
constexpr model::TokenId kImagePadId = 151655;

std::size_t count(const std::string &text, std::string_view what)
{
    std::size_t n = 0;
    for (auto pos = text.find(what); pos != std::string::npos;
         pos = text.find(what, pos + what.size()))
        ++n;
    return n;
}

const model::Tokenizer &tokenizer()
{
    static const auto loaded
            = model::Tokenizer::fromFile(fuzz::sharedPath("fixtures/tokenizer/tokenizer.json"));
    return *loaded;
}

void checkRendering(const std::vector<model::ChatMessage> &messages, bool generationPrompt,
                    bool visionId)
{
    const std::string rendered = model::renderChat(messages, generationPrompt, visionId);
    std::size_t images = 0;
    for (const auto &message : messages)
        for (const auto &item : message.items)
            images += item.kind == model::ChatContentItem::Kind::Image;
    if (!messages.empty())
        FUZZ_CHECK(rendered.rfind("<|im_start|>", 0) == 0, "does not start a turn");
    const std::string_view end = generationPrompt ? "<|im_start|>assistant\n" : "<|im_end|>\n";
    FUZZ_CHECK(messages.empty() && !generationPrompt
                       ? rendered.empty()
                       : rendered.size() >= end.size()
                                 && rendered.compare(rendered.size() - end.size(), end.size(), end)
                                            == 0,
               "the rendering does not end the way the template does");
    const std::size_t placeholders = count(rendered, kImagePad);
    FUZZ_CHECK(count(rendered, "<|vision_start|><|image_pad|><|vision_end|>") >= images,
               "an image item without its placeholder");

    std::vector<int> tokens;
    std::size_t expectedSize = rendered.size();
    for (std::size_t i = 0; i < placeholders; ++i) {
        tokens.push_back(int(1 + i % 5));
        expectedSize += (tokens.back() - 1) * kImagePad.size();
    }
    const std::string expanded = model::expandImagePads(rendered, tokens);
    FUZZ_CHECK(expanded.size() == expectedSize, "expanded prompt length");
    tokens.push_back(1);
    bool refused = false;
    try {
        (void)model::expandImagePads(rendered, tokens);
    } catch (const model::ModelError &) {
        refused = true;
    }
    FUZZ_CHECK(refused, "a wrong number of images was accepted");

    const std::vector<model::TokenId> ids = tokenizer().encode(rendered);
    FUZZ_CHECK(std::size_t(std::count(ids.begin(), ids.end(), kImagePadId)) == placeholders,
               "tokenized placeholders differ from the rendered ones");
}

} // namespace

// Loads the 7 MB tokenizer.json before fuzzing starts: seconds under ASan, outside the per-input
// time limit.
extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    (void)tokenizer();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    std::vector<model::ChatMessage> messages;
    try {
        messages = model::chatMessagesFromJson(std::string(fuzz::asText(data, size)));
    } catch (const model::ModelError &error) {
        FUZZ_CHECK(error.subject() == "chat messages", "error subject " + error.subject());
        return 0;
    }
    for (const bool generationPrompt : {false, true})
        for (const bool visionId : {false, true})
            checkRendering(messages, generationPrompt, visionId);
    return 0;
}
