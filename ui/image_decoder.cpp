#include "ui/image_decoder.h"

#include "model/png_layout.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>

namespace migician::ui {

namespace {

bool fail(QString *error, const QString &path, const QString &problem)
{
    if (error)
        *error = QStringLiteral("%1: %2").arg(path, problem);
    return false;
}

} // namespace

std::optional<model::RgbImage> decodeImageFile(const QString &path, QString *error)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        fail(error, path, QStringLiteral("file does not exist"));
        return std::nullopt;
    }
    if (!info.isFile() || !info.isReadable()) {
        fail(error, path, QStringLiteral("is not a readable file"));
        return std::nullopt;
    }
    if (info.size() > kMaxImageFileBytes) {
        fail(error, path,
             QStringLiteral("file of %1 bytes exceeds the 2 GB limit for image files")
                     .arg(info.size()));
        return std::nullopt;
    }
    // Read the bytes ourselves and use imdecode: cv::imread takes a narrow path, which breaks on
    // file names the locale cannot encode; imdecode is the same decoder as
    // imread(IMREAD_UNCHANGED).
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        fail(error, path, QStringLiteral("cannot be read: %1").arg(file.errorString()));
        return std::nullopt;
    }
    return decodeImageData(file.readAll(), path, error);
}

std::optional<model::RgbImage> decodeImageData(const QByteArray &bytes, const QString &name,
                                               QString *error, qint64 maxPixels)
{
    maxPixels = std::min(maxPixels, kMaxDecodedPixels);
    const auto tooLarge = [&](qint64 width, qint64 height) {
        fail(error, name,
             QStringLiteral("image of %1x%2 exceeds the limit of %3 megapixels")
                     .arg(width)
                     .arg(height)
                     .arg(maxPixels / 1'000'000.0));
        return std::nullopt;
    };
    if (bytes.isEmpty()) {
        fail(error, name, QStringLiteral("cannot decode image (the file is empty)"));
        return std::nullopt;
    }
    if (bytes.size() > kMaxImageFileBytes) {
        fail(error, name,
             QStringLiteral("file of %1 bytes exceeds the 2 GB limit for image files")
                     .arg(bytes.size()));
        return std::nullopt;
    }

    // Before Qt's probe and OpenCV: both hand the bytes to libpng (model/png_layout.h says why).
    if (const std::string problem
        = model::pngLayoutProblem(std::string_view(bytes.constData(), std::size_t(bytes.size())));
        !problem.empty()) {
        fail(error, name,
             QStringLiteral("cannot decode image (corrupt PNG: %1)")
                     .arg(QString::fromStdString(problem)));
        return std::nullopt;
    }

    // The header tells the size without decoding; refuse absurd images before any allocation.
    {
        QBuffer device;
        device.setData(bytes);
        device.open(QIODevice::ReadOnly);
        QImageReader header(&device);
        const QSize declared = header.size();
        if (declared.isValid() && qint64(declared.width()) * declared.height() > maxPixels)
            return tooLarge(declared.width(), declared.height());
    }

    cv::Mat decoded;
    try {
        const cv::Mat buffer(1, int(bytes.size()), CV_8U, const_cast<char *>(bytes.constData()));
        decoded = cv::imdecode(buffer, cv::IMREAD_UNCHANGED);
    } catch (const cv::Exception &exception) {
        fail(error, name,
             QStringLiteral("cannot decode image: %1").arg(QString::fromStdString(exception.msg)));
        return std::nullopt;
    }
    if (decoded.empty() || decoded.dims != 2) {
        fail(error, name, QStringLiteral("cannot decode image (corrupt or unsupported format)"));
        return std::nullopt;
    }
    if (qint64(decoded.cols) * decoded.rows > maxPixels)
        return tooLarge(decoded.cols, decoded.rows);

    try {
        if (decoded.depth() == CV_16U) {
            cv::Mat eight;
            decoded.convertTo(eight, CV_8U, 255.0 / 65535.0); // rounds to nearest
            decoded = eight;
        } else if (decoded.depth() != CV_8U) {
            fail(error, name, QStringLiteral("cannot decode image: unsupported sample format"));
            return std::nullopt;
        }
        cv::Mat rgb;
        switch (decoded.channels()) {
        case 1:
            cv::cvtColor(decoded, rgb, cv::COLOR_GRAY2RGB);
            break;
        case 2: { // gray + alpha: keep the gray, drop the alpha
            cv::Mat gray;
            cv::extractChannel(decoded, gray, 0);
            cv::cvtColor(gray, rgb, cv::COLOR_GRAY2RGB);
            break;
        }
        case 3:
            cv::cvtColor(decoded, rgb, cv::COLOR_BGR2RGB);
            break;
        case 4: // alpha dropped, not composited: what Pillow's convert("RGB") does
            cv::cvtColor(decoded, rgb, cv::COLOR_BGRA2RGB);
            break;
        default:
            fail(error, name,
                 QStringLiteral("cannot decode image: %1 channels").arg(decoded.channels()));
            return std::nullopt;
        }
        model::RgbImage image;
        image.width = rgb.cols;
        image.height = rgb.rows;
        image.pixels.resize(std::size_t(rgb.cols) * rgb.rows * 3);
        const std::size_t rowBytes = std::size_t(rgb.cols) * 3;
        for (int y = 0; y < rgb.rows; ++y)
            std::memcpy(image.pixels.data() + y * rowBytes, rgb.ptr(y), rowBytes);
        return image;
    } catch (const cv::Exception &exception) {
        fail(error, name,
             QStringLiteral("cannot decode image: %1").arg(QString::fromStdString(exception.msg)));
        return std::nullopt;
    }
}

model::RgbImage fromQImage(const QImage &source)
{
    model::RgbImage image;
    if (source.isNull())
        return image;
    // ARGB32 -> RGB888 keeps the colour channels and drops alpha.
    const QImage rgb = source.format() == QImage::Format_ARGB32_Premultiplied
                               ? source.convertToFormat(QImage::Format_ARGB32)
                                         .convertToFormat(QImage::Format_RGB888)
                               : source.convertToFormat(QImage::Format_RGB888);
    image.width = rgb.width();
    image.height = rgb.height();
    const std::size_t rowBytes = std::size_t(image.width) * 3;
    image.pixels.resize(rowBytes * image.height);
    for (int y = 0; y < image.height; ++y)
        std::memcpy(image.pixels.data() + y * rowBytes, rgb.constScanLine(y), rowBytes);
    return image;
}

QImage toQImage(const model::RgbImage &image)
{
    if (image.isEmpty() || image.pixels.size() != std::size_t(image.width) * image.height * 3)
        return {};
    QImage result(image.width, image.height, QImage::Format_RGB888);
    if (result.isNull())
        return {};
    const std::size_t rowBytes = std::size_t(image.width) * 3;
    for (int y = 0; y < image.height; ++y)
        std::memcpy(result.scanLine(y), image.row(y), rowBytes);
    return result;
}

} // namespace migician::ui
