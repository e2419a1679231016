// `data:` URLs (RFC 2397) with base64 payloads, the only way images reach `migician serve`: the
// server never fetches a URL on a client's behalf.
#pragma once

#include <string>
#include <string_view>

namespace migician::serve {

struct DataUrl
{
    std::string mediaType; // lower case, e.g. "image/png"; empty when the URL names none
    std::string bytes;     // the decoded payload
};

// False with *error saying what is wrong (not a data: URL, not base64, bad characters).
bool parseDataUrl(std::string_view url, DataUrl *out, std::string *error);

// Strict RFC 4648 base64 (padding optional, no whitespace). False on any other character.
bool decodeBase64(std::string_view text, std::string *out);

} // namespace migician::serve
