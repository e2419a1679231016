// Rotary position embedding as the reference applies it, x * cos + rotate_half(x) * sin with
// rotate_half(x) = [-x2, x1], computed half by half so that no rotated copy of x is made (the same
// roundings as the reference: negation and a + (-b) = a - b are exact).
#pragma once

#include <ATen/ATen.h>

namespace migician::model {

// x [..., D]; cos/sin broadcastable to x, [..., D]. Returns a new tensor in x's dtype.
at::Tensor applyRotary(const at::Tensor &x, const at::Tensor &cos, const at::Tensor &sin);

} // namespace migician::model
