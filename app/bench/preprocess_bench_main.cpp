// migician-preprocess-bench: time of the Qwen2-VL image pipeline (smart_resize + Pillow bicubic +
// normalise + patch flattening) on synthetic images, as JSON, in ms per input megapixel.
#include "model/image_preprocess.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace migician::model;

namespace {

// A deterministic image with gradients and hash noise, so the resampler sees real detail.
RgbImage syntheticImage(int width, int height)
{
    RgbImage image;
    image.width = width;
    image.height = height;
    image.pixels.resize(std::size_t(width) * height * 3);
    std::uint32_t state = 12345;
    for (std::size_t i = 0; i < image.pixels.size(); ++i) {
        state = state * 1664525u + 1013904223u;
        const std::size_t pixel = i / 3;
        const int x = int(pixel % width);
        const int y = int(pixel / width);
        image.pixels[i] = std::uint8_t((x + 2 * y + int(i % 3) * 60 + (state >> 28)) & 0xff);
    }
    return image;
}

double medianMs(std::vector<double> samples)
{
    std::sort(samples.begin(), samples.end());
    return samples[samples.size() / 2];
}

std::string measure(const char *label, int width, int height, const ResizeLimits &limits,
                    int repeats)
{
    const RgbImage image = syntheticImage(width, height);
    const PreprocessorConfig config;
    std::vector<double> total;
    std::vector<double> resizeOnly;
    PreprocessedImage last;
    for (int r = 0; r < repeats; ++r) {
        const auto start = std::chrono::steady_clock::now();
        last = preprocessImage(image, config, limits);
        const auto end = std::chrono::steady_clock::now();
        total.push_back(std::chrono::duration<double, std::milli>(end - start).count());

        const auto size = smartResize(height, width, limits);
        const auto resizeStart = std::chrono::steady_clock::now();
        const auto resized = resizeBicubic(image, size.width, size.height);
        const auto resizeEnd = std::chrono::steady_clock::now();
        resizeOnly.push_back(
                std::chrono::duration<double, std::milli>(resizeEnd - resizeStart).count());
    }
    const double megapixels = double(width) * height / 1e6;
    const double totalMs = medianMs(total);
    const double resizeMs = medianMs(resizeOnly);
    char buffer[512];
    std::snprintf(buffer, sizeof buffer,
                  "{\"case\": \"%s\", \"input\": [%d, %d], \"resized\": [%d, %d], "
                  "\"max_pixels\": %lld, \"patches\": %d, \"repeats\": %d, "
                  "\"total_ms\": %.2f, \"resize_ms\": %.2f, \"ms_per_megapixel\": %.2f, "
                  "\"resize_ms_per_megapixel\": %.2f}",
                  label, width, height, last.resized.width, last.resized.height,
                  static_cast<long long>(limits.maxPixels), last.patchCount(), repeats, totalMs,
                  resizeMs, totalMs / megapixels, resizeMs / megapixels);
    return buffer;
}

} // namespace

int main(int argc, char **argv)
{
    const int repeats = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
    const ResizeLimits defaults; // qwen-vl-utils defaults: 3136 .. 12845056 pixels
    const ResizeLimits small{3136, 1003520};
    std::printf("{\"preprocess\": [\n  %s,\n  %s,\n  %s\n]}\n",
                measure("1920x1080 default limits", 1920, 1080, defaults, repeats).c_str(),
                measure("4000x3000 default limits", 4000, 3000, defaults, repeats).c_str(),
                measure("4000x3000 max 1003520", 4000, 3000, small, repeats).c_str());
    return 0;
}
