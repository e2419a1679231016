// Fuzz target: a checkpoint's config.json, generation_config.json and preprocessor_config.json
// (model/model_config.h); every input goes through all three readers. Invariants: only ModelError
// escapes; a config that loads is consistent (what the engine relies on) and can be used the way
// the engine uses it: the tensor table is built from config.json, an image is preprocessed with
// preprocessor_config.json, sampling options come from generation_config.json. Using a config
// may still be refused, but only with a ModelError.
#include "fuzz_support.h"

#include "model/engine.h"
#include "model/image_preprocess.h"
#include "model/model_config.h"
#include "model/model_error.h"
#include "model/qwen2vl_weights.h"

#include <numeric>

using namespace migician;

namespace {

constexpr std::int64_t kMaxPreprocessedPixels = 1'000'000;

void checkModelConfig(const std::string &text)
{
    model::ModelConfig config;
    try {
        config = model::ModelConfig::fromJsonText(text, "config.json");
    } catch (const model::ModelError &) {
        return;
    }
    FUZZ_CHECK(config.hiddenSize > 0 && config.intermediateSize > 0 && config.vocabSize > 0,
               "non-positive size");
    FUZZ_CHECK(config.numHiddenLayers > 0 && config.numAttentionHeads > 0
                       && config.numKeyValueHeads > 0,
               "non-positive layer or head count");
    FUZZ_CHECK(config.hiddenSize % config.numAttentionHeads == 0, "hidden % heads");
    FUZZ_CHECK(config.numAttentionHeads % config.numKeyValueHeads == 0, "heads % kv heads");
    FUZZ_CHECK(config.maxPositionEmbeddings > 0, "max_position_embeddings");
    FUZZ_CHECK(config.mropeSection.size() == 3, "mrope_section size");
    FUZZ_CHECK(
            std::accumulate(config.mropeSection.begin(), config.mropeSection.end(), std::int64_t(0))
                            * 2
                    == config.headDim(),
            "mrope_section does not sum to head_dim / 2");
    const auto &vision = config.vision;
    FUZZ_CHECK(vision.depth > 0 && vision.embedDim > 0 && vision.numHeads > 0
                       && vision.embedDim % vision.numHeads == 0 && vision.mlpRatio > 0,
               "vision tower sizes");
    // checkCheckpointFolder() and the weight loader walk this table.
    std::size_t tensors = 0;
    try {
        tensors = model::expectedTensors(config).size();
    } catch (const model::ModelError &) {
        return;
    }
    FUZZ_CHECK(tensors > 0, "no tensors expected");
}

void checkPreprocessorConfig(const std::string &text)
{
    model::PreprocessorConfig config;
    try {
        config = model::PreprocessorConfig::fromJsonText(text, "preprocessor_config.json");
    } catch (const model::ModelError &) {
        return;
    }
    FUZZ_CHECK(config.minPixels > 0 && config.minPixels <= config.maxPixels, "pixel limits");
    FUZZ_CHECK(config.patchSize > 0 && config.mergeSize > 0 && config.temporalPatchSize > 0,
               "patch sizes");
    for (const float s : config.imageStd)
        FUZZ_CHECK(s > 0, "image_std");

    // A small gradient image through the pipeline, as the engine runs it. A min_pixels above a
    // megapixel is legitimate but enlarges every image that far (9 MP took over 20 s under ASan):
    // beyond the time budget of one fuzz input, so those configs stop at the checks above.
    if (config.minPixels > kMaxPreprocessedPixels)
        return;
    model::RgbImage image;
    image.width = 61;
    image.height = 43;
    image.pixels.resize(std::size_t(image.width) * image.height * 3);
    for (std::size_t i = 0; i < image.pixels.size(); ++i)
        image.pixels[i] = std::uint8_t(i * 7);
    model::PreprocessedImage processed;
    try {
        processed = model::preprocessImage(image, config, model::ResizeLimits{});
    } catch (const model::ModelError &) {
        return;
    }
    FUZZ_CHECK(processed.patchCount() > 0, "no patches");
    FUZZ_CHECK(processed.patches.size()
                       == std::size_t(processed.patchCount()) * std::size_t(processed.rowLength),
               "patch buffer size");
    FUZZ_CHECK(processed.resized.height % (config.patchSize * config.mergeSize) == 0
                       && processed.resized.width % (config.patchSize * config.mergeSize) == 0,
               "resized size is not a multiple of patch * merge");
}

void checkGenerationConfig(const std::string &text)
{
    model::GenerationConfig config;
    try {
        config = model::GenerationConfig::fromJsonText(text, "generation_config.json");
    } catch (const model::ModelError &) {
        return;
    }
    FUZZ_CHECK(config.topK >= 0, "top_k");
    FUZZ_CHECK(config.repetitionPenalty > 0, "repetition_penalty");
    FUZZ_CHECK(config.maxNewTokens == -1 || config.maxNewTokens > 0, "max_new_tokens");
    for (const auto id : config.eosTokenIds)
        FUZZ_CHECK(id >= 0, "eos_token_id");
    const model::SamplingOptions sampling = model::SamplingOptions::fromGenerationConfig(config);
    FUZZ_CHECK(sampling.maxNewTokens > 0, "sampling max_new_tokens");
    FUZZ_CHECK(!sampling.stopTokenIds.empty(), "no stop tokens");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string text(fuzz::asText(data, size));
    checkModelConfig(text);
    checkPreprocessorConfig(text);
    checkGenerationConfig(text);
    return 0;
}
