// The Qwen2-VL vision tower: patch embedding, 2-D rotary positions grouped by 2x2 merge windows,
// pre-norm blocks with attention restricted to each image's own patches, and the patch merger that
// maps every 2x2 window to one text-width embedding.
#pragma once

#include "model/model_config.h"
#include "model/qwen2vl_weights.h"
#include "model/run_control.h"

#include <ATen/ATen.h>

#include <array>
#include <vector>

namespace migician::model {

// Refers into weights it does not own: neither copyable nor movable.
class VisionTower
{
public:
    VisionTower(const VisionConfig &config, const VisionWeights &weights);
    VisionTower(const VisionTower &) = delete;
    VisionTower &operator=(const VisionTower &) = delete;

    // pixelValues [N, 1176] (all images' rows concatenated), grids (t, h, w) per image.
    // Returns [N / merge^2, hidden]. `blockOutputs`, when given, receives each block's output.
    // `control`, when given, is stepped before every block and after the last (Stage::Vision).
    at::Tensor forward(const at::Tensor &pixelValues, const std::vector<std::array<int, 3>> &grids,
                       std::vector<at::Tensor> *blockOutputs = nullptr,
                       const RunControl *control = nullptr) const;

    // Rotary angles [N, head_dim / 2] (row half, then column half) for the patch rows in order.
    at::Tensor rotaryAngles(const std::vector<std::array<int, 3>> &grids) const;

private:
    at::Tensor block(const VisionBlockWeights &w, const at::Tensor &x, const at::Tensor &cos,
                     const at::Tensor &sin, const std::vector<std::int64_t> &bounds) const;
    at::Tensor mlp(const VisionBlockWeights &w, const at::Tensor &x) const;

    VisionConfig m_config;
    const VisionWeights &m_weights;
};

} // namespace migician::model
