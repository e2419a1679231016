// Qwen2-VL's chat template, rendered exactly as the Jinja template in tokenizer_config.json does
// for the conversations the workbench needs, and the expansion of <|image_pad|> placeholders.
#pragma once

#include <string>
#include <vector>

namespace migician::model {

struct ChatContentItem
{
    enum class Kind { Text, Image, Video };
    Kind kind = Kind::Text;
    std::string text; // for Text
};

struct ChatMessage
{
    std::string role;                   // system, user, assistant
    bool contentIsString = false;       // content given as a plain string
    std::string text;                   // when contentIsString
    std::vector<ChatContentItem> items; // otherwise
};

inline constexpr const char *kDefaultSystemPrompt = "You are a helpful assistant.";

std::string renderChat(const std::vector<ChatMessage> &messages, bool addGenerationPrompt,
                       bool addVisionId = false);

// One user turn: every image in order, then the query, with the default system prompt.
std::vector<ChatMessage> groundingConversation(int imageCount, const std::string &query);

// Replaces the i-th `<|image_pad|>` by tokensPerImage[i] copies. Throws ModelError when the number
// of placeholders differs from the number of images.
std::string expandImagePads(const std::string &prompt, const std::vector<int> &tokensPerImage);

// Reads messages in the transformers / qwen-vl-utils layout: either the `messages` array itself
// or an object holding one. `content` is a string or a list of items; an item is an image when its
// type is "image" or it has an "image"/"image_url" key, a video when its type is "video" or it
// has a "video" key, else text when it has a "text" key (items that are none of these render as
// nothing, as in the template). Throws ModelError("chat messages", ...) on malformed input.
std::vector<ChatMessage> chatMessagesFromJson(const std::string &jsonText);

} // namespace migician::model
