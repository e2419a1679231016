#include "completion_text.h"

#include <algorithm>

namespace migician::serve {

namespace {

constexpr const char kReplacement[] = "\xEF\xBF\xBD"; // U+FFFD

bool isContinuationByte(char c)
{
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// Moves `end` back so that it does not split a UTF-8 character.
std::size_t characterBoundary(const std::string &text, std::size_t end)
{
    while (end > 0 && end < text.size() && isContinuationByte(text[end]))
        --end;
    return end;
}

} // namespace

CompletionText::CompletionText(std::vector<std::string> stop, bool includeStop)
    : m_stop(std::move(stop))
    , m_includeStop(includeStop)
{}

bool CompletionText::findStop(const std::string &fullText, std::size_t *end)
{
    std::size_t best = std::string::npos;
    for (const auto &stop : m_stop) {
        // Only text not yet sent can hold a new match (a stop string's prefix is never sent).
        const std::size_t from = m_sent.size() >= stop.size() ? m_sent.size() - stop.size() + 1 : 0;
        const std::size_t at = fullText.find(stop, std::min(from, fullText.size()));
        if (at != std::string::npos && (best == std::string::npos || at < best)) {
            best = at;
            m_matchedStop = stop;
        }
    }
    if (best == std::string::npos)
        return false;
    m_stopped = true;
    *end = best + (m_includeStop ? m_matchedStop.size() : 0);
    return true;
}

std::string CompletionText::emitUpTo(const std::string &fullText, std::size_t end)
{
    if (end <= m_sent.size() || fullText.compare(0, m_sent.size(), m_sent) != 0)
        return {};
    std::string piece = fullText.substr(m_sent.size(), end - m_sent.size());
    m_sent += piece;
    return piece;
}

std::string CompletionText::advance(const std::string &fullText)
{
    if (m_stopped)
        return {};
    std::size_t end = 0;
    if (findStop(fullText, &end))
        return emitUpTo(fullText, end);

    // Hold back the longest tail that could still become a stop string...
    std::size_t hold = 0;
    for (const auto &stop : m_stop)
        for (std::size_t length = std::min(stop.size() - 1, fullText.size()); length > hold;
             --length)
            if (fullText.compare(fullText.size() - length, length, stop, 0, length) == 0) {
                hold = length;
                break;
            }
    end = characterBoundary(fullText, fullText.size() - hold);
    // ...and replacement characters at the end, which may still be half of a character.
    while (end >= 3 && fullText.compare(end - 3, 3, kReplacement) == 0)
        end -= 3;
    return emitUpTo(fullText, end);
}

std::string CompletionText::finish(const std::string &fullText)
{
    if (m_stopped)
        return {};
    std::size_t end = fullText.size();
    findStop(fullText, &end);
    return emitUpTo(fullText, end);
}

} // namespace migician::serve
