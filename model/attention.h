// Scaled dot-product attention shared by the vision tower and the decoder, sized for real inputs
// (MIG-Bench's four 1008x756 images give ~4k text tokens and 3,888 patches per image; the default
// pixel limit allows ~65k patches per image).
//
// On libtorch >= 2.1 it calls at::scaled_dot_product_attention (flash / memory-efficient kernels on
// a GPU, `is_causal` instead of a mask). The explicit path (libtorch 1.13, or forced for tests)
// computes queries in chunks so that a chunk's float32 scores stay within a fixed budget, skips the
// keys a causal chunk cannot see, and applies one [C, C] triangle built once per forward in the
// compute dtype (never a full [L, L] mask, never repeated per head). Scores are normalised in
// float32, as the reference does.
//
// Grouped-query attention: q [heads, Lq, D], k/v [kvHeads, Lk, D] with heads a multiple of kvHeads;
// query head j uses kv head j / (heads / kvHeads). Every function returns [heads, Lq, D].
#pragma once

#include <ATen/ATen.h>

#include <cstdint>

namespace migician::model {

enum class AttentionKernel { Auto, Explicit, Fused };

bool fusedAttentionAvailable();                  // libtorch >= 2.1
void setAttentionKernel(AttentionKernel kernel); // process-wide; for tests and benchmarks
AttentionKernel attentionKernel();

// Query rows per chunk of the explicit path; 0 (the default) sizes chunks from the score budget.
// Tests set small values to split images and text across chunks.
void setAttentionChunkRows(std::int64_t rows);

// The causal structure of one forward pass: query i sits at position offset + i and sees keys
// [0, offset + i]. Build it once per forward and pass it to every layer.
struct CausalMask
{
    std::int64_t offset = 0;    // keys already in the cache before the first query
    std::int64_t chunkRows = 0; // query rows per chunk of the explicit path
    at::Tensor triangle;        // [chunkRows, chunkRows] additive 0 / -inf, the compute dtype

    // `like`: a query tensor of the forward (dtype and device); heads: query heads.
    static CausalMask build(std::int64_t offset, std::int64_t queries, std::int64_t heads,
                            const at::Tensor &like);
};

// Every query sees every key (the vision tower, per image).
at::Tensor attend(const at::Tensor &q, const at::Tensor &k, const at::Tensor &v, double scale);

// Causal self-attention over the cache: k/v hold mask.offset + Lq keys.
at::Tensor attendCausal(const at::Tensor &q, const at::Tensor &k, const at::Tensor &v, double scale,
                        const CausalMask &mask);

// Every query sees the keys where `visible` [Lk] (bool, on the device) is true: the decode step
// over a fixed-capacity cache, whose shapes never change (CUDA graphs).
at::Tensor attendVisible(const at::Tensor &q, const at::Tensor &k, const at::Tensor &v,
                         double scale, const at::Tensor &visible);

} // namespace migician::model
