// Helpers shared by the engine I/O suites: fixture paths, a self-deleting temp folder, and whole
// file reads/writes for building corrupt copies of real files.
#pragma once

#include "model/model_error.h"

#include <doctest/doctest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>

#include <unistd.h>

namespace migician::test {

inline std::string fixtureDir()
{
    return std::string(MIGICIAN_SHARED_DIR) + "/fixtures/qwen2vl-tiny";
}
inline std::string fixturePath(const std::string &name)
{
    return fixtureDir() + "/" + name;
}

inline std::string readBytes(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot read " << path);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

inline void writeBytes(const std::string &path, const std::string &bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    REQUIRE_MESSAGE(out.good(), "cannot write " << path);
    out << bytes;
}

// The message of the ModelError `action` throws; fails the test when it throws nothing.
inline std::string errorOf(const std::function<void()> &action)
{
    try {
        action();
    } catch (const model::ModelError &error) {
        return error.what();
    }
    FAIL("no ModelError was thrown");
    return {};
}

// A fresh folder under the system temp dir, removed with everything in it.
class TempDir
{
public:
    TempDir()
    {
        static std::atomic<int> counter{0};
        m_path = std::filesystem::temp_directory_path()
                 / ("migician-io-test-" + std::to_string(::getpid()) + "-"
                    + std::to_string(counter++));
        std::filesystem::remove_all(m_path);
        std::filesystem::create_directories(m_path);
    }
    ~TempDir()
    {
        std::error_code ignored;
        std::filesystem::remove_all(m_path, ignored);
    }
    TempDir(const TempDir &) = delete;
    TempDir &operator=(const TempDir &) = delete;

    std::string path() const { return m_path.string(); }
    std::string file(const std::string &name) const { return (m_path / name).string(); }

private:
    std::filesystem::path m_path;
};

} // namespace migician::test
