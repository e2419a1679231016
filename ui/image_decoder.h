// Image files -> the engine's RgbImage, matching what the reference pipeline does with
// `PIL.Image.open(path).convert("RGB")`: gray is replicated, alpha is dropped (no compositing),
// 16-bit samples are scaled to 8 bits, EXIF orientation is NOT applied (Pillow does not either).
// Decoding uses OpenCV (libjpeg-turbo / libpng), so PNGs match Pillow exactly and JPEGs within a
// few levels. Safe to call from any thread.
#pragma once

#include "model/rgb_image.h"

#include <QImage>
#include <QString>

#include <limits>
#include <optional>

namespace migician::ui {

// Files above this many pixels are refused before decoding (a 400 MP RGB image is 1.2 GB).
constexpr qint64 kMaxDecodedPixels = 400'000'000;
// Files above this many bytes are refused before reading: OpenCV's decoders take the encoded
// bytes as one cv::Mat row, whose length is an int (2 GB - 1).
constexpr qint64 kMaxImageFileBytes = std::numeric_limits<int>::max();

// The decoded image, or nullopt with `*error` (if given) naming the file and the problem.
std::optional<model::RgbImage> decodeImageFile(const QString &path, QString *error);

// The same for the bytes of an image file held in memory; `name` is used in messages.
// `maxPixels` can only lower the pixel limit (the fuzz target does, to stay in its memory budget).
std::optional<model::RgbImage> decodeImageData(const QByteArray &bytes, const QString &name,
                                               QString *error,
                                               qint64 maxPixels = kMaxDecodedPixels);

// Copies between Qt images and the engine type. fromQImage drops alpha without compositing.
model::RgbImage fromQImage(const QImage &image);
QImage toQImage(const model::RgbImage &image);

} // namespace migician::ui
