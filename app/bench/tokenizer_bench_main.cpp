// migician-tokenizer-bench: encoding speed of the Qwen2 tokenizer on ~1 MB of mixed text built
// deterministically from the golden cases (cache-friendly: the same lines recur), and on ~1 MB of
// random vocabulary words (few repeats). Prints one JSON object; not a test.
#include "model/tokenizer.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <vector>

using migician::model::TokenId;
using migician::model::Tokenizer;

namespace {

double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

int usage(const char *error)
{
    if (error)
        std::fprintf(stderr, "migician-tokenizer-bench: %s\n", error);
    std::fprintf(error ? stderr : stdout,
                 "usage: migician-tokenizer-bench --tokenizer tokenizer.json --cases cases.jsonl "
                 "[--bytes N]\n");
    return error ? 2 : 0;
}

} // namespace

int main(int argc, char **argv)
{
    std::string tokenizerPath, casesPath;
    std::size_t targetBytes = 1000000;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--help")
            return usage(nullptr);
        if (i + 1 >= argc)
            return usage(("missing value after " + arg).c_str());
        if (arg == "--tokenizer")
            tokenizerPath = argv[++i];
        else if (arg == "--cases")
            casesPath = argv[++i];
        else if (arg == "--bytes")
            targetBytes = std::stoul(argv[++i]);
        else
            return usage(("unknown option " + arg).c_str());
    }
    if (tokenizerPath.empty() || casesPath.empty())
        return usage("--tokenizer and --cases are required");

    std::vector<std::string> texts;
    {
        std::ifstream in(casesPath, std::ios::binary);
        if (!in) {
            std::fprintf(stderr, "migician-tokenizer-bench: cannot open %s\n", casesPath.c_str());
            return 1;
        }
        std::string line;
        while (std::getline(in, line)) {
            try {
                const auto text = nlohmann::json::parse(line).at("text").get<std::string>();
                if (!text.empty())
                    texts.push_back(text);
            } catch (const std::exception &e) {
                std::fprintf(stderr, "migician-tokenizer-bench: %s: %s\n", casesPath.c_str(),
                             e.what());
                return 1;
            }
        }
    }
    if (texts.empty()) {
        std::fprintf(stderr, "migician-tokenizer-bench: %s holds no texts\n", casesPath.c_str());
        return 1;
    }

    // Fixed seed: every run encodes the same text. Cases are joined by newlines, as lines of a
    // document would be.
    std::mt19937 random(20240607);
    std::string text;
    std::size_t lines = 0;
    while (text.size() < targetBytes) {
        std::shuffle(texts.begin(), texts.end(), random);
        for (const auto &t : texts) {
            text += t;
            text += '\n';
            ++lines;
            if (text.size() >= targetBytes)
                break;
        }
    }

    try {
        auto start = std::chrono::steady_clock::now();
        const auto tokenizer = Tokenizer::fromFile(tokenizerPath);
        const double loadSeconds = secondsSince(start);

        const auto measure = [&](const char *label) {
            const auto begin = std::chrono::steady_clock::now();
            const auto ids = tokenizer->encode(text);
            const double seconds = secondsSince(begin);
            return nlohmann::ordered_json{{"label", label},
                                          {"tokens", ids.size()},
                                          {"seconds", seconds},
                                          {"tokens_per_s", double(ids.size()) / seconds},
                                          {"mb_per_s", double(text.size()) / 1e6 / seconds}};
        };
        const auto cold = measure("cold cache");
        const auto warm = measure("warm cache");

        // A second megabyte with few repeated words: random vocabulary entries (any language,
        // code, punctuation) decoded and joined, so that the word cache rarely helps.
        std::uniform_int_distribution<TokenId> anyToken(0, 151642);
        std::string vocabularyText;
        for (int word = 1; vocabularyText.size() < targetBytes; ++word) {
            std::vector<TokenId> ids;
            for (int k = 1 + word % 4; k > 0; --k)
                ids.push_back(anyToken(random));
            vocabularyText += tokenizer->decode(ids, true);
            vocabularyText += word % 12 == 0 ? '\n' : ' ';
        }
        std::swap(text, vocabularyText);
        const auto rare = measure("random vocabulary words, cold cache");
        std::swap(text, vocabularyText);

        nlohmann::ordered_json report{{"tokenizer", tokenizerPath},
                                      {"load_seconds", loadSeconds},
                                      {"bytes", text.size()},
                                      {"lines", lines},
                                      {"vocab_size", tokenizer->vocabSize()},
                                      {"cold", cold},
                                      {"warm", warm},
                                      {"rare_words_bytes", vocabularyText.size()},
                                      {"rare_words", rare}};
        std::cout << report.dump(2) << '\n';
    } catch (const std::exception &e) {
        std::fprintf(stderr, "migician-tokenizer-bench: %s\n", e.what());
        return 1;
    }
    return 0;
}
