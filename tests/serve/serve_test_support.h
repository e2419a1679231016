// Shared by the serve suites: the tiny fixture's cases and data: URLs (fixture paths and file
// reads come from the model suites' helpers).
#pragma once

#include "../model/io_test_support.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>

namespace migician::test {

inline const nlohmann::json &tinyCases()
{
    static const nlohmann::json cases
            = nlohmann::json::parse(readBytes(fixturePath("cases.json")))["cases"];
    return cases;
}

inline std::string base64(const std::string &bytes)
{
    static const char *alphabet
            = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        const unsigned v = (unsigned char)bytes[i] << 16 | (unsigned char)bytes[i + 1] << 8
                           | (unsigned char)bytes[i + 2];
        out += {alphabet[v >> 18], alphabet[(v >> 12) & 63], alphabet[(v >> 6) & 63],
                alphabet[v & 63]};
    }
    if (i + 1 == bytes.size()) {
        const unsigned v = (unsigned char)bytes[i] << 16;
        out += {alphabet[v >> 18], alphabet[(v >> 12) & 63], '=', '='};
    } else if (i + 2 == bytes.size()) {
        const unsigned v = (unsigned char)bytes[i] << 16 | (unsigned char)bytes[i + 1] << 8;
        out += {alphabet[v >> 18], alphabet[(v >> 12) & 63], alphabet[(v >> 6) & 63], '='};
    }
    return out;
}

inline std::string dataUrl(const std::string &bytes, const std::string &type = "image/png")
{
    return "data:" + type + ";base64," + base64(bytes);
}

} // namespace migician::test
