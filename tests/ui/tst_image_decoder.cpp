// Decoding the fixture image files like Pillow's open().convert("RGB"): PNGs must match the golden
// decoded pixels exactly, JPEGs within a stated tolerance; broken or missing files give an error
// naming the file.
#include "support/qt_test_registry.h"
#include "ui/image_decoder.h"

#include "model/image_preprocess.h"
#include "model/safetensors.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstring>
#include <memory>

namespace {

const QString kFixtureDir = QStringLiteral(MIGICIAN_SHARED_DIR "/fixtures/qwen2vl-tiny/");

// Debian 12's OpenCV 4.6 links the same libjpeg-turbo as the reference Pillow 9.4: measured max
// difference 0 levels (and 0 in pixel_values). Another JPEG build may differ by a level or two
// (fancy upsampling, IDCT); 2 levels is at most 2/255/0.26 = 0.03 after normalisation.
constexpr int kJpegLevelTolerance = 2;
constexpr double kJpegPixelValueTolerance = 0.035;

struct FixtureImage
{
    QString file;
    QString golden;
    int index = 0;
    migician::model::ResizeLimits limits;
};

QList<FixtureImage> fixtureImages()
{
    QFile file(kFixtureDir + QStringLiteral("cases.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const auto cases = QJsonDocument::fromJson(file.readAll()).object().value("cases").toArray();
    QList<FixtureImage> result;
    for (const auto &entry : cases) {
        const auto object = entry.toObject();
        int index = 0;
        for (const auto &image : object.value("images").toArray()) {
            const auto imageObject = image.toObject();
            FixtureImage item;
            item.file = imageObject.value("file").toString();
            item.golden = object.value("golden").toString();
            item.index = index++;
            item.limits.minPixels = imageObject.value("min_pixels").toInteger();
            item.limits.maxPixels = imageObject.value("max_pixels").toInteger();
            result.append(item);
        }
    }
    return result;
}

int maxLevelDifference(const migician::model::RgbImage &image, const void *golden)
{
    const auto *expected = static_cast<const std::uint8_t *>(golden);
    int maxDiff = 0;
    for (std::size_t i = 0; i < image.pixels.size(); ++i)
        maxDiff = std::max(maxDiff, std::abs(int(image.pixels[i]) - int(expected[i])));
    return maxDiff;
}

} // namespace

class ImageDecoderTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fixtureFilesMatchTheGoldenDecode()
    {
        const auto images = fixtureImages();
        QCOMPARE(images.size(), 9);
        int worstJpeg = 0;
        double worstPixelValue = 0;
        QString openGolden;
        std::unique_ptr<migician::model::SafetensorsFile> golden;
        std::size_t rowOffset = 0;
        const migician::model::PreprocessorConfig config;
        for (const auto &item : images) {
            if (item.golden != openGolden) {
                golden = std::make_unique<migician::model::SafetensorsFile>(
                        (kFixtureDir + item.golden).toStdString());
                openGolden = item.golden;
                rowOffset = 0;
            }
            QString error;
            const auto image = migician::ui::decodeImageFile(kFixtureDir + item.file, &error);
            QVERIFY2(image.has_value(), qPrintable(error));
            const auto &expected
                    = golden->tensor("image" + std::to_string(item.index) + "_decoded_rgb");
            QCOMPARE(qint64(image->height), expected.shape[0]);
            QCOMPARE(qint64(image->width), expected.shape[1]);
            const int diff = maxLevelDifference(*image, expected.data);
            const bool jpeg = item.file.endsWith(QLatin1String(".jpg"));
            if (jpeg) {
                worstJpeg = std::max(worstJpeg, diff);
                QVERIFY2(diff <= kJpegLevelTolerance, qPrintable(item.file));
            } else {
                QVERIFY2(diff == 0, qPrintable(item.file)); // PNG (RGB, gray, RGBA) exact
            }

            // pixel_values from the self-decoded file against the golden rows of this image.
            const auto processed = migician::model::preprocessImage(*image, config, item.limits);
            const auto &pixelValues = golden->tensor("pixel_values");
            QVERIFY(rowOffset + processed.patchCount() <= std::size_t(pixelValues.shape[0]));
            const auto *rows = static_cast<const float *>(pixelValues.data) + rowOffset * 1176;
            double maxDiff = 0;
            for (std::size_t i = 0; i < processed.patches.size(); ++i)
                maxDiff = std::max(maxDiff, std::abs(double(processed.patches[i]) - rows[i]));
            rowOffset += processed.patchCount();
            if (jpeg) {
                worstPixelValue = std::max(worstPixelValue, maxDiff);
                QVERIFY2(maxDiff <= kJpegPixelValueTolerance, qPrintable(item.file));
            } else {
                QVERIFY2(maxDiff == 0.0, qPrintable(item.file));
            }
        }
        qInfo("JPEG decode vs Pillow: max abs difference %d levels; pixel_values max abs "
              "difference %.6f",
              worstJpeg, worstPixelValue);
    }

    void corruptFileNamesTheFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("broken.png"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray("\x89PNG\r\n\x1a\nthis is not really a png at all", 40));
        file.close();
        QString error;
        QVERIFY(!migician::ui::decodeImageFile(path, &error).has_value());
        QVERIFY2(error.contains(path), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("cannot decode image")), qPrintable(error));

        // A truncated real JPEG.
        QFile jpeg(kFixtureDir + QStringLiteral("images/wide_640x360.jpg"));
        QVERIFY(jpeg.open(QIODevice::ReadOnly));
        const QString cut = dir.filePath(QStringLiteral("cut.jpg"));
        QFile cutFile(cut);
        QVERIFY(cutFile.open(QIODevice::WriteOnly));
        cutFile.write(jpeg.read(200));
        cutFile.close();
        QVERIFY(!migician::ui::decodeImageFile(cut, &error).has_value());
        QVERIFY2(error.contains(cut), qPrintable(error));

        const QString empty = dir.filePath(QStringLiteral("empty.png"));
        QFile emptyFile(empty);
        QVERIFY(emptyFile.open(QIODevice::WriteOnly));
        emptyFile.close();
        QVERIFY(!migician::ui::decodeImageFile(empty, &error).has_value());
        QVERIFY2(error.contains(empty), qPrintable(error));
    }

    void missingFileNamesTheFile()
    {
        QString error;
        const QString path = QStringLiteral("/nonexistent/folder/missing.png");
        QVERIFY(!migician::ui::decodeImageFile(path, &error).has_value());
        QVERIFY2(error.contains(path), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("does not exist")), qPrintable(error));
        QTemporaryDir dir;
        QVERIFY(!migician::ui::decodeImageFile(dir.path(), &error).has_value());
        QVERIFY2(error.contains(dir.path()), qPrintable(error));
    }

    void oversizedFilesAreRefusedBeforeReading()
    {
        // A sparse file one byte over the limit: refused by its size, nothing is read.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("huge.png"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(migician::ui::kMaxImageFileBytes + 1));
        file.close();
        QString error;
        QVERIFY(!migician::ui::decodeImageFile(path, &error).has_value());
        QVERIFY2(error.contains(path), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("exceeds the 2 GB limit")), qPrintable(error));

        // A header that declares more pixels than the limit is refused before decoding.
        QImage small(40, 30, QImage::Format_RGB888);
        small.fill(Qt::gray);
        QByteArray png;
        QBuffer buffer(&png);
        QVERIFY(buffer.open(QIODevice::WriteOnly) && small.save(&buffer, "PNG"));
        QVERIFY(migician::ui::decodeImageData(png, QStringLiteral("small.png"), &error, 1200));
        QVERIFY(!migician::ui::decodeImageData(png, QStringLiteral("small.png"), &error, 1199));
        QVERIFY2(error.startsWith(QLatin1String("small.png: image of 40x30 exceeds the limit")),
                 qPrintable(error));
    }

    void pngChunksLongerThanTheFileAreRefused()
    {
        // Found by fuzzing: libpng allocated a tEXt chunk at its declared length (1.7 GB) before
        // noticing that the 430-byte file ends. Such a file is refused before any decoder runs.
        QImage small(18, 12, QImage::Format_RGB888);
        small.fill(Qt::darkCyan);
        QByteArray png;
        QBuffer buffer(&png);
        QVERIFY(buffer.open(QIODevice::WriteOnly) && small.save(&buffer, "PNG"));
        QString error;
        QVERIFY2(migician::ui::decodeImageData(png, QStringLiteral("fine.png"), &error),
                 qPrintable(error));

        // After the signature (8) and IHDR (8 + 13 + 4): a tEXt chunk declaring 0x69667925 bytes.
        QByteArray hostile = png;
        hostile.insert(33, QByteArray("\x69\x66\x79\x25tEXtdate:modify", 19));
        QVERIFY(!migician::ui::decodeImageData(hostile, QStringLiteral("hostile.png"), &error));
        QVERIFY2(error.startsWith(QLatin1String("hostile.png: cannot decode image (corrupt PNG: "
                                                "chunk 'tEXt' at byte 33 declares 1768323365 "
                                                "bytes")),
                 qPrintable(error));

        // A file cut inside a chunk is refused the same way; trailing bytes after IEND are not.
        QVERIFY(!migician::ui::decodeImageData(png.left(png.size() - 20), QStringLiteral("cut.png"),
                                               &error));
        QVERIFY2(error.contains(QLatin1String("corrupt PNG")), qPrintable(error));
        QVERIFY2(migician::ui::decodeImageData(png + QByteArray(100, 'x'),
                                               QStringLiteral("trailing.png"), &error),
                 qPrintable(error));
    }

    void sixteenBitAndAlphaFiles()
    {
        QTemporaryDir dir;
        // 16-bit gray: 257 * k decodes to k, 65535 to 255.
        QImage gray16(3, 2, QImage::Format_Grayscale16);
        const quint16 values[] = {0, 257 * 10, 257 * 200, 65535, 1000, 257};
        for (int i = 0; i < 6; ++i)
            reinterpret_cast<quint16 *>(gray16.scanLine(i / 3))[i % 3] = values[i];
        const QString grayPath = dir.filePath(QStringLiteral("gray16.png"));
        QVERIFY(gray16.save(grayPath, "PNG"));
        QString error;
        const auto gray = migician::ui::decodeImageFile(grayPath, &error);
        QVERIFY2(gray.has_value(), qPrintable(error));
        const int expected[] = {0, 10, 200, 255, 4, 1};
        for (int i = 0; i < 6; ++i)
            for (int c = 0; c < 3; ++c)
                QCOMPARE(int(gray->pixels[i * 3 + c]), expected[i]);

        // RGBA with transparent pixels: the colour stays, alpha is dropped (no compositing).
        QImage rgba(2, 1, QImage::Format_ARGB32);
        rgba.setPixel(0, 0, qRgba(10, 20, 30, 0));
        rgba.setPixel(1, 0, qRgba(200, 100, 50, 128));
        const QString rgbaPath = dir.filePath(QStringLiteral("rgba.png"));
        QVERIFY(rgba.save(rgbaPath, "PNG"));
        const auto colour = migician::ui::decodeImageFile(rgbaPath, &error);
        QVERIFY2(colour.has_value(), qPrintable(error));
        const std::vector<std::uint8_t> rgb = {10, 20, 30, 200, 100, 50};
        QVERIFY(colour->pixels == rgb);
        QVERIFY(migician::ui::fromQImage(rgba).pixels == rgb);
    }

    void qimageRoundTrip()
    {
        migician::model::RgbImage image;
        image.width = 5;
        image.height = 3;
        for (int i = 0; i < 45; ++i)
            image.pixels.push_back(std::uint8_t(i * 5));
        const QImage qimage = migician::ui::toQImage(image);
        QCOMPARE(qimage.size(), QSize(5, 3));
        QCOMPARE(QColor(qimage.pixel(1, 0)), QColor(15, 20, 25));
        QVERIFY(migician::ui::fromQImage(qimage).pixels == image.pixels);
        QVERIFY(migician::ui::toQImage(migician::model::RgbImage{}).isNull());
    }
};

MIGICIAN_TEST_CLASS(ImageDecoderTest)
#include "tst_image_decoder.moc"
