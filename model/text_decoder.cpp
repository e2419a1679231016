#include "text_decoder.h"

#include "model/linear_kernels.h"
#include "model/model_error.h"
#include "model/rotary.h"
#include "model/row_chunks.h"

#include <algorithm>
#include <cmath>

namespace migician::model {

namespace {

// Largest [rows, intermediate] activation of the MLP in one piece.
constexpr std::int64_t kActivationBudgetBytes = 32LL << 20;

} // namespace

void KvCache::reserve(const ModelConfig &config, std::int64_t tokens, at::Device device,
                      at::ScalarType dtype, bool zeroed)
{
    length = 0;
    if (zeroed)
        tokens = (tokens + 511) / 512 * 512;
    if (keys.defined() && capacity() >= tokens && keys.device() == device
        && keys.scalar_type() == dtype) {
        if (zeroed && !this->zeroed) {
            keys.zero_();
            values.zero_();
            this->zeroed = true;
        }
        return;
    }
    const auto options = at::TensorOptions().dtype(dtype).device(device);
    const std::vector<std::int64_t> shape{config.numHiddenLayers, config.numKeyValueHeads, tokens,
                                          config.headDim()};
    // Free the old cache first (peak memory), and keep the new halves only when both exist.
    keys = at::Tensor();
    values = at::Tensor();
    at::Tensor newKeys = zeroed ? at::zeros(shape, options) : at::empty(shape, options);
    at::Tensor newValues = zeroed ? at::zeros(shape, options) : at::empty(shape, options);
    keys = std::move(newKeys);
    values = std::move(newValues);
    this->zeroed = zeroed;
}

TextDecoder::TextDecoder(const ModelConfig &config, const TextWeights &weights)
    : m_config(config)
    , m_weights(weights)
{
    const std::int64_t hd = config.headDim();
    m_invFreq = 1.0 / at::pow(config.ropeTheta, at::arange(0, hd, 2, at::kFloat) / double(hd));
    m_invFreq = m_invFreq.to(weights.embedTokens.device());
}

at::Tensor TextDecoder::embed(const at::Tensor &ids) const
{
    return at::embedding(m_weights.embedTokens, ids.to(m_weights.embedTokens.device()));
}

std::pair<at::Tensor, at::Tensor> TextDecoder::rotary(const at::Tensor &positions,
                                                      at::ScalarType dtype) const
{
    // emb_c = cat(pos_c * inv_freq, pos_c * inv_freq) for c in (t, h, w); the doubled section list
    // decides which component each slice of the head dimension takes.
    const at::Tensor freqs = positions.to(at::kFloat).unsqueeze(-1) * m_invFreq; // [3, L, hd/2]
    const at::Tensor emb = at::cat({freqs, freqs}, -1);                          // [3, L, hd]
    std::vector<at::Tensor> parts;
    std::int64_t offset = 0;
    const auto &section = m_config.mropeSection;
    for (int i = 0; i < int(section.size()) * 2; ++i) {
        const std::int64_t width = section[i % section.size()];
        parts.push_back(emb[i % section.size()].slice(-1, offset, offset + width));
        offset += width;
    }
    const at::Tensor mixed = at::cat(parts, -1);
    return {mixed.cos().to(dtype), mixed.sin().to(dtype)};
}

at::Tensor TextDecoder::rmsNorm(const at::Tensor &x, const at::Tensor &weight) const
{
    const at::Tensor f = x.to(at::kFloat);
    const at::Tensor normed = f * at::rsqrt(f.pow(2).mean(-1, true) + m_config.rmsNormEps);
    return weight * normed.to(x.scalar_type());
}

at::Tensor TextDecoder::layer(int index, const at::Tensor &x, const at::Tensor &cos,
                              const at::Tensor &sin, const CacheStep &step, KvCache &cache) const
{
    const auto &w = m_weights.layers[index];
    const std::int64_t L = x.size(0);
    const std::int64_t hd = m_config.headDim();
    const std::int64_t heads = m_config.numAttentionHeads;
    const std::int64_t kvHeads = m_config.numKeyValueHeads;

    const at::Tensor h = rmsNorm(x, w.inputNorm);
    at::Tensor q = applyLinear(h, w.qWeight, w.qBias).view({L, heads, hd}).transpose(0, 1);
    at::Tensor k = applyLinear(h, w.kWeight, w.kBias).view({L, kvHeads, hd}).transpose(0, 1);
    const at::Tensor v = applyLinear(h, w.vWeight, w.vBias).view({L, kvHeads, hd}).transpose(0, 1);
    q = applyRotary(q, cos, sin); // [heads, L, hd]
    k = applyRotary(k, cos, sin); // [kvHeads, L, hd]

    const double scale = 1.0 / std::sqrt(double(hd));
    at::Tensor attn;
    if (step.slot.defined()) {
        cache.keys[index].index_copy_(1, step.slot, k);
        cache.values[index].index_copy_(1, step.slot, v);
        attn = attendVisible(q, cache.keys[index], cache.values[index], scale, step.visible);
    } else {
        const std::int64_t end = step.start + L;
        cache.keys[index].slice(1, step.start, end).copy_(k);
        cache.values[index].slice(1, step.start, end).copy_(v);
        attn = attendCausal(q, cache.keys[index].slice(1, 0, end),
                            cache.values[index].slice(1, 0, end), scale, *step.mask);
    }
    const at::Tensor out
            = applyLinear(attn.transpose(0, 1).reshape({L, heads * hd}), w.oWeight).add_(x);
    return mlp(w, out);
}

at::Tensor TextDecoder::mlp(const DecoderLayerWeights &w, const at::Tensor &x) const
{
    // x + down(silu(gate(h)) * up(h)) with h = RMSNorm(x), in row chunks so that the
    // [rows, intermediate] activations of a long prompt stay within a few tens of MB.
    const std::int64_t rows = std::max<std::int64_t>(
            256, kActivationBudgetBytes / (m_config.intermediateSize * x.element_size()));
    const auto run = [&](const at::Tensor &xs) {
        const at::Tensor h = rmsNorm(xs, w.postNorm);
        at::Tensor act = applyLinear(h, w.gateWeight);
        at::silu_(act);
        act.mul_(applyLinear(h, w.upWeight));
        return applyLinear(act, w.downWeight).add_(xs);
    };
    return inRowChunks(x, rows, run);
}

at::Tensor TextDecoder::forward(const at::Tensor &embeds, const at::Tensor &positions,
                                KvCache &cache, std::vector<at::Tensor> *hiddenStates,
                                const RunControl *control) const
{
    const std::int64_t L = embeds.size(0);
    if (cache.length + L > cache.capacity())
        throw ModelError("generation", "the KV cache holds " + std::to_string(cache.capacity())
                                               + " tokens; " + std::to_string(cache.length + L)
                                               + " needed");
    const auto dtype = embeds.scalar_type();
    const auto [cos, sin] = rotary(positions.to(embeds.device()), dtype);

    // Causal over the whole sequence: position i sees the cache and its own prefix.
    const CausalMask mask = CausalMask::build(cache.length, L, m_config.numAttentionHeads, embeds);
    CacheStep step;
    step.start = cache.length;
    step.mask = &mask;
    at::Tensor x = embeds;
    for (int i = 0; i < m_config.numHiddenLayers; ++i) {
        if (control)
            control->step(Stage::Prefill, i, m_config.numHiddenLayers);
        if (hiddenStates)
            hiddenStates->push_back(x);
        x = layer(i, x, cos, sin, step, cache);
    }
    if (control)
        control->step(Stage::Prefill, m_config.numHiddenLayers, m_config.numHiddenLayers);
    cache.length += L;
    if (hiddenStates) {
        const at::Tensor all = rmsNorm(x, m_weights.finalNorm);
        hiddenStates->push_back(all);
        return all[L - 1];
    }
    return rmsNorm(x[L - 1], m_weights.finalNorm);
}

at::Tensor TextDecoder::logits(const at::Tensor &hidden) const
{
    return applyLinear(hidden.view({1, -1}), m_weights.lmHead).view({-1}).to(at::kFloat);
}

at::Tensor TextDecoder::decodeStatic(const at::Tensor &token, const at::Tensor &position,
                                     const at::Tensor &slot, KvCache &cache) const
{
    const auto [cos, sin] = rotary(position, m_weights.embedTokens.scalar_type());
    CacheStep step;
    step.slot = slot;
    step.visible = at::arange(cache.capacity(), slot.options()) <= slot;
    at::Tensor x = at::embedding(m_weights.embedTokens, token); // [1, hidden]
    for (int i = 0; i < m_config.numHiddenLayers; ++i)
        x = layer(i, x, cos, sin, step, cache);
    return logits(rmsNorm(x[0], m_weights.finalNorm));
}

} // namespace migician::model
