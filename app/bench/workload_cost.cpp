#include "workload_cost.h"

namespace migician::bench {

WorkloadCost workloadCost(const model::ModelConfig &c, const std::vector<std::array<int, 3>> &grids,
                          std::int64_t promptTokens, int generatedTokens, int elementBytes)
{
    WorkloadCost cost;
    const auto &v = c.vision;
    const double E = v.embedDim;
    const double mlp = E * v.mlpRatio;
    const double merged = E * v.spatialMergeSize * v.spatialMergeSize;
    const double patchRow = double(v.inChannels) * v.temporalPatchSize * v.patchSize * v.patchSize;
    double patches = 0, pairs = 0;
    for (const auto &[t, h, w] : grids) {
        const double n = double(h) * w; // one frame: attention stays within it
        patches += t * n;
        pairs += t * n * n;
    }
    // Per block: qkv, proj, fc1, fc2 (2 flop per multiply-add), and scores + weighted sum.
    const double block = 2 * patches * E * (3 * E + E + 2 * mlp) + 4 * pairs * E;
    const double mergedRows = patches / (v.spatialMergeSize * v.spatialMergeSize);
    cost.visionFlop = 2 * patches * patchRow * E + v.depth * block
                      + 2 * mergedRows * merged * (merged + v.hiddenSize);

    const double H = c.hiddenSize;
    const double hd = c.headDim();
    const double kv = double(c.numKeyValueHeads) * hd;
    const double I = c.intermediateSize;
    const double L = double(promptTokens);
    const double layerWeights = H * H + 2 * H * kv + H * H + 3 * H * I; // q, k, v, o, gate/up/down
    const double causalPairs = L * (L + 1) / 2;
    cost.prefillFlop = c.numHiddenLayers * (2 * L * layerWeights + 4 * causalPairs * H)
                       + 2 * H * double(c.vocabSize);

    const double layerParams = layerWeights + H + 2 * kv + 2 * H; // + q/k/v biases, two norms
    cost.decodeWeightBytes
            = elementBytes * (c.numHiddenLayers * layerParams + H + double(c.vocabSize) * H + H);
    const double meanLength = L + (generatedTokens - 1) / 2.0;
    const double kvBytes = 2.0 * c.numHiddenLayers * kv * meanLength * elementBytes;
    cost.decodeBytesPerStep = cost.decodeWeightBytes + kvBytes;
    return cost;
}

} // namespace migician::bench
