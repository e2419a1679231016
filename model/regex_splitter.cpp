#include "model/regex_splitter.h"

#include "model/model_error.h"

#include <unicode/normalizer2.h>
#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <algorithm>

namespace migician::model {
namespace {

// ICU keeps its backtracking states on a heap stack, 8 MB by default: the Qwen2 pattern's
// `\s+(?!\S)` used it up on a run of about 300,000 spaces and the text could not be encoded.
// 256 MB takes runs of several million characters (1 MB of query text needs about 30 MB).
constexpr int32_t kRegexStackLimitBytes = 256 << 20;
// A pattern from a hostile or broken tokenizer.json can backtrack exponentially ("(a+)+$"), so the
// matcher gets a time budget in steps of ICU's engine, about 1-3 ms each on this class of machine
// (1,000 steps of "(a+)+$" took 2.9 s on a shared 2-core VM). ICU counts the steps of all finds
// of one matcher together, and a linear pattern takes about one step per 4,000 pieces, so the
// budget is a fixed part for backtracking plus one step per 256 bytes of text.
constexpr int32_t kRegexTimeLimitSteps = 1000;
constexpr std::size_t kRegexBytesPerExtraStep = 256;

// UTF-8 length of the UTF-16 code units [begin, end) of `s`.
std::size_t utf8Length(const icu::UnicodeString &s, int32_t begin, int32_t end)
{
    std::size_t bytes = 0;
    for (int32_t i = begin; i < end; ++i) {
        const char16_t unit = s.charAt(i);
        if (unit < 0x80)
            bytes += 1;
        else if (unit < 0x800)
            bytes += 2;
        else if (U16_IS_LEAD(unit) && i + 1 < end && U16_IS_TRAIL(s.charAt(i + 1))) {
            bytes += 4;
            ++i;
        } else
            bytes += 3; // BMP character (a lone surrogate would become U+FFFD, also 3 bytes)
    }
    return bytes;
}

} // namespace

std::string RegexSplitter::toIcuPattern(const std::string &pattern)
{
    std::string out;
    out.reserve(pattern.size() + 64);
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '\\' && i + 1 < pattern.size()) {
            const char c = pattern[++i];
            // Both forms also work inside a bracket expression, e.g. [^\s\p{L}].
            if (c == 's')
                out += "\\p{White_Space}";
            else if (c == 'S')
                out += "\\P{White_Space}";
            else {
                out += '\\';
                out += c;
            }
        } else {
            out += pattern[i];
        }
    }
    return out;
}

RegexSplitter::RegexSplitter(const std::string &pattern, const std::string &sourceName)
    : m_sourceName(sourceName)
{
    UErrorCode status = U_ZERO_ERROR;
    UParseError parseError{};
    m_pattern.reset(icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(toIcuPattern(pattern)),
                                               0, parseError, status));
    if (U_FAILURE(status) || !m_pattern)
        throw ModelError(sourceName, "pre-tokenizer regex does not compile ("
                                             + std::string(u_errorName(status)) + " at offset "
                                             + std::to_string(parseError.offset) + "): " + pattern);
}

RegexSplitter::~RegexSplitter() = default;

void RegexSplitter::split(std::string_view text, bool normalizeNfc,
                          std::vector<std::string> &pieces) const
{
    if (text.empty())
        return;
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString input = icu::UnicodeString::fromUTF8(
            icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    std::string utf8;
    if (normalizeNfc) {
        const icu::Normalizer2 *nfc = icu::Normalizer2::getNFCInstance(status);
        if (U_FAILURE(status))
            throw ModelError(m_sourceName,
                             "ICU has no NFC normaliser: " + std::string(u_errorName(status)));
        // Most text is already NFC; the quick check avoids copying it.
        const int32_t normalPrefix = nfc->spanQuickCheckYes(input, status);
        if (normalPrefix < input.length()) {
            input = nfc->normalize(input, status);
            if (U_FAILURE(status))
                throw ModelError(m_sourceName,
                                 "NFC normalisation failed: " + std::string(u_errorName(status)));
        }
    }
    // Converted back rather than reusing `text`: invalid UTF-8 in the input became U+FFFD above.
    input.toUTF8String(utf8);

    std::unique_ptr<icu::RegexMatcher> matcher(m_pattern->matcher(input, status));
    if (matcher) {
        matcher->setStackLimit(kRegexStackLimitBytes, status);
        matcher->setTimeLimit(kRegexTimeLimitSteps
                                      + int32_t(std::min<std::size_t>(
                                              text.size() / kRegexBytesPerExtraStep, 1 << 30)),
                              status);
    }
    if (U_FAILURE(status) || !matcher)
        throw ModelError(m_sourceName,
                         "cannot run the pre-tokenizer regex: " + std::string(u_errorName(status)));

    // Matches come in order, so the UTF-8 offset advances along with the UTF-16 one.
    int32_t unitPos = 0;
    std::size_t bytePos = 0;
    const auto emitUpTo = [&](int32_t unitEnd) {
        const std::size_t bytes = utf8Length(input, unitPos, unitEnd);
        pieces.emplace_back(utf8, bytePos, bytes);
        bytePos += bytes;
        unitPos = unitEnd;
    };
    while (matcher->find(status) && U_SUCCESS(status)) {
        const int32_t start = matcher->start(status);
        const int32_t end = matcher->end(status);
        if (start > unitPos)
            emitUpTo(start); // text no alternative matched stays a piece of its own
        if (end > start)
            emitUpTo(end);
    }
    if (status == U_REGEX_TIME_OUT)
        throw ModelError(m_sourceName, "the pre-tokenizer regex gave up on a text of "
                                               + std::to_string(text.size())
                                               + " bytes after backtracking for seconds (does the "
                                                 "pattern nest repetitions, like (a+)+?)");
    if (U_FAILURE(status))
        throw ModelError(m_sourceName,
                         "the pre-tokenizer regex failed: " + std::string(u_errorName(status)));
    if (unitPos < input.length())
        emitUpTo(input.length());
}

} // namespace migician::model
