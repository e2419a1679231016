// chatMessagesFromJson (declared in chat_prompt.h): kept apart so that only this file sees
// nlohmann-json.
#include "model/chat_prompt.h"

#include "model/json_text.h"
#include "model/model_error.h"

#include <nlohmann/json.hpp>

namespace migician::model {
namespace {

using nlohmann::json;

const char *const kSubject = "chat messages";

ChatContentItem parseItem(const json &item, const std::string &where)
{
    if (!item.is_object())
        throw ModelError(kSubject, where + " is not an object: " + item.dump());
    const auto type = item.contains("type") && item.at("type").is_string()
                              ? item.at("type").get<std::string>()
                              : std::string();
    ChatContentItem out;
    if (type == "image" || item.contains("image") || item.contains("image_url")) {
        out.kind = ChatContentItem::Kind::Image;
    } else if (type == "video" || item.contains("video")) {
        out.kind = ChatContentItem::Kind::Video;
    } else if (item.contains("text")) {
        if (!item.at("text").is_string())
            throw ModelError(kSubject, where + " has a non-string text: " + item.at("text").dump());
        out.text = item.at("text").get<std::string>();
    }
    return out;
}

} // namespace

std::vector<ChatMessage> chatMessagesFromJson(const std::string &jsonText)
{
    json root = parseJsonText(jsonText, kSubject);
    if (root.is_object() && root.contains("messages"))
        root = root.at("messages");
    if (!root.is_array())
        throw ModelError(kSubject, "expected an array of messages");

    std::vector<ChatMessage> messages;
    for (std::size_t m = 0; m < root.size(); ++m) {
        const json &entry = root[m];
        const std::string where = "message " + std::to_string(m + 1);
        if (!entry.is_object())
            throw ModelError(kSubject, where + " is not an object");
        if (!entry.contains("role") || !entry.at("role").is_string())
            throw ModelError(kSubject, where + " has no string 'role'");
        ChatMessage message;
        message.role = entry.at("role").get<std::string>();
        const json content = entry.value("content", json());
        if (content.is_string()) {
            message.contentIsString = true;
            message.text = content.get<std::string>();
        } else if (content.is_array()) {
            for (std::size_t i = 0; i < content.size(); ++i)
                message.items.push_back(
                        parseItem(content[i], where + " item " + std::to_string(i + 1)));
        } else {
            throw ModelError(kSubject,
                             where + " has 'content' that is neither a string nor a list");
        }
        messages.push_back(std::move(message));
    }
    return messages;
}

} // namespace migician::model
