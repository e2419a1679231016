#include "rotary.h"

namespace migician::model {

at::Tensor applyRotary(const at::Tensor &x, const at::Tensor &cos, const at::Tensor &sin)
{
    const std::int64_t half = x.size(-1) / 2;
    at::Tensor out = x * cos;
    out.narrow(-1, 0, half).sub_(x.narrow(-1, half, half) * sin.narrow(-1, 0, half));
    out.narrow(-1, half, half).add_(x.narrow(-1, 0, half) * sin.narrow(-1, half, half));
    return out;
}

} // namespace migician::model
