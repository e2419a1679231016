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
    std::string role;                    // system, user, assistant
    bool contentIsString = false;        // content given as a plain string
    std::string text;                    // when contentIsString
    std::vector<ChatContentItem> items;  // otherwise
};

inline constexpr const char *kDefaultSystemPrompt = "You are a helpful assistant.";

std::string renderChat(const std::vector<ChatMessage> &messages, bool addGenerationPrompt,
                       bool addVisionId = false);

// One user turn: every image in order, then the query, with the default system prompt.
std::vector<ChatMessage> groundingConversation(int imageCount, const std::string &query);

// Replaces the i-th `<|image_pad|>` by tokensPerImage[i] copies. Throws ModelError when the number
// of placeholders differs from the number of images.
std::string expandImagePads(const std::string &prompt, const std::vector<int> &tokensPerImage);

} // namespace migician::model
