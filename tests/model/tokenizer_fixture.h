// The shared tokenizer fixtures, loaded once per test run (the real tokenizer.json is 7 MB).
#pragma once

#include "model/tokenizer.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace migician::test {

inline std::string tokenizerFixture(const std::string &name)
{
    return std::string(MIGICIAN_SHARED_DIR) + "/fixtures/tokenizer/" + name;
}

inline std::shared_ptr<const model::Tokenizer> qwenTokenizer()
{
    static const auto tokenizer = model::Tokenizer::fromFile(tokenizerFixture("tokenizer.json"));
    return tokenizer;
}

inline std::vector<nlohmann::json> readJsonLines(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot open " + path);
    std::vector<nlohmann::json> lines;
    std::string line;
    while (std::getline(in, line))
        if (!line.empty())
            lines.push_back(nlohmann::json::parse(line));
    return lines;
}

} // namespace migician::test
