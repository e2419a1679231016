#include "model/image_preprocess.h"

#include "model/model_error.h"

#include <algorithm>
#include <cfenv>
#include <cmath>
#include <string>

namespace migician::model {

namespace {

// Refuse inputs above 400 megapixels (20000 x 20000): such a buffer is already 1.2 GB of RGB.
constexpr std::int64_t kMaxInputPixels = 400'000'000;

std::string sizeText(std::int64_t width, std::int64_t height)
{
    return std::to_string(width) + "x" + std::to_string(height);
}

// Python's round(): half to even. nearbyint rounds that way in the default FE_TONEAREST mode.
double roundHalfEven(double value)
{
    const int previous = std::fegetround();
    if (previous != FE_TONEAREST)
        std::fesetround(FE_TONEAREST);
    const double result = std::nearbyint(value);
    if (previous != FE_TONEAREST)
        std::fesetround(previous);
    return result;
}

// ---- Pillow 9.4 Resample.c, BICUBIC, 8 bits per channel -------------------------------------

constexpr int kPrecisionBits = 32 - 8 - 2;

double bicubicFilter(double x)
{
    constexpr double a = -0.5;
    if (x < 0.0)
        x = -x;
    if (x < 1.0)
        return ((a + 2.0) * x - (a + 3.0)) * x * x + 1;
    if (x < 2.0)
        return (((x - 5) * x + 8) * x - 4) * a;
    return 0.0;
}

// Per output index: the first input tap, the tap count and the fixed-point weights.
struct Coefficients
{
    int kernelSize = 0;
    std::vector<int> first;
    std::vector<int> count;
    std::vector<std::int32_t> weights; // [outSize][kernelSize]
};

Coefficients precomputeCoefficients(int inSize, int outSize)
{
    constexpr double support0 = 2.0; // BICUBIC support
    const double scale = double(float(inSize) - 0.0f) / outSize;
    const double filterScale = std::max(scale, 1.0);
    const double support = support0 * filterScale;
    Coefficients result;
    result.kernelSize = int(std::ceil(support)) * 2 + 1;
    result.first.resize(outSize);
    result.count.resize(outSize);
    result.weights.assign(std::size_t(outSize) * result.kernelSize, 0);
    std::vector<double> k(result.kernelSize);
    for (int xx = 0; xx < outSize; ++xx) {
        const double center = (xx + 0.5) * scale;
        const double ss = 1.0 / filterScale;
        // (int) truncates toward zero, as in C.
        int xmin = int(center - support + 0.5);
        if (xmin < 0)
            xmin = 0;
        int xmax = int(center + support + 0.5);
        if (xmax > inSize)
            xmax = inSize;
        xmax -= xmin;
        double ww = 0.0;
        for (int x = 0; x < xmax; ++x) {
            const double w = bicubicFilter((x + xmin - center + 0.5) * ss);
            k[x] = w;
            ww += w;
        }
        std::int32_t *out = result.weights.data() + std::size_t(xx) * result.kernelSize;
        for (int x = 0; x < xmax; ++x) {
            const double value = ww != 0.0 ? k[x] / ww : k[x];
            // normalize_coeffs_8bpc: round away from zero.
            out[x] = value < 0 ? std::int32_t(-0.5 + value * (1 << kPrecisionBits))
                               : std::int32_t(0.5 + value * (1 << kPrecisionBits));
        }
        result.first[xx] = xmin;
        result.count[xx] = xmax;
    }
    return result;
}

// Pillow accumulates in INT32: with weights normalised to 2^22 and the bicubic lobes, the sum stays
// below 255 * 1.25 * 2^22 + 2^21 < 2^31, so int32 cannot overflow (and vectorises well).
inline std::uint8_t clip8(std::int32_t value)
{
    if (value >= (std::int32_t(1) << kPrecisionBits << 8))
        return 255;
    if (value <= 0)
        return 0;
    return std::uint8_t(value >> kPrecisionBits);
}

// Horizontal pass over input rows [rowBegin, rowEnd) into an 8-bit image of width outWidth.
RgbImage resampleHorizontal(const RgbImage &in, int rowBegin, int rowEnd, int outWidth,
                            const Coefficients &c)
{
    RgbImage out;
    out.width = outWidth;
    out.height = rowEnd - rowBegin;
    out.pixels.resize(std::size_t(out.width) * out.height * 3);
    constexpr std::int32_t half = std::int32_t(1) << (kPrecisionBits - 1);
    for (int y = rowBegin; y < rowEnd; ++y) {
        const std::uint8_t *src = in.row(y);
        std::uint8_t *dst = out.pixels.data() + std::size_t(y - rowBegin) * outWidth * 3;
        for (int xx = 0; xx < outWidth; ++xx) {
            const std::int32_t *k = c.weights.data() + std::size_t(xx) * c.kernelSize;
            const std::uint8_t *p = src + std::size_t(c.first[xx]) * 3;
            std::int32_t s0 = half, s1 = half, s2 = half;
            for (int x = 0; x < c.count[xx]; ++x) {
                s0 += p[x * 3 + 0] * k[x];
                s1 += p[x * 3 + 1] * k[x];
                s2 += p[x * 3 + 2] * k[x];
            }
            dst[xx * 3 + 0] = clip8(s0);
            dst[xx * 3 + 1] = clip8(s1);
            dst[xx * 3 + 2] = clip8(s2);
        }
    }
    return out;
}

// Vertical pass; `rowOffset` is subtracted from the coefficient bounds (the horizontal pass only
// produced the rows from rowOffset on).
RgbImage resampleVertical(const RgbImage &in, int rowOffset, int outHeight, const Coefficients &c)
{
    RgbImage out;
    out.width = in.width;
    out.height = outHeight;
    out.pixels.resize(std::size_t(out.width) * out.height * 3);
    constexpr std::int32_t half = std::int32_t(1) << (kPrecisionBits - 1);
    const std::size_t rowBytes = std::size_t(in.width) * 3;
    std::vector<std::int32_t> acc(rowBytes);
    for (int yy = 0; yy < outHeight; ++yy) {
        const std::int32_t *k = c.weights.data() + std::size_t(yy) * c.kernelSize;
        const int ymin = c.first[yy] - rowOffset;
        std::fill(acc.begin(), acc.end(), half);
        // Row-major accumulation: same sums as Pillow's column loop (integer adds commute).
        for (int y = 0; y < c.count[yy]; ++y) {
            const std::uint8_t *src = in.row(ymin + y);
            const std::int32_t w = k[y];
            for (std::size_t i = 0; i < rowBytes; ++i)
                acc[i] += src[i] * w;
        }
        std::uint8_t *dst = out.pixels.data() + std::size_t(yy) * rowBytes;
        for (std::size_t i = 0; i < rowBytes; ++i)
            dst[i] = clip8(acc[i]);
    }
    return out;
}

void checkImage(const RgbImage &image, const char *what)
{
    if (image.width <= 0 || image.height <= 0)
        throw ModelError(what, "empty image (" + sizeText(image.width, image.height) + ")");
    const std::int64_t pixels = std::int64_t(image.width) * image.height;
    if (pixels > kMaxInputPixels)
        throw ModelError(what, "image of " + sizeText(image.width, image.height)
                                       + " exceeds the 400 megapixel limit");
    if (image.pixels.size() != std::size_t(pixels) * 3)
        throw ModelError(what, "pixel buffer holds " + std::to_string(image.pixels.size())
                                       + " bytes but a " + sizeText(image.width, image.height)
                                       + " RGB image needs " + std::to_string(pixels * 3));
}

} // namespace

ImageSize smartResize(int height, int width, const ResizeLimits &limits, int factor)
{
    if (height <= 0 || width <= 0)
        throw ModelError("image", "empty image (" + sizeText(width, height) + ")");
    if (factor <= 0 || limits.minPixels <= 0 || limits.maxPixels < limits.minPixels)
        throw ModelError("image", "invalid resize limits (min " + std::to_string(limits.minPixels)
                                          + ", max " + std::to_string(limits.maxPixels)
                                          + " pixels, factor " + std::to_string(factor) + ")");
    const double h = height;
    const double w = width;
    if (std::max(h, w) / std::min(h, w) > 200)
        throw ModelError("image", "aspect ratio of " + sizeText(width, height)
                                          + " is above 200, which the model cannot take");
    double hBar = std::max<double>(factor, roundHalfEven(h / factor) * factor);
    double wBar = std::max<double>(factor, roundHalfEven(w / factor) * factor);
    const double pixels = double(std::int64_t(height) * width);
    if (hBar * wBar > double(limits.maxPixels)) {
        const double beta = std::sqrt(pixels / double(limits.maxPixels));
        hBar = std::floor(h / beta / factor) * factor;
        wBar = std::floor(w / beta / factor) * factor;
    } else if (hBar * wBar < double(limits.minPixels)) {
        const double beta = std::sqrt(double(limits.minPixels) / pixels);
        hBar = std::ceil(h * beta / factor) * factor;
        wBar = std::ceil(w * beta / factor) * factor;
    }
    // A min_pixels beyond what can be processed (from a config file or --min-pixels) must not
    // turn into sides that overflow int below.
    if (hBar * wBar > double(kMaxInputPixels))
        throw ModelError("image", "image of " + sizeText(width, height)
                                          + " would be enlarged beyond the 400 megapixel limit to "
                                            "reach min_pixels "
                                          + std::to_string(limits.minPixels));
    // qwen-vl-utils 0.0.8 has no lower clamp in the floor branch; a zero side cannot be processed.
    if (hBar < factor || wBar < factor)
        throw ModelError("image", "image of " + sizeText(width, height)
                                          + " cannot be resized within "
                                          + std::to_string(limits.maxPixels) + " pixels");
    return {int(hBar), int(wBar)};
}

RgbImage resizeBicubic(const RgbImage &image, int width, int height)
{
    checkImage(image, "image to resize");
    if (width <= 0 || height <= 0 || std::int64_t(width) * height > kMaxInputPixels)
        throw ModelError("image to resize", "invalid target size " + sizeText(width, height));
    const bool needHorizontal = width != image.width;
    const bool needVertical = height != image.height;
    if (!needHorizontal && !needVertical)
        return image;

    const Coefficients horizontal = precomputeCoefficients(image.width, width);
    const Coefficients vertical = precomputeCoefficients(image.height, height);
    if (!needVertical)
        return resampleHorizontal(image, 0, image.height, width, horizontal);
    if (!needHorizontal)
        return resampleVertical(image, 0, height, vertical);
    // Only the source rows the vertical pass reads go through the horizontal pass.
    const int firstRow = vertical.first.front();
    const int lastRow = vertical.first.back() + vertical.count.back();
    const RgbImage temp = resampleHorizontal(image, firstRow, lastRow, width, horizontal);
    return resampleVertical(temp, firstRow, height, vertical);
}

ImageSize processedSize(int height, int width, const PreprocessorConfig &config,
                        const ResizeLimits &limits)
{
    const int factor = config.patchSize * config.mergeSize;
    if (factor <= 0)
        throw ModelError("preprocessor config", "patch and merge sizes must be positive");
    const ImageSize target = smartResize(height, width, limits, factor);
    return smartResize(target.height, target.width, {config.minPixels, config.maxPixels}, factor);
}

PreprocessedImage preprocessImage(const RgbImage &image, const PreprocessorConfig &config,
                                  const ResizeLimits &limits)
{
    checkImage(image, "input image");
    const int patch = config.patchSize;
    const int merge = config.mergeSize;
    const int temporal = config.temporalPatchSize;
    if (patch <= 0 || merge <= 0 || temporal <= 0)
        throw ModelError("preprocessor config", "patch, merge and temporal sizes must be positive");
    const int factor = patch * merge;

    // qwen-vl-utils resizes to its limits; then Qwen2VLImageProcessor applies its own smart_resize
    // with the config's limits, which is a no-op unless those limits are tighter.
    const ImageSize target = smartResize(image.height, image.width, limits, factor);
    const ImageSize second = processedSize(image.height, image.width, config, limits);
    // Only copy pixels when a resize actually happens (an already-conforming image is read as is).
    RgbImage storage;
    const RgbImage *source = &image;
    if (target.height != image.height || target.width != image.width) {
        storage = resizeBicubic(image, target.width, target.height);
        source = &storage;
    }
    if (second.height != target.height || second.width != target.width) {
        storage = resizeBicubic(*source, second.width, second.height);
        source = &storage;
    }
    const RgbImage &resized = *source;

    PreprocessedImage result;
    result.original = {image.height, image.width};
    result.resized = {resized.height, resized.width};
    result.gridT = 1;
    result.gridH = resized.height / patch;
    result.gridW = resized.width / patch;
    result.rowLength = 3 * temporal * patch * patch;

    // u8 -> float32(u8 * rescale) (product in double), then (x - mean) / std in float32: a table.
    float table[3][256];
    for (int c = 0; c < 3; ++c) {
        for (int v = 0; v < 256; ++v) {
            const float x = float(double(v) * config.rescaleFactor);
            table[c][v] = (x - config.imageMean[c]) / config.imageStd[c];
        }
    }

    // Rows in 2x2 (merge x merge) window order; inside a row: channel, frame, y, x.
    result.patches.resize(std::size_t(result.patchCount()) * result.rowLength);
    float *out = result.patches.data();
    const int windowsH = result.gridH / merge;
    const int windowsW = result.gridW / merge;
    for (int wy = 0; wy < windowsH; ++wy) {
        for (int wx = 0; wx < windowsW; ++wx) {
            for (int dy = 0; dy < merge; ++dy) {
                for (int dx = 0; dx < merge; ++dx) {
                    const int top = (wy * merge + dy) * patch;
                    const int left = (wx * merge + dx) * patch;
                    for (int c = 0; c < 3; ++c) {
                        float *frame0 = out;
                        for (int y = 0; y < patch; ++y) {
                            const std::uint8_t *src = resized.row(top + y) + std::size_t(left) * 3;
                            for (int x = 0; x < patch; ++x)
                                *out++ = table[c][src[x * 3 + c]];
                        }
                        // A still image is its own second (third, ...) frame.
                        for (int t = 1; t < temporal; ++t) {
                            std::copy(frame0, frame0 + patch * patch, out);
                            out += patch * patch;
                        }
                    }
                }
            }
        }
    }
    return result;
}

} // namespace migician::model
