#include "text_decoder.h"

#include "model/attention.h"
#include "model/model_error.h"

#include <cmath>
#include <limits>

namespace migician::model {

namespace {

at::Tensor rotateHalf(const at::Tensor &x)
{
    const auto half = x.size(-1) / 2;
    return at::cat({x.slice(-1, half).neg(), x.slice(-1, 0, half)}, -1);
}

} // namespace

void KvCache::reserve(const ModelConfig &config, std::int64_t tokens, at::Device device,
                      at::ScalarType dtype)
{
    length = 0;
    if (keys.defined() && capacity() >= tokens && keys.device() == device
        && keys.scalar_type() == dtype)
        return;
    const auto options = at::TensorOptions().dtype(dtype).device(device);
    const std::vector<std::int64_t> shape{config.numHiddenLayers, config.numKeyValueHeads, tokens,
                                          config.headDim()};
    // Free the old cache first (peak memory), and keep the new halves only when both exist.
    keys = at::Tensor();
    values = at::Tensor();
    at::Tensor newKeys = at::empty(shape, options);
    at::Tensor newValues = at::empty(shape, options);
    keys = std::move(newKeys);
    values = std::move(newValues);
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
                              const at::Tensor &sin, const at::Tensor &mask, KvCache &cache) const
{
    const auto &w = m_weights.layers[index];
    const std::int64_t L = x.size(0);
    const std::int64_t hd = m_config.headDim();
    const std::int64_t heads = m_config.numAttentionHeads;
    const std::int64_t kvHeads = m_config.numKeyValueHeads;
    const std::int64_t groups = heads / kvHeads;
    const std::int64_t start = cache.length;

    const at::Tensor h = rmsNorm(x, w.inputNorm);
    at::Tensor q
            = at::linear(h, w.qWeight, w.qBias).view({L, heads, hd}).transpose(0, 1); // [H, L, hd]
    at::Tensor k = at::linear(h, w.kWeight, w.kBias)
                           .view({L, kvHeads, hd})
                           .transpose(0, 1); // [KV, L, hd]
    const at::Tensor v = at::linear(h, w.vWeight, w.vBias).view({L, kvHeads, hd}).transpose(0, 1);
    q = q * cos + rotateHalf(q) * sin;
    k = k * cos + rotateHalf(k) * sin;

    cache.keys[index].slice(1, start, start + L).copy_(k);
    cache.values[index].slice(1, start, start + L).copy_(v);
    const at::Tensor keys = cache.keys[index].slice(1, 0, start + L);
    const at::Tensor values = cache.values[index].slice(1, 0, start + L);

    // Grouped-query attention without copying keys: query head j uses kv head j / groups, so the
    // groups' queries are stacked along the sequence axis of their kv head.
    const at::Tensor qg = q.reshape({kvHeads, groups * L, hd});
    const at::Tensor groupMask = mask.defined() ? mask.repeat({groups, 1}) : at::Tensor();
    const at::Tensor attn = attend(qg, keys, values, groupMask, 1.0 / std::sqrt(double(hd)))
                                    .view({heads, L, hd})
                                    .transpose(0, 1)
                                    .reshape({L, heads * hd});
    at::Tensor out = x + at::linear(attn, w.oWeight);
    const at::Tensor h2 = rmsNorm(out, w.postNorm);
    out = out
          + at::linear(at::silu(at::linear(h2, w.gateWeight)) * at::linear(h2, w.upWeight),
                       w.downWeight);
    return out;
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

    at::Tensor mask;
    if (L > 1) {
        // Causal over the whole sequence: position i sees cache + its own prefix.
        const std::int64_t total = cache.length + L;
        const auto options = at::TensorOptions().dtype(at::kFloat).device(embeds.device());
        const at::Tensor row = at::arange(L, options.dtype(at::kLong)).unsqueeze(1) + cache.length;
        const at::Tensor col = at::arange(total, options.dtype(at::kLong)).unsqueeze(0);
        mask = at::zeros({L, total}, options)
                       .masked_fill_(col > row, -std::numeric_limits<float>::infinity());
    }
    at::Tensor x = embeds;
    for (int i = 0; i < m_config.numHiddenLayers; ++i) {
        if (control)
            control->step(Stage::Prefill, i, m_config.numHiddenLayers);
        if (hiddenStates)
            hiddenStates->push_back(x);
        x = layer(i, x, cos, sin, mask, cache);
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
    return at::matmul(m_weights.lmHead, hidden).to(at::kFloat);
}

} // namespace migician::model
