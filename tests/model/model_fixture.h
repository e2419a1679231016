// Shared access to the tiny Qwen2-VL fixture for the model suites: paths, cases.json and golden
// tensors (read with the engine's own safetensors reader).
#pragma once

#include "io_test_support.h"

#include "model/safetensors.h"
#include "model/tensor_view.h"

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <string>

namespace migician::testing {

inline std::string tinyDir()
{
    return test::fixtureDir();
}

// The number of cases in cases.json the suites were written for: a fixture that lost or gained
// cases must fail loudly, not let a loop over them pass with nothing checked.
constexpr std::size_t kTinyCaseCount = 5;

inline const nlohmann::json &allTinyCases()
{
    static const nlohmann::json cases = [] {
        std::ifstream in(tinyDir() + "/cases.json");
        return nlohmann::json::parse(in)["cases"];
    }();
    return cases;
}

// Every case of the fixture, in file order; requires exactly kTinyCaseCount of them.
inline const nlohmann::json &tinyCases()
{
    const nlohmann::json &cases = allTinyCases();
    REQUIRE_MESSAGE(cases.size() == kTinyCaseCount, tinyDir()
                                                            << "/cases.json holds " << cases.size()
                                                            << " cases, not " << kTinyCaseCount);
    return cases;
}

// One case of the fixture by its name ("single_grounding", "visual_reference", ...); fails the
// test when the fixture has no such case.
inline const nlohmann::json &tinyCase(const std::string &name)
{
    for (const auto &testCase : allTinyCases())
        if (testCase.value("name", std::string()) == name)
            return testCase;
    FAIL("the fixture has no case named \"" << name << "\"");
    static const nlohmann::json none;
    return none;
}

// Golden tensors of one case, copied out of the mapping (so they outlive the file object).
class Golden
{
public:
    explicit Golden(const nlohmann::json &testCase)
        : m_file(tinyDir() + "/" + testCase["golden"].get<std::string>())
    {}
    bool has(const std::string &name) const { return m_file.contains(name); }
    at::Tensor operator[](const std::string &name) const
    {
        return model::toTensor(m_file.tensor(name)).clone();
    }

private:
    model::SafetensorsFile m_file;
};

inline double maxAbsDiff(const at::Tensor &a, const at::Tensor &b)
{
    return (a.cpu().to(at::kDouble) - b.cpu().to(at::kDouble)).abs().max().item<double>();
}

// The device the parity suites run on: cpu, or cuda when MIGICIAN_TEST_DEVICE=cuda
// (tests/gpu/check.sh).
inline at::Device testDevice()
{
    const char *device = std::getenv("MIGICIAN_TEST_DEVICE");
    return device && std::string(device) == "cuda" ? at::Device(at::kCUDA, 0)
                                                   : at::Device(at::kCPU);
}

inline std::vector<std::int64_t> toIds(const at::Tensor &t)
{
    const at::Tensor flat = t.to(at::kLong).contiguous().reshape(-1);
    return std::vector<std::int64_t>(flat.data_ptr<std::int64_t>(),
                                     flat.data_ptr<std::int64_t>() + flat.numel());
}

inline std::vector<std::array<int, 3>> toGrids(const at::Tensor &gridThw)
{
    std::vector<std::array<int, 3>> grids;
    const auto values = toIds(gridThw);
    for (std::size_t i = 0; i + 2 < values.size(); i += 3)
        grids.push_back({int(values[i]), int(values[i + 1]), int(values[i + 2])});
    return grids;
}

} // namespace migician::testing
