// Limits on one grounding request, checked before any work is done, so that an oversized request
// (from the GUI, the command line or a network client) gets a clear ModelError instead of a
// multi-gigabyte allocation. Image files above 2 GB are refused where they are read
// (ui/image_decoder.h, kMaxImageFileBytes); images above 400 megapixels by the preprocessor.
#pragma once

#include <cstddef>
#include <cstdint>

namespace migician::model {

struct ModelConfig;

// Images in one request. MIG-Bench cases have 2 to 6; the scorer reads image numbers up to 64 as
// well. Every image costs at least 4 vision tokens and a preprocessing pass.
inline constexpr std::size_t kMaxImagesPerRequest = 64;

// Bytes of query text. Far above what fits in the context window (32,768 tokens for Qwen2-VL, a
// few bytes each), so the token check below decides for real queries; this one stops a runaway
// input before the tokenizer spends time on it.
inline constexpr std::size_t kMaxQueryBytes = 1u << 20;

// Throws ModelError("request", ...) when there are too many images or the query is too long.
void checkRequestSize(std::size_t images, std::size_t queryBytes);

// The KV cache holds the prompt and every new token, one rotary position each; the model was
// trained for at most `max_position_embeddings` positions. Throws ModelError("prompt", ...) naming
// both numbers when promptTokens + maxNewTokens exceeds it.
void checkSequenceLength(std::int64_t promptTokens, std::int64_t maxNewTokens,
                         const ModelConfig &config);

} // namespace migician::model
