// Shared by the fuzz targets: invariant checks that end the run with a message (libFuzzer then
// keeps the input as a crash file), and the paths the targets need.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

// An invariant of the parser under test; a violation aborts, which libFuzzer reports as a crash.
#define FUZZ_CHECK(condition, message)                                                             \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            std::fprintf(stderr, "fuzz invariant violated at %s:%d: %s\n  %s\n", __FILE__,         \
                         __LINE__, #condition, std::string(message).c_str());                      \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)

namespace migician::fuzz {

inline std::string_view asText(const std::uint8_t *data, std::size_t size)
{
    return {reinterpret_cast<const char *>(data), size};
}

// Where the shared fixtures live (compiled in, as for the test suites).
inline std::string sharedPath(const char *relative)
{
    return std::string(MIGICIAN_SHARED_DIR) + "/" + relative;
}

// True when `text` is well-formed UTF-8 (no overlong forms, surrogates or values above U+10FFFF).
bool isValidUtf8(std::string_view text);

} // namespace migician::fuzz
