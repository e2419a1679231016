// The request limits (model/request_limits.h): too many images, an oversized query and a prompt
// that would not fit in max_position_embeddings are refused with clear errors before any work.
#include "io_test_support.h"
#include "model_fixture.h"

#include "model/prompt_builder.h"
#include "model/qwen2vl_model.h"
#include "model/request_limits.h"

#include "torch_doctest.h" // last: restores doctest's CHECK over glog's

using namespace migician;
using namespace migician::model;
using migician::test::errorOf;

namespace {

bool contains(const std::string &text, const std::string &part)
{
    return text.find(part) != std::string::npos;
}

RgbImage grayImage(int width, int height)
{
    RgbImage image;
    image.width = width;
    image.height = height;
    image.pixels.assign(std::size_t(width) * height * 3, 128);
    return image;
}

} // namespace

TEST_CASE("request limits: image count and query size")
{
    checkRequestSize(kMaxImagesPerRequest, kMaxQueryBytes); // at the limits: accepted
    const auto images = errorOf([] { checkRequestSize(kMaxImagesPerRequest + 1, 10); });
    CHECK(contains(images, "request: 65 images were given; at most 64"));
    const auto query = errorOf([] { checkRequestSize(1, kMaxQueryBytes + 1); });
    CHECK(contains(query, "request: the query is 1048577 bytes long; at most 1048576"));
}

TEST_CASE("request limits: prompt plus new tokens must fit in max_position_embeddings")
{
    ModelConfig config;
    config.maxPositionEmbeddings = 100;
    checkSequenceLength(90, 10, config);
    checkSequenceLength(100, -5, config); // a negative budget generates nothing
    const auto error = errorOf([&] { checkSequenceLength(90, 11, config); });
    CHECK(contains(error, "prompt: has 90 tokens"));
    CHECK(contains(error, "up to 11 new tokens"));
    CHECK(contains(error, "at most 100 positions (max_position_embeddings"));
}

TEST_CASE("request limits: the prompt builder refuses too many images before preprocessing")
{
    const auto tokenizer = Tokenizer::fromFile(test::fixturePath("tokenizer.json"));
    const std::vector<RgbImage> images(kMaxImagesPerRequest + 1, grayImage(56, 56));
    const auto error = errorOf([&] {
        buildPromptInputs(*tokenizer, PreprocessorConfig{}, images, {}, "Where is the cat?");
    });
    CHECK(contains(error, "request: 65 images"));
    const std::string longQuery(kMaxQueryBytes + 1, 'a');
    CHECK(contains(errorOf([&] {
                       buildPromptInputs(*tokenizer, PreprocessorConfig{}, {}, {}, longQuery);
                   }),
                   "at most 1048576 are accepted"));
}

TEST_CASE("request limits: generation refuses a KV cache beyond max_position_embeddings")
{
    ModelConfig config = ModelConfig::fromFile(testing::tinyDir() + "/config.json");
    const Checkpoint checkpoint = Checkpoint::open(testing::tinyDir());
    config.maxPositionEmbeddings = 24;
    Qwen2VLModel model(config, Qwen2VLWeights::load(checkpoint, config, at::kCPU, at::kFloat));
    ModelInputs inputs;
    inputs.ids = {151644, 8948,   198, 2610, 525,  264,    10950, 17847,  13,    151645,
                  198,    151644, 872, 198,  9707, 151645, 198,   151644, 77091, 198}; // 20 tokens
    SamplingOptions sampling = SamplingOptions::greedy();
    sampling.maxNewTokens = 4; // 24 positions: fits
    CHECK(model.generate(inputs, sampling, {}).tokens.size() <= 4);
    sampling.maxNewTokens = 5;
    const auto error = errorOf([&] { model.generate(inputs, sampling, {}); });
    CHECK(contains(error, "prompt: has 20 tokens"));
    CHECK(contains(error, "at most 24 positions"));
}
