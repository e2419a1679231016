#include "chat_preparation.h"

#include "model/chat_prompt.h"
#include "model/model_error.h"

#include <algorithm>
#include <random>

namespace migician::serve {

namespace {

// vLLM treats temperatures below this as greedy decoding.
constexpr double kGreedyTemperature = 1e-5;

std::variant<model::RgbImage, ApiError> decodeForModel(const EncodedImage &encoded, int index,
                                                       const DecodeLimits &limits,
                                                       const model::ResizeLimits &resize)
{
    const std::string name = "image " + std::to_string(index + 1);
    model::RgbImage image;
    std::string problem;
    if (!decodeImage(encoded.bytes, limits, &image, &problem))
        return badRequest(name + ": " + problem, "messages");
    try {
        const model::ImageSize target = model::smartResize(image.height, image.width, resize);
        return model::resizeBicubic(image, target.width, target.height);
    } catch (const model::ModelError &error) {
        return badRequest(name + ": " + error.problem(), "messages");
    }
}

} // namespace

model::SamplingOptions samplingFor(const ChatRequest &request,
                                   const model::GenerationConfig &defaults, int maxTokensLimit)
{
    model::SamplingOptions sampling = model::SamplingOptions::fromGenerationConfig(defaults);
    if (request.temperature)
        sampling.temperature = *request.temperature;
    if (request.topP)
        sampling.topP = *request.topP;
    if (request.topK)
        sampling.topK = *request.topK > 0 ? *request.topK : 0;
    if (request.repetitionPenalty)
        sampling.repetitionPenalty = *request.repetitionPenalty;
    // A request that says how to sample is taken at its word (vLLM ignores do_sample); one that
    // says nothing decodes as the checkpoint's generation_config.json does in transformers.
    if (request.temperature || request.topP || request.topK)
        sampling.doSample = sampling.temperature >= kGreedyTemperature && sampling.topK != 1;
    if (sampling.temperature < kGreedyTemperature)
        sampling.doSample = false;
    sampling.maxNewTokens = request.maxTokens ? *request.maxTokens
                            : defaults.maxNewTokens > 0
                                    ? std::min(defaults.maxNewTokens, maxTokensLimit)
                                    : maxTokensLimit;
    sampling.seed = request.seed ? std::uint64_t(*request.seed) : std::random_device{}();
    for (const auto id : request.stopTokenIds)
        sampling.stopTokenIds.push_back(id);
    sampling.ignoreEos = request.ignoreEos;
    return sampling;
}

std::variant<PreparedChat, ApiError> prepareChat(ChatRequest request, const model::Engine &engine,
                                                 const DecodeLimits &decodeLimits,
                                                 int maxTokensLimit)
{
    PreparedChat prepared;
    model::GroundingRequest &grounding = prepared.spec.request;
    model::ResizeLimits resize;
    if (request.minPixels)
        resize.minPixels = *request.minPixels;
    if (request.maxPixels)
        resize.maxPixels = *request.maxPixels;
    if (resize.minPixels > resize.maxPixels)
        return badRequest("mm_processor_kwargs: min_pixels " + std::to_string(resize.minPixels)
                                  + " exceeds max_pixels " + std::to_string(resize.maxPixels),
                          "mm_processor_kwargs");

    const model::PreprocessorConfig &preprocessor = engine.preprocessorConfig();
    const int factor = preprocessor.patchSize * preprocessor.mergeSize;
    std::vector<int> tokensPerImage;
    for (std::size_t i = 0; i < request.images.size(); ++i) {
        auto decoded = decodeForModel(request.images[i], int(i), decodeLimits, resize);
        if (auto *error = std::get_if<ApiError>(&decoded))
            return *error;
        auto &image = std::get<model::RgbImage>(decoded);
        tokensPerImage.push_back((image.height / factor) * (image.width / factor));
        grounding.images.push_back(std::move(image));
        grounding.limits.push_back(resize);
        request.images[i].bytes = std::string(); // the encoded copy is no longer needed
    }
    grounding.query = std::move(request.query);
    grounding.sampling = samplingFor(request, engine.generationConfig(), maxTokensLimit);

    const std::string prompt = model::renderChat(
            model::groundingConversation(int(grounding.images.size()), grounding.query), true);
    prepared.promptIds = engine.tokenizer().encode(model::expandImagePads(prompt, tokensPerImage));
    const int context = engine.config().maxPositionEmbeddings;
    const int promptTokens = int(prepared.promptIds.size());
    if (promptTokens >= context)
        return badRequest("the prompt is " + std::to_string(promptTokens)
                                  + " tokens but the model's context is " + std::to_string(context)
                                  + "; send fewer or smaller images",
                          "messages");
    if (promptTokens + grounding.sampling.maxNewTokens > context) {
        if (request.maxTokens)
            return badRequest("this model's maximum context length is " + std::to_string(context)
                                      + " tokens, but the prompt is " + std::to_string(promptTokens)
                                      + " tokens and max_tokens is "
                                      + std::to_string(*request.maxTokens),
                              "max_tokens");
        grounding.sampling.maxNewTokens = context - promptTokens;
    }
    prepared.spec.stop = std::move(request.stop);
    prepared.spec.includeStop = request.includeStopStrInOutput;
    prepared.spec.skipSpecialTokens = request.skipSpecialTokens;
    return prepared;
}

} // namespace migician::serve
