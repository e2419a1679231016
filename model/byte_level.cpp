#include "model/byte_level.h"

#include <unordered_map>

namespace migician::model::byte_level {
namespace {

struct Alphabet
{
    std::array<char32_t, 256> codePoints{};
    std::array<std::string, 256> utf8;
    std::unordered_map<char32_t, unsigned char> bytes;

    Alphabet()
    {
        // Bytes printable in Latin-1 keep their value; the other 68 get U+0100 upwards in byte
        // order, exactly as bytes_to_unicode() in GPT-2's encoder.py.
        char32_t next = 0x100;
        for (int b = 0; b < 256; ++b) {
            const bool printable = (b >= 0x21 && b <= 0x7E) || (b >= 0xA1 && b <= 0xAC)
                                   || (b >= 0xAE && b <= 0xFF);
            codePoints[b] = printable ? char32_t(b) : next++;
            appendUtf8(utf8[b], codePoints[b]);
            bytes.emplace(codePoints[b], static_cast<unsigned char>(b));
        }
    }
};

const Alphabet &alphabet()
{
    static const Alphabet table;
    return table;
}

// Length of the valid UTF-8 sequence at `s[i]`, or 0 when it is not valid (per Unicode's table
// of well-formed byte sequences).
std::size_t validSequenceLength(std::string_view s, std::size_t i, std::size_t &invalidLength)
{
    const auto byte = [&](std::size_t k) {
        return static_cast<unsigned char>(s[k]);
    };
    const unsigned char b0 = byte(i);
    invalidLength = 1;
    if (b0 < 0x80)
        return 1;
    std::size_t need = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        need = 1;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        need = 2;
        if (b0 == 0xE0)
            lo = 0xA0;
        else if (b0 == 0xED)
            hi = 0x9F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        need = 3;
        if (b0 == 0xF0)
            lo = 0x90;
        else if (b0 == 0xF4)
            hi = 0x8F;
    } else {
        return 0;
    }
    // The maximal invalid subpart is the lead byte plus the continuation bytes that were still
    // acceptable before the sequence broke off.
    for (std::size_t k = 1; k <= need; ++k) {
        if (i + k >= s.size())
            return 0;
        const unsigned char b = byte(i + k);
        const unsigned char low = k == 1 ? lo : 0x80;
        const unsigned char high = k == 1 ? hi : 0xBF;
        if (b < low || b > high)
            return 0;
        invalidLength = k + 1;
    }
    return need + 1;
}

} // namespace

char32_t byteToCodePoint(unsigned char byte)
{
    return alphabet().codePoints[byte];
}

std::optional<unsigned char> codePointToByte(char32_t codePoint)
{
    const auto &bytes = alphabet().bytes;
    const auto it = bytes.find(codePoint);
    if (it == bytes.end())
        return std::nullopt;
    return it->second;
}

const std::string &byteToUtf8(unsigned char byte)
{
    return alphabet().utf8[byte];
}

void appendUtf8(std::string &out, char32_t cp)
{
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

std::string tokenToBytes(std::string_view token)
{
    std::string out;
    out.reserve(token.size());
    std::size_t i = 0;
    while (i < token.size()) {
        std::size_t invalid = 0;
        const std::size_t length = validSequenceLength(token, i, invalid);
        if (length == 0)
            return std::string(token);
        char32_t cp = static_cast<unsigned char>(token[i]);
        if (length > 1) {
            cp &= 0x7F >> length;
            for (std::size_t k = 1; k < length; ++k)
                cp = (cp << 6) | (static_cast<unsigned char>(token[i + k]) & 0x3F);
        }
        const auto byte = codePointToByte(cp);
        if (!byte)
            return std::string(token);
        out.push_back(static_cast<char>(*byte));
        i += length;
    }
    return out;
}

std::string utf8Lossy(std::string_view bytes)
{
    std::string out;
    out.reserve(bytes.size());
    std::size_t i = 0;
    while (i < bytes.size()) {
        std::size_t invalid = 0;
        const std::size_t length = validSequenceLength(bytes, i, invalid);
        if (length > 0) {
            out.append(bytes.substr(i, length));
            i += length;
        } else {
            out.append("\xEF\xBF\xBD");
            i += invalid;
        }
    }
    return out;
}

} // namespace migician::model::byte_level
