// The Qwen2-VL image pipeline of qwen-vl-utils 0.0.8 + Qwen2VLImageProcessor, bit-exact:
// smart_resize, Pillow's BICUBIC resampler, rescale/normalise, and patch flattening into rows of
// 3*2*14*14 values in 2x2-merge-window order.
#pragma once

#include "model/model_config.h"
#include "model/rgb_image.h"

#include <cstdint>
#include <vector>

namespace migician::model {

struct ImageSize
{
    int height = 0;
    int width = 0;
};

struct ResizeLimits
{
    std::int64_t minPixels = 3136;     // qwen-vl-utils MIN_PIXELS = 4*28*28
    std::int64_t maxPixels = 12845056; // qwen-vl-utils MAX_PIXELS = 16384*28*28
};

// qwen-vl-utils smart_resize (factor 28, Python round-half-to-even). Throws ModelError for an
// empty image or an aspect ratio above 200.
ImageSize smartResize(int height, int width, const ResizeLimits &limits, int factor = 28);

// The size preprocessImage() resizes an image of height x width to (both smart_resize passes),
// without touching pixels: what token counts and estimates need.
ImageSize processedSize(int height, int width, const PreprocessorConfig &config,
                        const ResizeLimits &limits);

// Pillow's Image.resize(..., BICUBIC) reproduced to the bit (see fixtures README section 5).
RgbImage resizeBicubic(const RgbImage &image, int width, int height);

struct PreprocessedImage
{
    std::vector<float> patches; // [gridT*gridH*gridW, channels*temporal*patch*patch]
    int gridT = 1;
    int gridH = 0; // in 14-pixel patches
    int gridW = 0;
    int rowLength = 1176;
    ImageSize original;
    ImageSize resized;

    int patchCount() const { return gridT * gridH * gridW; }
    int tokenCount(int mergeSize = 2) const { return patchCount() / (mergeSize * mergeSize); }
};

// The whole pipeline for one image.
PreprocessedImage preprocessImage(const RgbImage &image, const PreprocessorConfig &config,
                                  const ResizeLimits &limits);

} // namespace migician::model
