#include "model/model_config.h"

#include "model/json_text.h"
#include "model/model_error.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <limits>
#include <numeric>
#include <optional>
#include <sstream>

namespace migician::model {

namespace {

using json = nlohmann::json;

// Upper bounds on counts and sizes that the engine multiplies or allocates per unit. Far above any
// Qwen2-VL-family checkpoint (28 decoder layers, 32 vision blocks, patch 14, merge 2, temporal
// patch 2); a larger value is a corrupt or hostile file, and honouring it would build tables of
// billions of tensor names or overflow `patch * merge` and the row length `3 * temporal * patch^2`.
constexpr int kMaxLayers = 512; // llama.cpp allows the same
constexpr int kMaxPatchSize = 256;
constexpr int kMaxMergeSize = 16;
constexpr int kMaxTemporalPatchSize = 16;

std::string readTextFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw ModelError(path, "cannot be read");
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

json parseObject(const std::string &text, const std::string &source)
{
    json root = parseJsonText(text, source);
    if (!root.is_object())
        throw ModelError(source, "is not a JSON object");
    return root;
}

// Typed access to the keys of one JSON object. `prefix` makes nested keys readable in errors
// ("vision_config.depth"). Several objects can be searched in order (text_config, then the root).
class Keys
{
public:
    Keys(std::string source, std::vector<std::pair<const json *, std::string>> scopes)
        : m_source(std::move(source))
        , m_scopes(std::move(scopes))
    {}

    // The first scope that has the key, with the key's printable name.
    std::optional<std::pair<const json *, std::string>> find(const char *key) const
    {
        for (const auto &[object, prefix] : m_scopes) {
            const auto it = object->find(key);
            if (it != object->end() && !it->is_null())
                return std::make_pair(&*it, prefix + key);
        }
        return std::nullopt;
    }

    [[noreturn]] void fail(const std::string &key, const std::string &problem) const
    {
        throw ModelError(m_source, "\"" + key + "\" " + problem);
    }

    std::int64_t integer(const char *key, std::int64_t fallback, bool required = false,
                         std::int64_t minimum = std::numeric_limits<std::int64_t>::min()) const
    {
        const auto found = find(key);
        if (!found) {
            if (required)
                fail(key, "is required but missing");
            return fallback;
        }
        const json &value = *found->first;
        std::int64_t result = 0;
        if (value.is_number_integer() && !value.is_number_unsigned())
            result = value.get<std::int64_t>();
        else if (value.is_number_unsigned()
                 && value.get<std::uint64_t>()
                            <= std::uint64_t(std::numeric_limits<std::int64_t>::max()))
            result = std::int64_t(value.get<std::uint64_t>());
        else
            fail(found->second, "must be an integer");
        if (result < minimum)
            fail(found->second, "must be at least " + std::to_string(minimum));
        return result;
    }

    int int32(const char *key, int fallback, bool required = false, int minimum = 0,
              int maximum = std::numeric_limits<int>::max()) const
    {
        const auto value = integer(key, fallback, required, minimum);
        if (value > maximum) {
            const auto found = find(key);
            fail(found->second, maximum == std::numeric_limits<int>::max()
                                        ? std::string("is too large")
                                        : "must be at most " + std::to_string(maximum));
        }
        return int(value);
    }

    double number(const char *key, double fallback) const
    {
        const auto found = find(key);
        if (!found)
            return fallback;
        if (!found->first->is_number())
            fail(found->second, "must be a number");
        return found->first->get<double>();
    }

    bool boolean(const char *key, bool fallback) const
    {
        const auto found = find(key);
        if (!found)
            return fallback;
        if (!found->first->is_boolean())
            fail(found->second, "must be true or false");
        return found->first->get<bool>();
    }

    std::string string(const char *key, const std::string &fallback) const
    {
        const auto found = find(key);
        if (!found)
            return fallback;
        if (!found->first->is_string())
            fail(found->second, "must be a string");
        return found->first->get<std::string>();
    }

    const std::string &source() const { return m_source; }

private:
    std::string m_source;
    std::vector<std::pair<const json *, std::string>> m_scopes;
};

std::vector<int> intList(const json &value, const std::string &source, const std::string &key)
{
    if (!value.is_array())
        throw ModelError(source, "\"" + key + "\" must be a list of integers");
    std::vector<int> result;
    for (const auto &item : value) {
        if (!item.is_number_integer() || item.get<std::int64_t>() < 0
            || item.get<std::int64_t>() > std::numeric_limits<int>::max())
            throw ModelError(source, "\"" + key + "\" must be a list of integers");
        result.push_back(item.get<int>());
    }
    return result;
}

VisionConfig readVision(const json &root, const std::string &source, int textHidden)
{
    const auto it = root.find("vision_config");
    if (it == root.end())
        throw ModelError(source, "\"vision_config\" is required but missing");
    if (!it->is_object())
        throw ModelError(source, "\"vision_config\" must be an object");
    const Keys keys(source, {{&*it, "vision_config."}});
    VisionConfig vision;
    vision.depth = keys.int32("depth", 0, true, 1, kMaxLayers);
    vision.embedDim = keys.int32("embed_dim", 0, true, 1);
    vision.numHeads = keys.int32("num_heads", 0, true, 1);
    // mlp_ratio is a float in the HF class; the MLP width must still be a whole number.
    const double ratio = keys.number("mlp_ratio", 4.0);
    if (ratio <= 0 || ratio != std::floor(ratio) || ratio > 1024)
        keys.fail("vision_config.mlp_ratio", "must be a positive whole number");
    vision.mlpRatio = int(ratio);
    vision.hiddenSize = keys.int32("hidden_size", textHidden, false, 1);
    vision.inChannels = keys.find("in_chans") ? keys.int32("in_chans", 3, false, 1)
                                              : keys.int32("in_channels", 3, false, 1);
    vision.patchSize = keys.find("patch_size")
                               ? keys.int32("patch_size", 14, false, 1, kMaxPatchSize)
                               : keys.int32("spatial_patch_size", 14, false, 1, kMaxPatchSize);
    vision.spatialMergeSize = keys.int32("spatial_merge_size", 2, false, 1, kMaxMergeSize);
    vision.temporalPatchSize
            = keys.int32("temporal_patch_size", 2, false, 1, kMaxTemporalPatchSize);
    vision.layerNormEps = keys.number("layer_norm_eps", 1e-6);
    if (vision.embedDim % vision.numHeads != 0)
        throw ModelError(source, "\"vision_config.embed_dim\" (" + std::to_string(vision.embedDim)
                                         + ") is not a multiple of \"vision_config.num_heads\" ("
                                         + std::to_string(vision.numHeads) + ")");
    return vision;
}

} // namespace

ModelConfig ModelConfig::fromFile(const std::string &path)
{
    return fromJsonText(readTextFile(path), path);
}

ModelConfig ModelConfig::fromJsonText(const std::string &text, const std::string &sourceName)
{
    const json root = parseObject(text, sourceName);
    // Newer transformers nest the language-model keys in `text_config`; 4.45 writes them flat.
    std::vector<std::pair<const json *, std::string>> scopes;
    const auto textIt = root.find("text_config");
    if (textIt != root.end() && !textIt->is_null()) {
        if (!textIt->is_object())
            throw ModelError(sourceName, "\"text_config\" must be an object");
        scopes.emplace_back(&*textIt, "text_config.");
    }
    scopes.emplace_back(&root, "");
    const Keys keys(sourceName, scopes);

    ModelConfig config;
    config.hiddenSize = keys.int32("hidden_size", 0, true, 1);
    config.intermediateSize = keys.int32("intermediate_size", 0, true, 1);
    config.numHiddenLayers = keys.int32("num_hidden_layers", 0, true, 1, kMaxLayers);
    config.numAttentionHeads = keys.int32("num_attention_heads", 0, true, 1);
    config.numKeyValueHeads = keys.int32("num_key_value_heads", config.numAttentionHeads, false, 1);
    config.vocabSize = keys.int32("vocab_size", 0, true, 1);
    config.maxPositionEmbeddings
            = keys.int32("max_position_embeddings", config.maxPositionEmbeddings, false, 1);
    config.rmsNormEps = keys.number("rms_norm_eps", config.rmsNormEps);
    config.ropeTheta = keys.number("rope_theta", config.ropeTheta);
    config.tieWordEmbeddings = keys.boolean("tie_word_embeddings", config.tieWordEmbeddings);
    config.imageTokenId = keys.integer("image_token_id", config.imageTokenId, false, 0);
    config.videoTokenId = keys.integer("video_token_id", config.videoTokenId, false, 0);
    config.visionStartTokenId
            = keys.integer("vision_start_token_id", config.visionStartTokenId, false, 0);
    config.visionEndTokenId
            = keys.integer("vision_end_token_id", config.visionEndTokenId, false, 0);
    config.torchDtype = keys.string("torch_dtype", keys.string("dtype", config.torchDtype));

    if (config.hiddenSize % config.numAttentionHeads != 0)
        throw ModelError(sourceName, "\"hidden_size\" (" + std::to_string(config.hiddenSize)
                                             + ") is not a multiple of \"num_attention_heads\" ("
                                             + std::to_string(config.numAttentionHeads) + ")");
    if (config.numAttentionHeads % config.numKeyValueHeads != 0)
        throw ModelError(sourceName, "\"num_attention_heads\" is not a multiple of "
                                     "\"num_key_value_heads\"");

    // M-RoPE cannot run without its section split: no silent default.
    const auto rope = keys.find("rope_scaling");
    const auto ropeParameters = rope ? rope : keys.find("rope_parameters");
    if (!ropeParameters)
        throw ModelError(sourceName, "\"rope_scaling.mrope_section\" is required (M-RoPE needs "
                                     "it) but \"rope_scaling\" is missing");
    if (!ropeParameters->first->is_object())
        throw ModelError(sourceName, "\"" + ropeParameters->second + "\" must be an object");
    const auto sectionIt = ropeParameters->first->find("mrope_section");
    const std::string sectionKey = ropeParameters->second + ".mrope_section";
    if (sectionIt == ropeParameters->first->end())
        throw ModelError(sourceName, "\"" + sectionKey + "\" is required (M-RoPE needs it)");
    config.mropeSection = intList(*sectionIt, sourceName, sectionKey);
    // Summed in 64 bits: each entry may be up to INT_MAX.
    const std::int64_t sectionSum = std::accumulate(config.mropeSection.begin(),
                                                    config.mropeSection.end(), std::int64_t(0));
    if (config.mropeSection.size() != 3 || sectionSum * 2 != config.headDim())
        throw ModelError(sourceName, "\"" + sectionKey
                                             + "\" must be three integers summing to "
                                               "head_dim / 2 = "
                                             + std::to_string(config.headDim() / 2));

    config.vision = readVision(root, sourceName, config.hiddenSize);
    return config;
}

PreprocessorConfig PreprocessorConfig::fromFile(const std::string &path)
{
    return fromJsonText(readTextFile(path), path);
}

PreprocessorConfig PreprocessorConfig::fromJsonText(const std::string &text,
                                                    const std::string &sourceName)
{
    const json root = parseObject(text, sourceName);
    PreprocessorConfig config;
    const auto readTriple = [&](const char *key, std::array<float, 3> &out) {
        const auto it = root.find(key);
        if (it == root.end())
            return;
        if (!it->is_array() || it->size() != 3)
            throw ModelError(sourceName,
                             std::string("\"") + key + "\" must be a list of 3 numbers");
        for (std::size_t i = 0; i < 3; ++i) {
            if (!(*it)[i].is_number())
                throw ModelError(sourceName,
                                 std::string("\"") + key + "\" must be a list of 3 numbers");
            out[i] = float((*it)[i].get<double>());
        }
    };
    readTriple("image_mean", config.imageMean);
    readTriple("image_std", config.imageStd);
    for (float value : config.imageStd)
        if (!(value > 0))
            throw ModelError(sourceName, "\"image_std\" must be positive");

    const Keys keys(sourceName, {{&root, ""}});
    config.rescaleFactor = keys.number("rescale_factor", config.rescaleFactor);
    config.patchSize = keys.int32("patch_size", config.patchSize, false, 1, kMaxPatchSize);
    config.mergeSize = keys.int32("merge_size", config.mergeSize, false, 1, kMaxMergeSize);
    config.temporalPatchSize = keys.int32("temporal_patch_size", config.temporalPatchSize, false, 1,
                                          kMaxTemporalPatchSize);

    // min/max pixels: top level, or in `size` (4.45: min_pixels/max_pixels; newer:
    // shortest_edge/longest_edge holding the same pixel counts). `size` wins, as in HF.
    config.minPixels = keys.integer("min_pixels", config.minPixels, false, 1);
    config.maxPixels = keys.integer("max_pixels", config.maxPixels, false, 1);
    const auto sizeIt = root.find("size");
    if (sizeIt != root.end() && !sizeIt->is_null()) {
        if (!sizeIt->is_object())
            throw ModelError(sourceName, "\"size\" must be an object");
        const Keys size(sourceName, {{&*sizeIt, "size."}});
        config.minPixels = size.integer(
                "min_pixels", size.integer("shortest_edge", config.minPixels, false, 1), false, 1);
        config.maxPixels = size.integer(
                "max_pixels", size.integer("longest_edge", config.maxPixels, false, 1), false, 1);
    }
    if (config.minPixels > config.maxPixels)
        throw ModelError(sourceName, "\"min_pixels\" (" + std::to_string(config.minPixels)
                                             + ") exceeds \"max_pixels\" ("
                                             + std::to_string(config.maxPixels) + ")");
    return config;
}

GenerationConfig GenerationConfig::fromFile(const std::string &path)
{
    return fromJsonText(readTextFile(path), path);
}

GenerationConfig GenerationConfig::fromJsonText(const std::string &text,
                                                const std::string &sourceName)
{
    const json root = parseObject(text, sourceName);
    const Keys keys(sourceName, {{&root, ""}});
    GenerationConfig config;
    config.doSample = keys.boolean("do_sample", config.doSample);
    config.temperature = keys.number("temperature", config.temperature);
    config.topP = keys.number("top_p", config.topP);
    config.topK = keys.int32("top_k", config.topK, false, 0);
    config.repetitionPenalty = keys.number("repetition_penalty", config.repetitionPenalty);
    if (!(config.repetitionPenalty > 0))
        keys.fail("repetition_penalty", "must be positive");
    config.padTokenId = keys.integer("pad_token_id", config.padTokenId, false, 0);
    config.maxNewTokens = keys.int32("max_new_tokens", config.maxNewTokens, false, 1);

    const auto eos = root.find("eos_token_id");
    if (eos != root.end() && !eos->is_null()) {
        if (eos->is_array()) {
            for (const auto &item : *eos) {
                if (!item.is_number_integer() || item.get<std::int64_t>() < 0)
                    keys.fail("eos_token_id", "must be an integer or a list of integers");
                config.eosTokenIds.push_back(item.get<std::int64_t>());
            }
        } else {
            config.eosTokenIds.push_back(keys.integer("eos_token_id", 0, true, 0));
        }
    }
    return config;
}

} // namespace migician::model
