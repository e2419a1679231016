// Fuzz target: image bytes as `migician serve` receives them inside data: URLs
// (app/serve/data_url.h, app/serve/image_codec.h: libpng / libjpeg-turbo without Qt or OpenCV).
// The limits are lowered to one megapixel so that every input decodes in milliseconds; the checks
// are the same code. Invariants: a refusal says why and leaves no pixels; an image that decodes is
// non-empty, within both limits, and holds width * height * 3 bytes; the bytes survive a base64
// data: URL unchanged; the input read as a URL is either refused with a reason or gives a
// lower-case media type.
#include "fuzz_support.h"

#include "serve/data_url.h"
#include "serve/image_codec.h"

using namespace migician;

namespace {

std::string base64(std::string_view bytes)
{
    static constexpr char kAlphabet[]
            = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        const unsigned v = (unsigned(std::uint8_t(bytes[i])) << 16)
                           | (unsigned(std::uint8_t(bytes[i + 1])) << 8)
                           | unsigned(std::uint8_t(bytes[i + 2]));
        for (int k = 3; k >= 0; --k)
            out += kAlphabet[(v >> (6 * k)) & 63];
    }
    if (const std::size_t rest = bytes.size() - i; rest > 0) {
        unsigned v = unsigned(std::uint8_t(bytes[i])) << 16;
        if (rest == 2)
            v |= unsigned(std::uint8_t(bytes[i + 1])) << 8;
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
        out += rest == 2 ? kAlphabet[(v >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view bytes = fuzz::asText(data, size);
    const serve::DecodeLimits limits{1'000'000, 4096};

    serve::DataUrl url;
    std::string error;
    FUZZ_CHECK(serve::parseDataUrl("data:image/png;base64," + base64(bytes), &url, &error), error);
    FUZZ_CHECK(url.bytes == bytes, "base64 data: URL round trip changed the bytes");
    FUZZ_CHECK(url.mediaType == "image/png", url.mediaType);

    model::RgbImage image;
    error.clear();
    if (!serve::decodeImage(url.bytes, limits, &image, &error)) {
        FUZZ_CHECK(!error.empty(), "refusal without a reason");
        FUZZ_CHECK(image.pixels.empty() && image.width == 0, "pixels left after a refusal");
    } else {
        FUZZ_CHECK(image.width > 0 && image.height > 0, "empty image decoded");
        FUZZ_CHECK(image.width <= limits.maxSide && image.height <= limits.maxSide, "side limit");
        FUZZ_CHECK(std::int64_t(image.width) * image.height <= limits.maxPixels, "pixel limit");
        FUZZ_CHECK(image.pixels.size() == std::size_t(image.width) * image.height * 3,
                   "pixel buffer size");
        FUZZ_CHECK(serve::sniffImageFormat(bytes) != serve::ImageFormat::Unknown,
                   "decoded an unknown format");
    }

    serve::DataUrl asUrl;
    error.clear();
    if (serve::parseDataUrl(bytes, &asUrl, &error)) {
        for (const char c : asUrl.mediaType)
            FUZZ_CHECK(!(c >= 'A' && c <= 'Z'), "media type not lower case: " + asUrl.mediaType);
    } else {
        FUZZ_CHECK(!error.empty(), "data: URL refused without a reason");
    }
    return 0;
}
