#include "mrope_positions.h"

#include "model/model_error.h"

#include <algorithm>
#include <string>

namespace migician::model {

MropePositions computeMropePositions(const std::vector<std::int64_t> &ids,
                                     std::int64_t imageTokenId,
                                     const std::vector<std::array<int, 3>> &grids, int mergeSize)
{
    MropePositions out;
    for (auto &axis : out.axes)
        axis.reserve(ids.size());
    std::int64_t next = 0;
    std::int64_t maxUsed = -1;
    std::size_t image = 0;
    std::size_t i = 0;
    while (i < ids.size()) {
        if (ids[i] != imageTokenId) {
            for (auto &axis : out.axes)
                axis.push_back(next);
            maxUsed = std::max(maxUsed, next);
            ++next;
            ++i;
            continue;
        }
        if (image >= grids.size())
            throw ModelError("prompt", "has more image placeholders than the "
                                               + std::to_string(grids.size()) + " image(s) given");
        const auto [gt, gh, gw] = grids[image];
        const std::int64_t rows = gh / mergeSize;
        const std::int64_t cols = gw / mergeSize;
        const std::size_t count = std::size_t(gt * rows * cols);
        std::size_t run = 0;
        while (i + run < ids.size() && ids[i + run] == imageTokenId && run < count)
            ++run;
        if (run != count)
            throw ModelError("prompt", "image " + std::to_string(image + 1) + " needs "
                                               + std::to_string(count)
                                               + " image tokens but the prompt has "
                                               + std::to_string(run));
        for (std::int64_t t = 0; t < gt; ++t)
            for (std::int64_t r = 0; r < rows; ++r)
                for (std::int64_t c = 0; c < cols; ++c) {
                    out.axes[0].push_back(next + t);
                    out.axes[1].push_back(next + r);
                    out.axes[2].push_back(next + c);
                }
        maxUsed = std::max(maxUsed, next + std::max<std::int64_t>({gt - 1, rows - 1, cols - 1}));
        next = maxUsed + 1;
        i += run;
        ++image;
    }
    if (image != grids.size())
        throw ModelError("prompt", "has image placeholders for " + std::to_string(image)
                                           + " image(s) but " + std::to_string(grids.size())
                                           + " were given");
    out.ropeDelta = maxUsed + 1 - std::int64_t(ids.size());
    return out;
}

} // namespace migician::model
