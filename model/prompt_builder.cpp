#include "prompt_builder.h"

#include "model/chat_prompt.h"
#include "model/model_error.h"
#include "model/request_limits.h"

namespace migician::model {

namespace {
// Limits are given per image, or not at all (the defaults for every image).
void checkLimitCount(const std::vector<ResizeLimits> &limits, std::size_t images)
{
    if (!limits.empty() && limits.size() != images)
        throw ModelError("resize limits", "given for " + std::to_string(limits.size())
                                                  + " images but there are "
                                                  + std::to_string(images));
}
} // namespace

PromptInputs buildPromptInputs(const Tokenizer &tokenizer, const PreprocessorConfig &preprocessor,
                               const std::vector<RgbImage> &images,
                               const std::vector<ResizeLimits> &limits, const std::string &query)
{
    checkRequestSize(images.size(), query.size());
    checkLimitCount(limits, images.size());
    PromptInputs inputs;
    std::vector<int> tokensPerImage;
    for (std::size_t i = 0; i < images.size(); ++i) {
        try {
            inputs.images.push_back(preprocessImage(images[i], preprocessor,
                                                    limits.empty() ? ResizeLimits{} : limits[i]));
        } catch (const ModelError &error) {
            throw ModelError("image " + std::to_string(i + 1), error.what());
        }
        tokensPerImage.push_back(inputs.images.back().tokenCount(preprocessor.mergeSize));
    }
    inputs.prompt = renderChat(groundingConversation(int(images.size()), query), true);
    inputs.ids = tokenizer.encode(expandImagePads(inputs.prompt, tokensPerImage));
    return inputs;
}

int PromptPlan::imageTokens() const
{
    int sum = 0;
    for (const PlannedImage &image : images)
        sum += image.tokens;
    return sum;
}

PromptPlan planPrompt(const Tokenizer &tokenizer, const PreprocessorConfig &preprocessor,
                      const std::vector<ImageSize> &originals,
                      const std::vector<ResizeLimits> &limits, const std::string &query)
{
    checkRequestSize(originals.size(), query.size()); // the same refusals as a real run
    checkLimitCount(limits, originals.size());
    PromptPlan plan;
    std::vector<int> tokensPerImage;
    for (std::size_t i = 0; i < originals.size(); ++i) {
        PlannedImage image;
        image.original = originals[i];
        try {
            if (originals[i].height <= 0 || originals[i].width <= 0)
                throw ModelError("input image", "is empty");
            image.resized = processedSize(originals[i].height, originals[i].width, preprocessor,
                                          limits.empty() ? ResizeLimits{} : limits[i]);
        } catch (const ModelError &error) {
            throw ModelError("image " + std::to_string(i + 1), error.what());
        }
        image.gridH = image.resized.height / preprocessor.patchSize;
        image.gridW = image.resized.width / preprocessor.patchSize;
        image.tokens = image.patches() / (preprocessor.mergeSize * preprocessor.mergeSize);
        tokensPerImage.push_back(image.tokens);
        plan.images.push_back(image);
    }
    plan.prompt = renderChat(groundingConversation(int(originals.size()), query), true);
    plan.ids = tokenizer.encode(expandImagePads(plan.prompt, tokensPerImage));
    return plan;
}

} // namespace migician::model
