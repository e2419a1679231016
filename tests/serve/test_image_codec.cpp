// The Qt-free decoder against the reference's own decoding (Pillow's Image.open().convert("RGB"),
// stored in the fixture's goldens) and against hostile files: sizes are refused from the header,
// before any pixel memory exists.
#include "serve_test_support.h"

#include "serve/image_codec.h"

#include "model/safetensors.h"

#include <doctest/doctest.h>
#include <zlib.h>

#include <cstring>

using namespace migician::serve;
using migician::test::fixtureDir;
using migician::test::readBytes;
using migician::test::tinyCases;

namespace {

// A PNG whose header claims another size (the IHDR checksum is recomputed, so only the size lies).
std::string pngClaiming(std::string png, std::uint32_t width, std::uint32_t height)
{
    const auto put = [&](std::size_t at, std::uint32_t value) {
        for (int i = 0; i < 4; ++i)
            png[at + i] = char((value >> (24 - 8 * i)) & 0xff);
    };
    put(16, width);
    put(20, height);
    const auto crc = crc32(0, reinterpret_cast<const Bytef *>(png.data() + 12), 17);
    put(29, std::uint32_t(crc));
    return png;
}

// A JPEG whose start-of-frame claims another size.
std::string jpegClaiming(std::string jpeg, std::uint16_t width, std::uint16_t height)
{
    for (std::size_t i = 2; i + 9 < jpeg.size(); ++i)
        if (static_cast<unsigned char>(jpeg[i]) == 0xff
            && (static_cast<unsigned char>(jpeg[i + 1]) & 0xf0) == 0xc0
            && static_cast<unsigned char>(jpeg[i + 1]) != 0xc4) {
            jpeg[i + 5] = char(height >> 8);
            jpeg[i + 6] = char(height & 0xff);
            jpeg[i + 7] = char(width >> 8);
            jpeg[i + 8] = char(width & 0xff);
            return jpeg;
        }
    FAIL("no start-of-frame marker");
    return jpeg;
}

} // namespace

TEST_CASE("codec: every fixture image decodes to the reference's RGB, byte for byte")
{
    int compared = 0;
    for (const auto &testCase : tinyCases()) {
        const migician::model::SafetensorsFile golden(fixtureDir() + "/"
                                                      + testCase["golden"].get<std::string>());
        const auto &images = testCase["images"];
        for (std::size_t i = 0; i < images.size(); ++i) {
            const std::string file = images[i]["file"].get<std::string>();
            INFO(file);
            migician::model::RgbImage image;
            std::string error;
            REQUIRE_MESSAGE(decodeImage(readBytes(fixtureDir() + "/" + file), {}, &image, &error),
                            error);
            const auto &expected = golden.tensor("image" + std::to_string(i) + "_decoded_rgb");
            REQUIRE(expected.shape.size() == 3);
            CHECK(image.height == expected.shape[0]);
            CHECK(image.width == expected.shape[1]);
            REQUIRE(image.pixels.size() == expected.byteSize);
            CHECK(std::memcmp(image.pixels.data(), expected.data, expected.byteSize) == 0);
            ++compared;
        }
    }
    // 9 images: RGB, gray (L), RGBA, baseline JPEGs.
    CHECK(compared == 9);
}

TEST_CASE("codec: sizes beyond the limits are refused from the header")
{
    const std::string png = readBytes(fixtureDir() + "/images/red_circle_224.png");
    const std::string jpeg = readBytes(fixtureDir() + "/images/scene_320x200.jpg");
    migician::model::RgbImage image;
    std::string error;
    DecodeLimits limits;
    limits.maxPixels = 224 * 224 - 1;
    CHECK_FALSE(decodeImage(png, limits, &image, &error));
    CHECK(error.find("224x224 = 50176 pixels is more than") != std::string::npos);
    CHECK(image.pixels.empty());

    // 60000 x 60000 would be 10.8 GB of RGB: refused without trying.
    CHECK_FALSE(decodeImage(pngClaiming(png, 60000, 60000), {}, &image, &error));
    CHECK(error.find("60000x60000") != std::string::npos);
    CHECK_FALSE(decodeImage(jpegClaiming(jpeg, 60000, 60000), {}, &image, &error));
    CHECK(error.find("60000x60000") != std::string::npos);
    CHECK_FALSE(decodeImage(pngClaiming(png, 100000, 1), {}, &image, &error));
    CHECK_FALSE(error.empty());
}

TEST_CASE("codec: corrupt, truncated and unknown data are errors, never crashes")
{
    const std::string png = readBytes(fixtureDir() + "/images/red_circle_224.png");
    const std::string jpeg = readBytes(fixtureDir() + "/images/wide_640x360.jpg");
    migician::model::RgbImage image;
    std::string error;
    CHECK_FALSE(decodeImage(png.substr(0, png.size() / 2), {}, &image, &error));
    CHECK(error.find("corrupt PNG") != std::string::npos);
    CHECK_FALSE(decodeImage(jpeg.substr(0, jpeg.size() / 2), {}, &image, &error));
    CHECK(error.find("truncated JPEG") != std::string::npos);
    std::string flipped = png;
    flipped[png.size() / 2] ^= 0x55; // inside IDAT: the checksum no longer matches
    CHECK_FALSE(decodeImage(flipped, {}, &image, &error));
    CHECK_FALSE(decodeImage("GIF89a....", {}, &image, &error));
    CHECK(error == "not a PNG or JPEG image");
    CHECK_FALSE(decodeImage("", {}, &image, &error));
    CHECK_FALSE(decodeImage(std::string("\x89PNG\r\n\x1a\n", 8), {}, &image, &error));
    CHECK_FALSE(decodeImage(std::string("\xff\xd8\xff", 3), {}, &image, &error));
    CHECK(image.pixels.empty());
}

TEST_CASE("codec: a PNG chunk declaring more bytes than the file holds is refused before libpng")
{
    // Found by fuzzing: libpng allocated a tEXt chunk at its declared 1.7 GB before noticing that
    // the file ends (it only warns about chunks over its own limit).
    const std::string png = readBytes(fixtureDir() + "/images/red_circle_224.png");
    std::string hostile = png;
    hostile.insert(33, std::string("\x69\x66\x79\x25tEXtdate:modify", 19)); // after IHDR
    migician::model::RgbImage image;
    std::string error;
    CHECK_FALSE(decodeImage(hostile, {}, &image, &error));
    CHECK(error.rfind("corrupt PNG: chunk 'tEXt' at byte 33 declares 1768323365 bytes", 0) == 0);
    CHECK(image.pixels.empty());
    // Bytes after IEND are ignored, as by every decoder.
    CHECK(decodeImage(png + std::string(64, 'x'), {}, &image, &error));
    CHECK(image.width == 224);
}
