#include "prompt_builder.h"

#include "model/chat_prompt.h"
#include "model/model_error.h"
#include "model/request_limits.h"

namespace migician::model {

PromptInputs buildPromptInputs(const Tokenizer &tokenizer, const PreprocessorConfig &preprocessor,
                               const std::vector<RgbImage> &images,
                               const std::vector<ResizeLimits> &limits, const std::string &query)
{
    checkRequestSize(images.size(), query.size());
    if (!limits.empty() && limits.size() != images.size())
        throw ModelError("resize limits", "given for " + std::to_string(limits.size())
                                                  + " images but there are "
                                                  + std::to_string(images.size()));
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

} // namespace migician::model
