// Fuzz target: image files through the app's decode path (ui/image_decoder.h: Qt's header probe,
// OpenCV's decoders, 16-bit and alpha handling, the size limits). The pixel limit is lowered to
// one megapixel here so that every input decodes in milliseconds and stays in the fuzzer's memory
// budget; the checks are the same code. Invariants: nothing throws; a refusal names the file; an
// image that decodes is non-empty, within the limit, and holds width * height * 3 bytes.
#include "fuzz_support.h"

#include "ui/image_decoder.h"

using namespace migician;

namespace {
constexpr qint64 kFuzzMaxPixels = 1'000'000;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString name = QStringLiteral("fuzz-image");
    QString error;
    const auto image
            = ui::decodeImageData(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)),
                                  name, &error, kFuzzMaxPixels);
    if (!image) {
        FUZZ_CHECK(error.startsWith(name + QLatin1String(": ")), error.toStdString());
        return 0;
    }
    FUZZ_CHECK(image->width > 0 && image->height > 0, "empty image decoded");
    FUZZ_CHECK(qint64(image->width) * image->height <= kFuzzMaxPixels, "pixel limit not applied");
    FUZZ_CHECK(image->pixels.size() == std::size_t(image->width) * image->height * 3,
               "pixel buffer size");
    return 0;
}
