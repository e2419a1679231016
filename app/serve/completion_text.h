// The answer text of a generation as it grows, cut into pieces that are safe to stream: a piece
// never ends inside a UTF-8 character still being decoded (a trailing U+FFFD may turn into a real
// character with the next token) nor with what could be the start of a stop string, so the pieces
// always add up to the final text. Applies `stop` strings as vLLM does (the text ends before the
// stop string, or after it with include_stop_str_in_output). Used from one thread.
#pragma once

#include <string>
#include <vector>

namespace migician::serve {

class CompletionText
{
public:
    explicit CompletionText(std::vector<std::string> stop = {}, bool includeStop = false);

    // fullText: the decoded text of every generated token so far. Returns the newly final piece.
    std::string advance(const std::string &fullText);
    // The generation ended: returns whatever was still held back.
    std::string finish(const std::string &fullText);

    bool stopped() const { return m_stopped; } // a stop string was found
    const std::string &matchedStop() const { return m_matchedStop; }
    const std::string &text() const { return m_sent; } // every piece returned so far

private:
    // Applies the stop strings; true when one matched (then *end is where the text ends).
    bool findStop(const std::string &fullText, std::size_t *end);
    std::string emitUpTo(const std::string &fullText, std::size_t end);

    std::vector<std::string> m_stop;
    bool m_includeStop = false;
    bool m_stopped = false;
    std::string m_matchedStop;
    std::string m_sent;
};

} // namespace migician::serve
