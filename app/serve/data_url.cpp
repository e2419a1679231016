#include "data_url.h"

#include <array>
#include <cctype>

namespace migician::serve {

namespace {

constexpr std::array<signed char, 256> decodingTable()
{
    std::array<signed char, 256> table{};
    for (auto &value : table)
        value = -1;
    const char *alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < 64; ++i)
        table[static_cast<unsigned char>(alphabet[i])] = static_cast<signed char>(i);
    return table;
}

constexpr auto kDecoding = decodingTable();

std::string lower(std::string_view text)
{
    std::string out(text);
    for (char &c : out)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

} // namespace

bool decodeBase64(std::string_view text, std::string *out)
{
    while (!text.empty() && text.back() == '=')
        text.remove_suffix(1);
    if (text.size() % 4 == 1)
        return false;
    out->clear();
    out->reserve(text.size() / 4 * 3 + 2);
    std::uint32_t buffer = 0;
    int bits = 0;
    for (const char c : text) {
        const int value = kDecoding[static_cast<unsigned char>(c)];
        if (value < 0)
            return false;
        buffer = (buffer << 6) | std::uint32_t(value);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out->push_back(char((buffer >> bits) & 0xff));
        }
    }
    return true;
}

bool parseDataUrl(std::string_view url, DataUrl *out, std::string *error)
{
    if (url.size() < 5 || lower(url.substr(0, 5)) != "data:") {
        *error = "only data: URLs are accepted (this server never fetches "
                 + std::string(url.substr(
                         0, url.find(':') == std::string_view::npos ? 0 : url.find(':') + 1))
                 + " URLs); send the image inline as data:image/png;base64,...";
        return false;
    }
    const std::size_t comma = url.find(',');
    if (comma == std::string_view::npos) {
        *error = "malformed data: URL (no comma before the payload)";
        return false;
    }
    const std::string header = lower(url.substr(5, comma - 5));
    const std::size_t base64 = header.rfind(";base64");
    if (base64 == std::string::npos || base64 + 7 != header.size()) {
        *error = "the data: URL must be base64-encoded (data:image/png;base64,...)";
        return false;
    }
    out->mediaType = header.substr(0, header.find(';'));
    if (!decodeBase64(url.substr(comma + 1), &out->bytes)) {
        *error = "the data: URL's payload is not valid base64";
        return false;
    }
    return true;
}

} // namespace migician::serve
