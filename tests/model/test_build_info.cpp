#include "model/build_info.h"
#include "model/model_error.h"

#include <doctest/doctest.h>

TEST_CASE("build info names the engine and torch versions")
{
    const auto info = migician::model::buildInfo();
    CHECK(info.engineVersion == MIGICIAN_VERSION);
    CHECK(info.torchVersion.find('.') != std::string::npos);
    CHECK(info.torchThreads >= 1);
}

TEST_CASE("model errors carry their subject")
{
    const migician::model::ModelError error("weights.safetensors", "truncated header");
    CHECK(std::string(error.what()) == "weights.safetensors: truncated header");
    CHECK(error.subject() == "weights.safetensors");
    CHECK(error.problem() == "truncated header");
}
