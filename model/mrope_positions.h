// Qwen2-VL's multimodal rotary positions (transformers' get_rope_index for images): three streams
// (temporal, height, width). Text tokens get (n, n, n) and advance n by one; an image run of grid
// (t, gh, gw) gets (n + ti, n + r, n + c) for each merged cell, after which n = max position + 1.
// So text after an image continues at max + 1, NOT at n + number of image tokens.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

namespace migician::model {

struct MropePositions
{
    std::array<std::vector<std::int64_t>, 3> axes; // t, h, w; each of the sequence length
    std::int64_t ropeDelta = 0; // max position + 1 - sequence length (<= 0 with images)

    std::int64_t length() const { return std::int64_t(axes[0].size()); }
    // Position of the k-th generated token (k = 0: the first token fed back), in all three axes.
    std::int64_t decodePosition(std::int64_t k) const { return length() + k + ropeDelta; }
};

// grids: (t, h, w) in 14-pixel patches per image, in prompt order. Throws ModelError when the
// image-token runs in `ids` do not match the grids (count or length).
MropePositions computeMropePositions(const std::vector<std::int64_t> &ids,
                                     std::int64_t imageTokenId,
                                     const std::vector<std::array<int, 3>> &grids, int mergeSize);

} // namespace migician::model
