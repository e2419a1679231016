#include "model/answer_parser.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <optional>

namespace migician::model {

namespace {

// A hand-written scanner rather than std::regex: regex can throw or exhaust the stack on long
// model outputs, and this parser must never throw.

constexpr std::string_view kBoxStart = "<|box_start|>";
constexpr std::string_view kBoxEnd = "<|box_end|>";
constexpr std::string_view kRefStart = "<|object_ref_start|>";
constexpr std::string_view kRefEnd = "<|object_ref_end|>";

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
bool isAlpha(char c)
{
    return std::isalpha(static_cast<unsigned char>(c)) != 0;
}
char lower(char c)
{
    return char(std::tolower(static_cast<unsigned char>(c)));
}

bool startsWithNoCase(std::string_view text, std::size_t pos, std::string_view word)
{
    if (pos + word.size() > text.size())
        return false;
    for (std::size_t i = 0; i < word.size(); ++i)
        if (lower(text[pos + i]) != word[i])
            return false;
    return true;
}

std::size_t skipSpaces(std::string_view text, std::size_t pos)
{
    while (pos < text.size() && isSpace(text[pos]))
        ++pos;
    return pos;
}

// Reads an optional sign and digits with an optional fraction; `integral` says whether the text
// had no fractional part.
std::optional<double> readNumber(std::string_view text, std::size_t &pos, bool &integral)
{
    std::size_t p = pos;
    if (p < text.size() && (text[p] == '-' || text[p] == '+'))
        ++p;
    const std::size_t digitsBegin = p;
    while (p < text.size() && isDigit(text[p]))
        ++p;
    bool hasDigits = p > digitsBegin;
    integral = true;
    if (p < text.size() && text[p] == '.') {
        const std::size_t fraction = p + 1;
        std::size_t q = fraction;
        while (q < text.size() && isDigit(text[q]))
            ++q;
        if (q > fraction) {
            integral = false;
            hasDigits = true;
            p = q;
        }
    }
    if (!hasDigits)
        return std::nullopt;
    std::string_view digits = text.substr(pos, p - pos);
    if (!digits.empty() && digits.front() == '+')
        digits.remove_prefix(1);
    double value = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (error != std::errc() || end != digits.data() + digits.size() || !std::isfinite(value))
        return std::nullopt;
    pos = p;
    return value;
}

struct RawBox
{
    std::size_t begin = 0;
    std::size_t end = 0;
    std::array<double, 4> values{};
    bool anyFraction = false;
};

// Reads `count` numbers separated by `separator` (or by spaces when separator is 0).
bool readNumbers(std::string_view text, std::size_t &pos, double *out, int count, char separator,
                 bool &anyFraction)
{
    for (int i = 0; i < count; ++i) {
        pos = skipSpaces(text, pos);
        if (i > 0 && separator != 0) {
            if (pos >= text.size() || text[pos] != separator)
                return false;
            pos = skipSpaces(text, pos + 1);
        } else if (i > 0 && pos < text.size() && text[pos] == ',') {
            pos = skipSpaces(text, pos + 1);
        }
        bool integral = true;
        const auto value = readNumber(text, pos, integral);
        if (!value)
            return false;
        out[i] = *value;
        anyFraction = anyFraction || !integral;
    }
    pos = skipSpaces(text, pos);
    return true;
}

// `(a, b), (c, d)` starting at `pos` (which holds '(').
std::optional<RawBox> readPairBox(std::string_view text, std::size_t pos)
{
    RawBox box;
    box.begin = pos;
    for (int pair = 0; pair < 2; ++pair) {
        if (pair == 1) {
            pos = skipSpaces(text, pos);
            if (pos < text.size() && text[pos] == ',')
                pos = skipSpaces(text, pos + 1);
        }
        if (pos >= text.size() || text[pos] != '(')
            return std::nullopt;
        ++pos;
        if (!readNumbers(text, pos, box.values.data() + pair * 2, 2, ',', box.anyFraction))
            return std::nullopt;
        if (pos >= text.size() || text[pos] != ')')
            return std::nullopt;
        ++pos;
    }
    box.end = pos;
    return box;
}

// `[a, b, c, d]` starting at '['.
std::optional<RawBox> readListBox(std::string_view text, std::size_t pos)
{
    RawBox box;
    box.begin = pos++;
    if (!readNumbers(text, pos, box.values.data(), 4, ',', box.anyFraction))
        return std::nullopt;
    if (pos >= text.size() || text[pos] != ']')
        return std::nullopt;
    box.end = pos + 1;
    return box;
}

// `<box>a b c d</box>` starting at '<'.
std::optional<RawBox> readTagBox(std::string_view text, std::size_t pos)
{
    if (text.substr(pos, 5) != "<box>")
        return std::nullopt;
    RawBox box;
    box.begin = pos;
    pos += 5;
    if (!readNumbers(text, pos, box.values.data(), 4, 0, box.anyFraction))
        return std::nullopt;
    if (text.substr(pos, 6) != "</box>")
        return std::nullopt;
    box.end = pos + 6;
    return box;
}

bool endsWithAt(std::string_view text, std::size_t end, std::string_view suffix)
{
    return end >= suffix.size() && text.substr(end - suffix.size(), suffix.size()) == suffix;
}

// A pair box counts as the official form when a box tag sits right before or after it (the
// closing tag may be the prompt's typo `<|box_start|>`, or missing when the opening one is there).
bool isTagged(std::string_view text, const RawBox &box)
{
    std::size_t before = box.begin;
    while (before > 0 && isSpace(text[before - 1]))
        --before;
    if (endsWithAt(text, before, kBoxStart))
        return true;
    const std::size_t after = skipSpaces(text, box.end);
    return text.substr(after, kBoxEnd.size()) == kBoxEnd
           || text.substr(after, kBoxStart.size()) == kBoxStart;
}

template<typename Reader>
std::vector<RawBox> scanAll(std::string_view text, char opener, Reader read)
{
    std::vector<RawBox> boxes;
    std::size_t pos = 0;
    while ((pos = text.find(opener, pos)) != std::string_view::npos) {
        if (auto box = read(text, pos)) {
            boxes.push_back(*box);
            pos = box->end;
        } else {
            ++pos;
        }
    }
    return boxes;
}

struct Mention
{
    std::size_t pos;
    int image;
};

std::vector<Mention> findMentions(std::string_view text)
{
    static constexpr std::array<std::string_view, 6> ordinals
            = {"first", "second", "third", "fourth", "fifth", "sixth"};
    std::vector<Mention> mentions;
    // "image" after optional spaces, ending a word ("images" names no single image).
    const auto imageWordAt = [&](std::size_t p) {
        p = skipSpaces(text, p);
        return startsWithNoCase(text, p, "image")
               && (p + 5 >= text.size() || !isAlpha(text[p + 5]));
    };
    for (std::size_t pos = 0; pos < text.size(); ++pos) {
        const bool wordStart = pos == 0 || !isAlpha(text[pos - 1]);
        if (!wordStart && !isDigit(text[pos]))
            continue;
        // "Image-2", "image 2", "Image_2"
        if (wordStart && startsWithNoCase(text, pos, "image")) {
            std::size_t p = pos + 5;
            if (p < text.size() && (text[p] == '-' || text[p] == '_' || text[p] == ' '))
                ++p;
            const std::size_t digits = p;
            int value = 0;
            while (p < text.size() && isDigit(text[p]) && p - digits < 4)
                value = value * 10 + (text[p++] - '0');
            if (p > digits && (p >= text.size() || !isDigit(text[p]))) {
                mentions.push_back({pos, value});
                pos = p - 1;
                continue;
            }
        }
        // "first image" ... "sixth image"
        if (wordStart && isAlpha(text[pos])) {
            bool matched = false;
            for (std::size_t i = 0; i < ordinals.size() && !matched; ++i) {
                const auto &word = ordinals[i];
                if (startsWithNoCase(text, pos, word) && imageWordAt(pos + word.size())) {
                    mentions.push_back({pos, int(i) + 1});
                    pos += word.size() - 1;
                    matched = true;
                }
            }
            if (matched)
                continue;
        }
        // "2nd image", "3rd image", "2th image" (sloppy suffixes included)
        if (isDigit(text[pos]) && (pos == 0 || !isDigit(text[pos - 1]))
            && (pos == 0 || !isAlpha(text[pos - 1]))) {
            std::size_t p = pos;
            int value = 0;
            while (p < text.size() && isDigit(text[p]) && p - pos < 4)
                value = value * 10 + (text[p++] - '0');
            if (p < text.size() && isDigit(text[p]))
                continue;
            if (startsWithNoCase(text, p, "st") || startsWithNoCase(text, p, "nd")
                || startsWithNoCase(text, p, "rd") || startsWithNoCase(text, p, "th")) {
                if (imageWordAt(p + 2)) {
                    mentions.push_back({pos, value});
                    pos = p + 1;
                }
            }
        }
    }
    return mentions;
}

struct Phrase
{
    std::size_t end; // just after the closing tag
    std::string text;
};

std::string trimmed(std::string_view text)
{
    std::size_t begin = 0;
    std::size_t end = text.size();
    while (begin < end && isSpace(text[begin]))
        ++begin;
    while (end > begin && isSpace(text[end - 1]))
        --end;
    return std::string(text.substr(begin, end - begin));
}

std::vector<Phrase> findPhrases(std::string_view text)
{
    std::vector<Phrase> phrases;
    std::size_t pos = 0;
    while ((pos = text.find(kRefStart, pos)) != std::string_view::npos) {
        const std::size_t begin = pos + kRefStart.size();
        const std::size_t close = text.find(kRefEnd, begin);
        if (close == std::string_view::npos)
            break;
        phrases.push_back({close + kRefEnd.size(), trimmed(text.substr(begin, close - begin))});
        pos = close + kRefEnd.size();
    }
    return phrases;
}

ParsedBox normalised(const RawBox &raw)
{
    const bool allWithinOne
            = std::all_of(raw.values.begin(), raw.values.end(), [](double v) { return v <= 1.0; });
    // 0..1 values with a fraction are already normalised; anything else is on the 0-1000 scale.
    const double divisor = allWithinOne && raw.anyFraction ? 1.0 : 1000.0;
    const auto clamp01 = [&](double v) {
        return std::clamp(v / divisor, 0.0, 1.0);
    };
    ParsedBox box;
    box.x1 = clamp01(std::min(raw.values[0], raw.values[2]));
    box.x2 = clamp01(std::max(raw.values[0], raw.values[2]));
    box.y1 = clamp01(std::min(raw.values[1], raw.values[3]));
    box.y2 = clamp01(std::max(raw.values[1], raw.values[3]));
    return box;
}

} // namespace

std::vector<int> imageMentions(std::string_view text)
{
    std::vector<int> result;
    for (const auto &mention : findMentions(text))
        result.push_back(mention.image);
    return result;
}

ParsedAnswer parseAnswer(std::string_view text, int imageCount)
{
    ParsedAnswer answer;
    const auto phrases = findPhrases(text);
    for (const auto &phrase : phrases)
        answer.phrases.push_back(phrase.text);

    // The official form first; the scorer's looser forms only when it is absent.
    std::vector<RawBox> raw;
    const auto pairs = scanAll(text, '(', readPairBox);
    for (const auto &box : pairs)
        if (isTagged(text, box))
            raw.push_back(box);
    if (raw.empty())
        raw = pairs;
    if (raw.empty())
        raw = scanAll(text, '[', readListBox);
    if (raw.empty())
        raw = scanAll(text, '<', readTagBox);

    if (raw.empty()) {
        if (trimmed(text).empty())
            answer.failure = "the answer is empty";
        else if (text.find(kBoxStart) != std::string_view::npos)
            answer.failure = "the answer has a <|box_start|> tag but no readable (x1,y1),(x2,y2)";
        else
            answer.failure = "the answer holds no box of a known form";
        return answer;
    }

    auto mentions = findMentions(text);
    if (imageCount > 0)
        mentions.erase(std::remove_if(mentions.begin(), mentions.end(),
                                      [&](const Mention &m) {
                                          return m.image < 1 || m.image > imageCount;
                                      }),
                       mentions.end());
    else
        mentions.erase(std::remove_if(mentions.begin(), mentions.end(),
                                      [](const Mention &m) { return m.image < 1; }),
                       mentions.end());

    std::size_t previousEnd = 0;
    for (const auto &box : raw) {
        ParsedBox parsed = normalised(box);
        for (const auto &mention : mentions)
            if (mention.pos < box.begin)
                parsed.image = mention.image;
        // The phrase that closes between the previous box and this one names this box.
        for (const auto &phrase : phrases)
            if (phrase.end <= box.begin && phrase.end > previousEnd)
                parsed.phrase = phrase.text;
        previousEnd = box.end;
        answer.boxes.push_back(parsed);
    }
    return answer;
}

PixelBox toPixels(const ParsedBox &box, int width, int height)
{
    return {box.x1 * width, box.y1 * height, box.x2 * width, box.y2 * height};
}

} // namespace migician::model
