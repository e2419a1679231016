// Applies a row-wise function to a [rows, ...] tensor in pieces of at most `rows` rows, so that the
// wide intermediate activations of large inputs (MLP widths) stay small. Rows are independent, so
// the result equals one call on the whole tensor.
#pragma once

#include <ATen/ATen.h>

#include <algorithm>

namespace migician::model {

template<typename RowFunction>
at::Tensor inRowChunks(const at::Tensor &x, std::int64_t rows, const RowFunction &run)
{
    const std::int64_t n = x.size(0);
    if (n <= rows)
        return run(x);
    at::Tensor out = at::empty_like(x);
    for (std::int64_t s = 0; s < n; s += rows) {
        const std::int64_t c = std::min(rows, n - s);
        out.narrow(0, s, c).copy_(run(x.narrow(0, s, c)));
    }
    return out;
}

} // namespace migician::model
