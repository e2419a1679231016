#include "vision_tower.h"

#include "model/attention.h"
#include "model/linear_kernels.h"
#include "model/rotary.h"
#include "model/row_chunks.h"

#include <algorithm>
#include <cmath>

namespace migician::model {

namespace {

// Largest [rows, mlp width] activation of the MLP in one piece.
constexpr std::int64_t kActivationBudgetBytes = 32LL << 20;

at::Tensor quickGelu(const at::Tensor &x)
{
    return (x * 1.702).sigmoid_().mul_(x); // x * sigmoid(1.702 x) with one temporary
}

} // namespace

VisionTower::VisionTower(const VisionConfig &config, const VisionWeights &weights)
    : m_config(config)
    , m_weights(weights)
{}

at::Tensor VisionTower::rotaryAngles(const std::vector<std::array<int, 3>> &grids) const
{
    const int headDim = m_config.embedDim / m_config.numHeads;
    const int d = headDim / 2; // rotary width: half from rows, half from columns
    const int m = m_config.spatialMergeSize;
    std::vector<float> rows, cols;
    for (const auto &[t, h, w] : grids) {
        // Patch order inside an image follows the 2x2 merge windows (see image_preprocess.h).
        for (int f = 0; f < t; ++f)
            for (int wr = 0; wr < h / m; ++wr)
                for (int wc = 0; wc < w / m; ++wc)
                    for (int ir = 0; ir < m; ++ir)
                        for (int ic = 0; ic < m; ++ic) {
                            rows.push_back(float(wr * m + ir));
                            cols.push_back(float(wc * m + ic));
                        }
    }
    const auto n = std::int64_t(rows.size());
    const auto options = at::TensorOptions().dtype(at::kFloat);
    const at::Tensor invFreq = 1.0 / at::pow(10000.0, at::arange(0, d, 2, options) / double(d));
    const at::Tensor r = at::from_blob(rows.data(), {n, 1}, options).clone();
    const at::Tensor c = at::from_blob(cols.data(), {n, 1}, options).clone();
    return at::cat({r * invFreq, c * invFreq}, 1);
}

at::Tensor VisionTower::block(const VisionBlockWeights &w, const at::Tensor &x,
                              const at::Tensor &cos, const at::Tensor &sin,
                              const std::vector<std::int64_t> &bounds) const
{
    const std::int64_t n = x.size(0);
    const std::int64_t E = m_config.embedDim;
    const std::int64_t heads = m_config.numHeads;
    const std::int64_t hd = E / heads;
    const double eps = m_config.layerNormEps;

    // Rotary in float32, as the reference does, then back to the compute dtype.
    const auto rope = [&](const at::Tensor &t) {
        return applyRotary(t.to(at::kFloat), cos, sin).to(x.scalar_type());
    };
    at::Tensor q, k, v;
    {
        // The normed input and the packed [N, 3E] projection die here, before attention and the
        // MLP: with four MIG-Bench images they are 160 MB of the vision stage's peak (W2).
        at::Tensor qkv = applyLinear(at::layer_norm(x, {E}, w.norm1Weight, w.norm1Bias, eps),
                                     w.qkvWeight, w.qkvBias)
                                 .view({n, 3, heads, hd})
                                 .permute({1, 2, 0, 3}); // three [heads, N, hd]
        q = rope(qkv[0]);
        k = rope(qkv[1]);
        v = qkv[2].contiguous();
    }
    const double scale = 1.0 / std::sqrt(double(hd));

    // Block-diagonal attention: each image (frame) attends only to its own patches.
    at::Tensor attn = at::empty({n, heads, hd}, x.options()); // [N, heads, hd]
    for (std::size_t i = 0; i + 1 < bounds.size(); ++i) {
        const auto b = bounds[i], e = bounds[i + 1];
        attn.narrow(0, b, e - b)
                .copy_(attend(q.slice(1, b, e), k.slice(1, b, e), v.slice(1, b, e), scale)
                               .permute({1, 0, 2}));
    }
    attn = attn.view({n, E});
    const at::Tensor out = applyLinear(attn, w.projWeight, w.projBias).add_(x);
    return mlp(w, out);
}

at::Tensor VisionTower::mlp(const VisionBlockWeights &w, const at::Tensor &x) const
{
    // x + fc2(quick_gelu(fc1(norm2(x)))), in row chunks so that the [rows, 4E] activations of
    // large images stay within a few tens of MB.
    const std::int64_t E = m_config.embedDim;
    const std::int64_t rows = std::max<std::int64_t>(
            256, kActivationBudgetBytes / (E * m_config.mlpRatio * x.element_size()));
    const auto run = [&](const at::Tensor &xs) {
        const at::Tensor h
                = at::layer_norm(xs, {E}, w.norm2Weight, w.norm2Bias, m_config.layerNormEps);
        return applyLinear(quickGelu(applyLinear(h, w.fc1Weight, w.fc1Bias)), w.fc2Weight,
                           w.fc2Bias)
                .add_(xs);
    };
    return inRowChunks(x, rows, run);
}

at::Tensor VisionTower::forward(const at::Tensor &pixelValues,
                                const std::vector<std::array<int, 3>> &grids,
                                std::vector<at::Tensor> *blockOutputs,
                                const RunControl *control) const
{
    const auto dtype = m_weights.patchEmbed.scalar_type();
    const auto device = m_weights.patchEmbed.device();
    // A GPU receives the pixel rows from pinned memory without a host stall, converted there.
    const at::Tensor pixels = device.is_cuda()
                                      ? pixelValues.pin_memory().to(device, /*non_blocking=*/true)
                                      : pixelValues;
    at::Tensor x = applyLinear(pixels.to(dtype), m_weights.patchEmbed);

    std::vector<std::int64_t> bounds{0};
    for (const auto &[t, h, w] : grids)
        for (int f = 0; f < t; ++f)
            bounds.push_back(bounds.back() + std::int64_t(h) * w);

    const at::Tensor angles = rotaryAngles(grids).to(device);
    const at::Tensor emb = at::cat({angles, angles}, 1).unsqueeze(0); // [1, N, hd]
    const at::Tensor cos = emb.cos();
    const at::Tensor sin = emb.sin();

    const int depth = int(m_weights.blocks.size());
    for (int i = 0; i < depth; ++i) {
        if (control)
            control->step(Stage::Vision, i, depth);
        x = block(m_weights.blocks[std::size_t(i)], x, cos, sin, bounds);
        if (blockOutputs)
            blockOutputs->push_back(x);
    }
    if (control)
        control->step(Stage::Vision, depth, depth);
    const std::int64_t E = m_config.embedDim;
    const int mm = m_config.spatialMergeSize * m_config.spatialMergeSize;
    x = at::layer_norm(x, {E}, m_weights.mergerNormWeight, m_weights.mergerNormBias,
                       m_config.layerNormEps)
                .view({-1, E * mm});
    x = at::gelu(applyLinear(x, m_weights.mergerFc1Weight, m_weights.mergerFc1Bias));
    return applyLinear(x, m_weights.mergerFc2Weight, m_weights.mergerFc2Bias);
}

} // namespace migician::model
