#include "qwen2vl_weights.h"

#include "model/model_error.h"
#include "model/tensor_view.h"

#include <map>
#include <set>
#include <sstream>

namespace migician::model {

namespace {

std::string shapeText(const std::vector<std::int64_t> &shape)
{
    std::ostringstream out;
    out << '[';
    for (std::size_t i = 0; i < shape.size(); ++i)
        out << (i ? ", " : "") << shape[i];
    out << ']';
    return out.str();
}

std::string blockName(int i, const char *rest)
{
    return "visual.blocks." + std::to_string(i) + "." + rest;
}

std::string layerName(int i, const char *rest)
{
    return "model.layers." + std::to_string(i) + "." + rest;
}

// Visits every tensor slot of the weights with its checkpoint name and shape, in file order.
template<typename Visit>
void forEachSlot(Qwen2VLWeights &w, const ModelConfig &c, Visit &&visit)
{
    const auto &v = c.vision;
    const std::int64_t E = v.embedDim;
    const std::int64_t mlp = std::int64_t(v.embedDim) * v.mlpRatio;
    const std::int64_t merged = E * v.spatialMergeSize * v.spatialMergeSize;
    const std::int64_t H = c.hiddenSize;
    const std::int64_t hd = c.headDim();
    const std::int64_t q = std::int64_t(c.numAttentionHeads) * hd;
    const std::int64_t kv = std::int64_t(c.numKeyValueHeads) * hd;
    const std::int64_t I = c.intermediateSize;
    const std::int64_t V = c.vocabSize;

    visit(w.vision.patchEmbed, "visual.patch_embed.proj.weight",
          std::vector<std::int64_t>{E, v.inChannels, v.temporalPatchSize, v.patchSize, v.patchSize},
          false);
    w.vision.blocks.resize(v.depth);
    for (int i = 0; i < v.depth; ++i) {
        auto &b = w.vision.blocks[i];
        visit(b.norm1Weight, blockName(i, "norm1.weight"), std::vector<std::int64_t>{E}, false);
        visit(b.norm1Bias, blockName(i, "norm1.bias"), std::vector<std::int64_t>{E}, false);
        visit(b.norm2Weight, blockName(i, "norm2.weight"), std::vector<std::int64_t>{E}, false);
        visit(b.norm2Bias, blockName(i, "norm2.bias"), std::vector<std::int64_t>{E}, false);
        visit(b.qkvWeight, blockName(i, "attn.qkv.weight"), std::vector<std::int64_t>{3 * E, E},
              false);
        visit(b.qkvBias, blockName(i, "attn.qkv.bias"), std::vector<std::int64_t>{3 * E}, false);
        visit(b.projWeight, blockName(i, "attn.proj.weight"), std::vector<std::int64_t>{E, E},
              false);
        visit(b.projBias, blockName(i, "attn.proj.bias"), std::vector<std::int64_t>{E}, false);
        visit(b.fc1Weight, blockName(i, "mlp.fc1.weight"), std::vector<std::int64_t>{mlp, E},
              false);
        visit(b.fc1Bias, blockName(i, "mlp.fc1.bias"), std::vector<std::int64_t>{mlp}, false);
        visit(b.fc2Weight, blockName(i, "mlp.fc2.weight"), std::vector<std::int64_t>{E, mlp},
              false);
        visit(b.fc2Bias, blockName(i, "mlp.fc2.bias"), std::vector<std::int64_t>{E}, false);
    }
    visit(w.vision.mergerNormWeight, "visual.merger.ln_q.weight", std::vector<std::int64_t>{E},
          false);
    visit(w.vision.mergerNormBias, "visual.merger.ln_q.bias", std::vector<std::int64_t>{E}, false);
    visit(w.vision.mergerFc1Weight, "visual.merger.mlp.0.weight",
          std::vector<std::int64_t>{merged, merged}, false);
    visit(w.vision.mergerFc1Bias, "visual.merger.mlp.0.bias", std::vector<std::int64_t>{merged},
          false);
    visit(w.vision.mergerFc2Weight, "visual.merger.mlp.2.weight",
          std::vector<std::int64_t>{v.hiddenSize, merged}, false);
    visit(w.vision.mergerFc2Bias, "visual.merger.mlp.2.bias",
          std::vector<std::int64_t>{v.hiddenSize}, false);

    visit(w.text.embedTokens, "model.embed_tokens.weight", std::vector<std::int64_t>{V, H}, false);
    w.text.layers.resize(c.numHiddenLayers);
    for (int i = 0; i < c.numHiddenLayers; ++i) {
        auto &l = w.text.layers[i];
        visit(l.inputNorm, layerName(i, "input_layernorm.weight"), std::vector<std::int64_t>{H},
              false);
        visit(l.qWeight, layerName(i, "self_attn.q_proj.weight"), std::vector<std::int64_t>{q, H},
              false);
        visit(l.qBias, layerName(i, "self_attn.q_proj.bias"), std::vector<std::int64_t>{q}, false);
        visit(l.kWeight, layerName(i, "self_attn.k_proj.weight"), std::vector<std::int64_t>{kv, H},
              false);
        visit(l.kBias, layerName(i, "self_attn.k_proj.bias"), std::vector<std::int64_t>{kv}, false);
        visit(l.vWeight, layerName(i, "self_attn.v_proj.weight"), std::vector<std::int64_t>{kv, H},
              false);
        visit(l.vBias, layerName(i, "self_attn.v_proj.bias"), std::vector<std::int64_t>{kv}, false);
        visit(l.oWeight, layerName(i, "self_attn.o_proj.weight"), std::vector<std::int64_t>{H, q},
              false);
        visit(l.postNorm, layerName(i, "post_attention_layernorm.weight"),
              std::vector<std::int64_t>{H}, false);
        visit(l.gateWeight, layerName(i, "mlp.gate_proj.weight"), std::vector<std::int64_t>{I, H},
              false);
        visit(l.upWeight, layerName(i, "mlp.up_proj.weight"), std::vector<std::int64_t>{I, H},
              false);
        visit(l.downWeight, layerName(i, "mlp.down_proj.weight"), std::vector<std::int64_t>{H, I},
              false);
    }
    visit(w.text.finalNorm, "model.norm.weight", std::vector<std::int64_t>{H}, false);
    // Tied checkpoints have no lm_head.weight; some still ship one, which is then used.
    visit(w.text.lmHead, "lm_head.weight", std::vector<std::int64_t>{V, H}, c.tieWordEmbeddings);
}

void finish(Qwen2VLWeights &w, const ModelConfig &config)
{
    // The Conv3d with stride = kernel is a matmul of each flattened patch row with this matrix.
    w.vision.patchEmbed = w.vision.patchEmbed.reshape({config.vision.embedDim, -1});
    if (!w.text.lmHead.defined())
        w.text.lmHead = w.text.embedTokens;
}

} // namespace

std::vector<ExpectedTensor> expectedTensors(const ModelConfig &config)
{
    std::vector<ExpectedTensor> out;
    Qwen2VLWeights scratch;
    forEachSlot(scratch, config,
                [&](at::Tensor &, const std::string &name, const std::vector<std::int64_t> &shape,
                    bool optional) {
                    out.push_back({name, shape, optional});
                });
    return out;
}

Qwen2VLWeights Qwen2VLWeights::load(const Checkpoint &checkpoint, const ModelConfig &config,
                                    at::Device device, at::ScalarType dtype,
                                    const Progress &progress, const RunControl *control)
{
    Qwen2VLWeights w;
    std::set<std::string> known;
    std::size_t total = 0;
    forEachSlot(
            w, config,
            [&](at::Tensor &, const std::string &name, const std::vector<std::int64_t> &, bool) {
                known.insert(name);
                ++total;
            });
    for (const auto &name : checkpoint.names())
        if (!known.count(name))
            throw ModelError(checkpoint.tensor(name).file,
                             "unknown tensor \"" + name
                                     + "\" (not part of a Qwen2-VL model with this config.json)");

    std::size_t done = 0;
    forEachSlot(w, config,
                [&](at::Tensor &slot, const std::string &name,
                    const std::vector<std::int64_t> &shape, bool optional) {
                    if (control)
                        control->step(Stage::Load, int(done), int(total));
                    ++done;
                    if (!checkpoint.contains(name)) {
                        if (optional)
                            return;
                        throw ModelError(name, "tensor is missing from the checkpoint");
                    }
                    const TensorView &view = checkpoint.tensor(name);
                    if (view.shape != shape)
                        throw ModelError(view.file, "tensor \"" + name + "\" has shape "
                                                            + shapeText(view.shape)
                                                            + " but config.json implies "
                                                            + shapeText(shape));
                    slot = toTensor(view).to(device, dtype);
                    if (progress)
                        progress(double(done) / double(total), name);
                });
    if (control)
        control->step(Stage::Load, int(total), int(total));
    finish(w, config);
    return w;
}

Qwen2VLWeights Qwen2VLWeights::random(const ModelConfig &config, at::Device device,
                                      at::ScalarType dtype, std::uint64_t seed)
{
    Qwen2VLWeights w;
    at::manual_seed(seed);
    forEachSlot(w, config,
                [&](at::Tensor &slot, const std::string &name,
                    const std::vector<std::int64_t> &shape, bool optional) {
                    if (optional)
                        return;
                    const bool isNorm = name.find("norm") != std::string::npos
                                        || name.find("ln_q") != std::string::npos;
                    const auto options = at::TensorOptions().dtype(dtype).device(device);
                    if (isNorm && name.find("bias") == std::string::npos)
                        slot = at::ones(shape, options);
                    else
                        slot = at::empty(shape, options)
                                       .uniform_(-0.03, 0.03); // uniform_ is much faster than randn
                });
    finish(w, config);
    return w;
}

} // namespace migician::model
