// Scaled dot-product attention shared by the vision tower and the decoder. Uses
// at::scaled_dot_product_attention on libtorch >= 2.1 and an explicit matmul/softmax path before
// (selectable, so tests can compare them). Scores are normalised in float32, as the reference does.
#pragma once

#include <ATen/ATen.h>

namespace migician::model {

enum class AttentionKernel { Auto, Explicit, Fused };

// The fused kernel is compiled in.
bool fusedAttentionAvailable();                  // libtorch >= 2.1
void setAttentionKernel(AttentionKernel kernel); // process-wide; for tests and benchmarks
AttentionKernel attentionKernel();

// q [B, Lq, D], k/v [B, Lk, D]; mask: additive [Lq, Lk] (0 / -inf) or undefined. Returns [B, Lq,
// D].
at::Tensor attend(const at::Tensor &q, const at::Tensor &k, const at::Tensor &v,
                  const at::Tensor &mask, double scale);

} // namespace migician::model
