// Images + query -> everything the network takes: the rendered chat prompt, the token ids with
// every <|image_pad|> expanded to its image's token count, and the preprocessed pixel rows.
// Torch-free, so `migician prompt` shows exactly what the engine will run without loading weights.
#pragma once

#include "model/image_preprocess.h"
#include "model/model_config.h"
#include "model/rgb_image.h"
#include "model/tokenizer.h"

#include <string>
#include <vector>

namespace migician::model {

struct PromptInputs
{
    std::string prompt;                    // rendered chat prompt, before pad expansion
    std::vector<TokenId> ids;              // tokenized, pads expanded
    std::vector<PreprocessedImage> images; // in prompt order
};

// limits: per image, or empty for the defaults. Errors name the image ("image 2: ...").
PromptInputs buildPromptInputs(const Tokenizer &tokenizer, const PreprocessorConfig &preprocessor,
                               const std::vector<RgbImage> &images,
                               const std::vector<ResizeLimits> &limits, const std::string &query);

} // namespace migician::model
