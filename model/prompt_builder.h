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

// The same prompt from image sizes alone (no pixels are read or resized): what estimates need.
// ids and per-image token counts are exactly those of buildPromptInputs for images of these sizes.
struct PlannedImage
{
    ImageSize original;
    ImageSize resized;
    int gridT = 1, gridH = 0, gridW = 0; // in patches
    int tokens = 0;                      // after the 2x2 merge
    int patches() const { return gridT * gridH * gridW; }
};

struct PromptPlan
{
    std::string prompt;
    std::vector<TokenId> ids;
    std::vector<PlannedImage> images;
    int imageTokens() const;
    int textTokens() const { return int(ids.size()) - imageTokens(); }
};

PromptPlan planPrompt(const Tokenizer &tokenizer, const PreprocessorConfig &preprocessor,
                      const std::vector<ImageSize> &originals,
                      const std::vector<ResizeLimits> &limits, const std::string &query);

// limits: per image, or empty for the defaults. Errors name the image ("image 2: ...").
PromptInputs buildPromptInputs(const Tokenizer &tokenizer, const PreprocessorConfig &preprocessor,
                               const std::vector<RgbImage> &images,
                               const std::vector<ResizeLimits> &limits, const std::string &query);

} // namespace migician::model
