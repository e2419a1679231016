// Image files -> the engine's RgbImage, matching what the reference pipeline does with
// `PIL.Image.open(path).convert("RGB")`: gray is replicated, alpha is dropped (no compositing),
// 16-bit samples are scaled to 8 bits, EXIF orientation is NOT applied (Pillow does not either).
// Decoding uses OpenCV (libjpeg-turbo / libpng), so PNGs match Pillow exactly and JPEGs within a
// few levels. Safe to call from any thread.
#pragma once

#include "model/rgb_image.h"

#include <QImage>
#include <QString>

#include <optional>

namespace migician::ui {

// Files above this many pixels are refused before decoding (a 400 MP RGB image is 1.2 GB).
constexpr qint64 kMaxDecodedPixels = 400'000'000;

// The decoded image, or nullopt with `*error` (if given) naming the file and the problem.
std::optional<model::RgbImage> decodeImageFile(const QString &path, QString *error);

// Copies between Qt images and the engine type. fromQImage drops alpha without compositing.
model::RgbImage fromQImage(const QImage &image);
QImage toQImage(const model::RgbImage &image);

} // namespace migician::ui
