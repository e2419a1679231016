// A decoded picture as the engine takes it: 8-bit RGB, rows top to bottom, no padding.
// Decoding files is done outside model/ (ui/image_decoder.h); alpha is dropped there.
#pragma once

#include <cstdint>
#include <vector>

namespace migician::model {

struct RgbImage
{
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels; // [height][width][3]

    bool isEmpty() const { return width <= 0 || height <= 0; }
    const std::uint8_t *row(int y) const { return pixels.data() + std::size_t(y) * width * 3; }
};

} // namespace migician::model
