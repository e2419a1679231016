// The image pipeline against the golden tensors of every fixture case: smart_resize sizes,
// Pillow-bicubic pixels and pixel_values must match the Python reference to the bit.
#include "model/image_preprocess.h"
#include "model/model_error.h"
#include "model/safetensors.h"
#include "tests/model/io_test_support.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>

using migician::model::ImageSize;
using migician::model::ModelError;
using migician::model::preprocessImage;
using migician::model::PreprocessorConfig;
using migician::model::resizeBicubic;
using migician::model::ResizeLimits;
using migician::model::RgbImage;
using migician::model::SafetensorsFile;
using migician::model::smartResize;
using migician::model::StDtype;
using migician::model::TensorView;
using migician::test::fixturePath;
using migician::test::readBytes;

namespace {

RgbImage imageFromView(const TensorView &view)
{
    REQUIRE(view.dtype == StDtype::U8);
    REQUIRE(view.shape.size() == 3);
    REQUIRE(view.shape[2] == 3);
    RgbImage image;
    image.height = int(view.shape[0]);
    image.width = int(view.shape[1]);
    const auto *bytes = static_cast<const std::uint8_t *>(view.data);
    image.pixels.assign(bytes, bytes + view.byteSize);
    return image;
}

std::int64_t i64At(const TensorView &view, std::size_t index)
{
    std::int64_t value = 0;
    std::memcpy(&value, static_cast<const char *>(view.data) + index * 8, 8);
    return value;
}

struct ImageCase
{
    std::string label;
    std::string golden;
    int index;
    ResizeLimits limits;
};

std::vector<ImageCase> fixtureImages()
{
    const auto cases = nlohmann::json::parse(readBytes(fixturePath("cases.json")))["cases"];
    std::vector<ImageCase> result;
    for (const auto &c : cases) {
        int index = 0;
        for (const auto &image : c["images"]) {
            result.push_back({c["name"].get<std::string>() + "/" + image["file"].get<std::string>(),
                              c["golden"].get<std::string>(),
                              index++,
                              {image["min_pixels"].get<std::int64_t>(),
                               image["max_pixels"].get<std::int64_t>()}});
        }
    }
    return result;
}

} // namespace

TEST_CASE("preprocess: every fixture image matches the golden sizes, pixels and pixel_values")
{
    const auto config = PreprocessorConfig::fromFile(fixturePath("preprocessor_config.json"));
    const auto images = fixtureImages();
    REQUIRE(images.size() == 9);
    std::string openGolden;
    std::unique_ptr<SafetensorsFile> golden;
    std::size_t rowOffset = 0;
    for (const auto &item : images) {
        INFO(item.label);
        if (item.golden != openGolden) {
            golden = std::make_unique<SafetensorsFile>(fixturePath(item.golden));
            openGolden = item.golden;
            rowOffset = 0;
        }
        const auto prefix = "image" + std::to_string(item.index);
        const auto decoded = imageFromView(golden->tensor(prefix + "_decoded_rgb"));
        const auto expectedResized = imageFromView(golden->tensor(prefix + "_resized_rgb"));
        const auto &resizedHw = golden->tensor("resized_hw");
        const auto &gridThw = golden->tensor("image_grid_thw");

        const ImageSize size = smartResize(decoded.height, decoded.width, item.limits);
        CHECK(size.height == i64At(resizedHw, item.index * 2));
        CHECK(size.width == i64At(resizedHw, item.index * 2 + 1));

        const auto resized = resizeBicubic(decoded, size.width, size.height);
        REQUIRE(resized.width == expectedResized.width);
        REQUIRE(resized.height == expectedResized.height);
        std::size_t differing = 0;
        for (std::size_t i = 0; i < resized.pixels.size(); ++i)
            differing += resized.pixels[i] != expectedResized.pixels[i];
        CHECK(differing == 0);

        const auto processed = preprocessImage(decoded, config, item.limits);
        CHECK(processed.gridT == i64At(gridThw, item.index * 3));
        CHECK(processed.gridH == i64At(gridThw, item.index * 3 + 1));
        CHECK(processed.gridW == i64At(gridThw, item.index * 3 + 2));
        CHECK(processed.rowLength == 1176);
        CHECK(processed.original.height == decoded.height);
        CHECK(processed.resized.width == size.width);
        const auto &pixelValues = golden->tensor("pixel_values");
        const auto *expected = static_cast<const float *>(pixelValues.data) + rowOffset * 1176;
        REQUIRE(rowOffset + processed.patchCount() <= std::size_t(pixelValues.shape[0]));
        double maxDiff = 0;
        for (std::size_t i = 0; i < processed.patches.size(); ++i)
            maxDiff = std::max(maxDiff, std::abs(double(processed.patches[i]) - expected[i]));
        CHECK(maxDiff == 0.0);
        rowOffset += processed.patchCount();
        // The last image of a case must end exactly at the last pixel_values row.
        if (item.index + 1 == int(golden->tensor("image_grid_thw").shape[0]))
            CHECK(rowOffset == std::size_t(pixelValues.shape[0]));
    }
}

TEST_CASE("preprocess: smart_resize branches and limits")
{
    const ResizeLimits fixtureLimits{3136, 50176};
    // 70/28 = 2.5 -> 2 and 98/28 = 3.5 -> 4: Python rounds half to even.
    const auto crop = smartResize(98, 70, fixtureLimits);
    CHECK(crop.height == 112);
    CHECK(crop.width == 56);
    // 31x45 rounds to 28x56 = 1568 < 3136: the ceil branch gives 56x84.
    const auto micro = smartResize(31, 45, fixtureLimits);
    CHECK(micro.height == 56);
    CHECK(micro.width == 84);
    // 1x1: rounds to 28x28 = 784 < 3136, ceil branch -> 56x56.
    const auto one = smartResize(1, 1, ResizeLimits{});
    CHECK(one.height == 56);
    CHECK(one.width == 56);
    // A 400-megapixel request is only arithmetic: the floor branch keeps it within max_pixels.
    const ResizeLimits defaults;
    const auto huge = smartResize(20000, 20000, defaults);
    CHECK(huge.height % 28 == 0);
    CHECK(huge.width % 28 == 0);
    CHECK(std::int64_t(huge.height) * huge.width <= defaults.maxPixels);
    // 20000 / sqrt(4e8 / 12845056) / 28 is 127.99999999999999 in double (Python too): 127 * 28.
    CHECK(huge.height == 3556);
    // Aspect ratio above 200 and empty sizes are errors.
    CHECK_THROWS_AS(smartResize(10, 3000, defaults), ModelError);
    CHECK_THROWS_AS(smartResize(0, 10, defaults), ModelError);
    CHECK_THROWS_AS(smartResize(10, -1, defaults), ModelError);
    CHECK_NOTHROW(smartResize(10, 2000, defaults)); // exactly 200 is allowed
}

TEST_CASE("preprocess: bad images are refused before any large allocation")
{
    const PreprocessorConfig config;
    const ResizeLimits limits;
    RgbImage empty;
    CHECK_THROWS_AS(preprocessImage(empty, config, limits), ModelError);

    // Claims 20000x20000 but carries 3 bytes: refused by the size check, nothing is allocated.
    RgbImage liar;
    liar.width = 20000;
    liar.height = 20000;
    liar.pixels.assign(3, 0);
    try {
        preprocessImage(liar, config, limits);
        FAIL("no error for a mismatched pixel buffer");
    } catch (const ModelError &error) {
        CHECK(std::string(error.what()).find("20000x20000") != std::string::npos);
        CHECK(error.subject() == "input image");
    }
    RgbImage enormous;
    enormous.width = 30000;
    enormous.height = 20000;
    try {
        preprocessImage(enormous, config, limits);
        FAIL("no error for a 600 megapixel image");
    } catch (const ModelError &error) {
        CHECK(std::string(error.what()).find("400 megapixel") != std::string::npos);
    }
    RgbImage wide;
    wide.width = 300;
    wide.height = 1;
    wide.pixels.assign(300 * 3, 128);
    CHECK_THROWS_AS(preprocessImage(wide, config, limits), ModelError);
}

TEST_CASE("preprocess: a large valid image is downscaled within max_pixels")
{
    RgbImage image;
    image.width = 4000;
    image.height = 3000;
    image.pixels.resize(std::size_t(image.width) * image.height * 3);
    for (int y = 0; y < image.height; ++y)
        for (int x = 0; x < image.width; ++x)
            for (int c = 0; c < 3; ++c)
                image.pixels[(std::size_t(y) * image.width + x) * 3 + c]
                        = std::uint8_t((x * (c + 1) + y) & 0xff);
    const ResizeLimits limits{3136, 1003520};
    const auto processed = preprocessImage(image, PreprocessorConfig{}, limits);
    CHECK(std::int64_t(processed.resized.height) * processed.resized.width <= limits.maxPixels);
    CHECK(processed.resized.height % 28 == 0);
    CHECK(processed.patches.size() == std::size_t(processed.patchCount()) * 1176);
    CHECK(processed.tokenCount() * 4 == processed.patchCount());
    // Normalised values of 8-bit input stay within (0 - mean) / std .. (1 - mean) / std.
    const auto [low, high]
            = std::minmax_element(processed.patches.begin(), processed.patches.end());
    CHECK(*low > -1.8f);
    CHECK(*high < 2.2f);
    CHECK(*high - *low > 3.0f); // the gradient spans most of the 8-bit range
}

TEST_CASE("preprocess: extreme contrast does not overflow the fixed-point accumulators")
{
    // A 0/255 checkerboard maximises the negative-lobe sums; a flat 255 image must stay 255.
    RgbImage board;
    board.width = 37;
    board.height = 23;
    RgbImage white = board;
    for (int y = 0; y < board.height; ++y)
        for (int x = 0; x < board.width; ++x)
            for (int c = 0; c < 3; ++c) {
                board.pixels.push_back((x + y) % 2 ? 255 : 0);
                white.pixels.push_back(255);
            }
    for (const auto [w, h] : {std::pair{111, 69}, std::pair{13, 7}, std::pair{74, 23}}) {
        const auto flat = resizeBicubic(white, w, h);
        CHECK(std::all_of(flat.pixels.begin(), flat.pixels.end(),
                          [](std::uint8_t v) { return v == 255; }));
        const auto resized = resizeBicubic(board, w, h);
        CHECK(resized.pixels.size() == std::size_t(w) * h * 3);
    }
    // Upscaling by 3: the centre of each source cell lands on an output pixel with weight 1.
    const auto up = resizeBicubic(board, 111, 69);
    CHECK(int(up.pixels[(std::size_t(1) * 111 + 1) * 3]) == 0);   // cell (0,0) is black
    CHECK(int(up.pixels[(std::size_t(1) * 111 + 4) * 3]) == 255); // cell (1,0) is white
}
