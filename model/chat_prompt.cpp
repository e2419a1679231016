#include "model/chat_prompt.h"

#include "model/model_error.h"

namespace migician::model {
namespace {

constexpr std::string_view kImagePad = "<|image_pad|>";

} // namespace

std::string renderChat(const std::vector<ChatMessage> &messages, bool addGenerationPrompt,
                       bool addVisionId)
{
    // Mirrors the Qwen2-VL Jinja template line by line; its block tags are followed by no newline,
    // so the newlines below are the template's literal ones.
    std::string out;
    int imageCount = 0;
    int videoCount = 0;
    for (std::size_t m = 0; m < messages.size(); ++m) {
        const ChatMessage &message = messages[m];
        if (m == 0 && message.role != "system") {
            out += "<|im_start|>system\n";
            out += kDefaultSystemPrompt;
            out += "<|im_end|>\n";
        }
        out += "<|im_start|>" + message.role + "\n";
        if (message.contentIsString) {
            out += message.text;
        } else {
            for (const auto &item : message.items) {
                switch (item.kind) {
                case ChatContentItem::Kind::Image:
                    ++imageCount;
                    if (addVisionId)
                        out += "Picture " + std::to_string(imageCount) + ": ";
                    out += "<|vision_start|><|image_pad|><|vision_end|>";
                    break;
                case ChatContentItem::Kind::Video:
                    ++videoCount;
                    if (addVisionId)
                        out += "Video " + std::to_string(videoCount) + ": ";
                    out += "<|vision_start|><|video_pad|><|vision_end|>";
                    break;
                case ChatContentItem::Kind::Text:
                    out += item.text;
                    break;
                }
            }
        }
        out += "<|im_end|>\n";
    }
    if (addGenerationPrompt)
        out += "<|im_start|>assistant\n";
    return out;
}

std::vector<ChatMessage> groundingConversation(int imageCount, const std::string &query)
{
    if (imageCount < 0)
        throw ModelError("grounding conversation",
                         "negative image count " + std::to_string(imageCount));
    ChatMessage user;
    user.role = "user";
    for (int i = 0; i < imageCount; ++i)
        user.items.push_back({ChatContentItem::Kind::Image, {}});
    user.items.push_back({ChatContentItem::Kind::Text, query});
    return {user};
}

std::string expandImagePads(const std::string &prompt, const std::vector<int> &tokensPerImage)
{
    std::size_t placeholders = 0;
    for (auto pos = prompt.find(kImagePad); pos != std::string::npos;
         pos = prompt.find(kImagePad, pos + kImagePad.size()))
        ++placeholders;
    if (placeholders != tokensPerImage.size())
        throw ModelError("prompt",
                         "has " + std::to_string(placeholders) + " <|image_pad|> placeholders but "
                                 + std::to_string(tokensPerImage.size()) + " images were given");

    std::string out;
    std::size_t from = 0;
    for (std::size_t i = 0; i < tokensPerImage.size(); ++i) {
        if (tokensPerImage[i] <= 0)
            throw ModelError("prompt", "image " + std::to_string(i + 1) + " has "
                                               + std::to_string(tokensPerImage[i])
                                               + " vision tokens (expected a positive count)");
        const auto pos = prompt.find(kImagePad, from);
        out.append(prompt, from, pos - from);
        out.reserve(out.size() + kImagePad.size() * std::size_t(tokensPerImage[i]));
        for (int k = 0; k < tokensPerImage[i]; ++k)
            out += kImagePad;
        from = pos + kImagePad.size();
    }
    out.append(prompt, from, std::string::npos);
    return out;
}

} // namespace migician::model
