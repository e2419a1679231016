#include "model/png_layout.h"

#include <cstdint>
#include <cstring>

namespace migician::model {

namespace {

constexpr unsigned char kSignature[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
constexpr std::size_t kChunkOverhead = 12; // length, type, CRC

std::uint32_t bigEndian32(const char *bytes)
{
    const auto *b = reinterpret_cast<const unsigned char *>(bytes);
    return (std::uint32_t(b[0]) << 24) | (std::uint32_t(b[1]) << 16) | (std::uint32_t(b[2]) << 8)
           | std::uint32_t(b[3]);
}

// Chunk types are four ASCII letters; anything else is shown as '?' to keep messages printable.
std::string printableType(const char *bytes)
{
    std::string type(bytes, 4);
    for (char &c : type)
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')))
            c = '?';
    return type;
}

} // namespace

std::string pngLayoutProblem(std::string_view bytes)
{
    if (bytes.size() < sizeof kSignature
        || std::memcmp(bytes.data(), kSignature, sizeof kSignature) != 0)
        return {};
    std::size_t offset = sizeof kSignature;
    while (offset < bytes.size()) {
        const std::size_t left = bytes.size() - offset;
        if (left < 8)
            return "truncated chunk header at byte " + std::to_string(offset);
        const std::uint32_t length = bigEndian32(bytes.data() + offset);
        const std::string type = printableType(bytes.data() + offset + 4);
        if (std::uint64_t(length) + kChunkOverhead > left)
            return "chunk '" + type + "' at byte " + std::to_string(offset) + " declares "
                   + std::to_string(length) + " bytes, but only "
                   + std::to_string(left < kChunkOverhead ? 0 : left - kChunkOverhead) + " follow";
        if (type == "IEND")
            break;
        offset += kChunkOverhead + length;
    }
    return {};
}

} // namespace migician::model
