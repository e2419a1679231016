// PNG and JPEG bytes -> the engine's RgbImage without Qt or OpenCV (libpng and libjpeg-turbo, the
// libraries Pillow itself uses), matching `PIL.Image.open(f).convert("RGB")`: gray is replicated,
// palettes expanded, alpha dropped without compositing, no gamma or EXIF rotation applied; 16-bit
// samples keep their high byte (Pillow's RGB;16B unpacker). The size is read from the header and
// checked against the limits before any pixel memory is allocated. Thread-safe.
#pragma once

#include "model/rgb_image.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace migician::serve {

enum class ImageFormat { Png, Jpeg, Unknown };

// By the file's magic bytes, whatever a media type claims.
ImageFormat sniffImageFormat(std::string_view bytes);

struct DecodeLimits
{
    std::int64_t maxPixels = 50'000'000; // width * height
    int maxSide = 65'500;
};

// False with *error saying what is wrong (unknown format, corrupt data, too large).
bool decodeImage(std::string_view bytes, const DecodeLimits &limits, model::RgbImage *out,
                 std::string *error);

} // namespace migician::serve
