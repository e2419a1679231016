// The Qwen2 byte-level BPE tokenizer, read from a Hugging Face tokenizer.json: added/special
// tokens matched first, NFC, the pre-tokenizer regex from the file (ICU, full Unicode classes),
// GPT-2 byte-to-unicode mapping, rank-ordered BPE merges with a word cache. Thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace migician::model {

using TokenId = std::int32_t;

class Tokenizer
{
public:
    // Throws ModelError naming the file for unreadable or malformed tokenizer.json.
    static std::shared_ptr<const Tokenizer> fromFile(const std::string &path);
    static std::shared_ptr<const Tokenizer> fromJsonText(const std::string &json,
                                                         const std::string &sourceName);
    ~Tokenizer();

    std::vector<TokenId> encode(std::string_view text) const;
    // Invalid UTF-8 (a partial sequence) becomes U+FFFD, as Hugging Face does.
    std::string decode(const std::vector<TokenId> &ids, bool skipSpecialTokens) const;

    std::optional<TokenId> tokenToId(std::string_view token) const;
    std::string idToToken(TokenId id) const; // raw vocabulary string; empty when unknown
    bool isSpecial(TokenId id) const;
    std::size_t vocabSize() const;

    struct Impl;

private:
    explicit Tokenizer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d;
};

} // namespace migician::model
