// The BPE merge table of a byte-level tokenizer, keyed by token ids, and the rank-ordered merge
// loop: repeatedly merge the adjacent pair with the lowest rank until no pair is in the table.
#pragma once

#include "model/tokenizer.h"

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace migician::model {

class BpeMerges
{
public:
    struct Merge
    {
        std::uint32_t rank = 0;
        TokenId result = 0;
    };

    void reserve(std::size_t count) { m_merges.reserve(count); }
    // Returns false when the pair is already present (the first rank wins, as in Hugging Face).
    bool add(TokenId left, TokenId right, TokenId result);
    std::size_t size() const { return m_merges.size(); }

    // Merges `symbols` in place (in rank order; ties go to the leftmost pair). O(n log n), so long
    // pieces such as 300 repeated letters stay fast.
    void apply(std::vector<TokenId> &symbols) const;

private:
    static std::uint64_t key(TokenId left, TokenId right)
    {
        return (std::uint64_t(std::uint32_t(left)) << 32) | std::uint32_t(right);
    }
    const Merge *find(TokenId left, TokenId right) const;

    std::unordered_map<std::uint64_t, Merge> m_merges;
};

} // namespace migician::model
