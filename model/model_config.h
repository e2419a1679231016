// Typed views of a checkpoint's JSON files. Both the flat Qwen2-VL layout written by transformers
// 4.45 and the nested `text_config` layout of newer versions are read; unknown keys are ignored,
// a missing required key or a wrong type raises ModelError naming the file and the key.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace migician::model {

struct VisionConfig
{
    int depth = 0;
    int embedDim = 0;
    int numHeads = 0;
    int mlpRatio = 4;
    int inChannels = 3;
    int hiddenSize = 0; // output width of the patch merger (= text hidden size)
    int patchSize = 14;
    int spatialMergeSize = 2;
    int temporalPatchSize = 2;
    double layerNormEps = 1e-6;
};

struct ModelConfig
{
    int hiddenSize = 0;
    int intermediateSize = 0;
    int numHiddenLayers = 0;
    int numAttentionHeads = 0;
    int numKeyValueHeads = 0;
    int vocabSize = 0;
    int maxPositionEmbeddings = 32768;
    double rmsNormEps = 1e-6;
    double ropeTheta = 1e6;
    std::vector<int> mropeSection; // e.g. {16, 24, 24}; sums to head_dim / 2
    bool tieWordEmbeddings = false;
    std::int64_t imageTokenId = 151655;
    std::int64_t videoTokenId = 151656;
    std::int64_t visionStartTokenId = 151652;
    std::int64_t visionEndTokenId = 151653;
    std::string torchDtype = "bfloat16";
    VisionConfig vision;

    int headDim() const { return numAttentionHeads > 0 ? hiddenSize / numAttentionHeads : 0; }
    static ModelConfig fromFile(const std::string &path);
    static ModelConfig fromJsonText(const std::string &text, const std::string &sourceName);
};

struct PreprocessorConfig
{
    std::array<float, 3> imageMean{0.48145466f, 0.4578275f, 0.40821073f};
    std::array<float, 3> imageStd{0.26862954f, 0.26130258f, 0.27577711f};
    double rescaleFactor = 1.0 / 255.0;
    std::int64_t minPixels = 3136;
    std::int64_t maxPixels = 12845056;
    int patchSize = 14;
    int mergeSize = 2;
    int temporalPatchSize = 2;

    static PreprocessorConfig fromFile(const std::string &path);
    static PreprocessorConfig fromJsonText(const std::string &text, const std::string &sourceName);
};

struct GenerationConfig
{
    bool doSample = false;
    double temperature = 1.0;
    double topP = 1.0;
    int topK = 50;
    double repetitionPenalty = 1.0;
    std::vector<std::int64_t> eosTokenIds;
    std::int64_t padTokenId = -1;
    int maxNewTokens = -1; // -1: not set in the file

    static GenerationConfig fromFile(const std::string &path);
    static GenerationConfig fromJsonText(const std::string &text, const std::string &sourceName);
};

} // namespace migician::model
