// The work a benchmark request asks of the machine, counted from the config and the inputs: the
// floating-point operations of the vision tower and of the prefill, and the bytes one decode step
// must read (every decoder weight, the lm_head and the KV cache). Divided by the machine's measured
// GEMM rate and read bandwidth they give each stage's bound (machine_limits.h).
#pragma once

#include "model/model_config.h"

#include <array>
#include <cstdint>
#include <vector>

namespace migician::bench {

struct WorkloadCost
{
    double visionFlop = 0;
    double prefillFlop = 0;        // causal attention counted once per visible pair; lm_head once
    double decodeBytesPerStep = 0; // at the mean cache length of the decode steps
    double decodeWeightBytes = 0;  // the weights part of it
};

// grids: (t, h, w) per image in patches; elementBytes: 2 (bfloat16) or 4 (float32).
WorkloadCost workloadCost(const model::ModelConfig &config,
                          const std::vector<std::array<int, 3>> &grids, std::int64_t promptTokens,
                          int generatedTokens, int elementBytes);

} // namespace migician::bench
