#include "model/bpe_merges.h"

#include <queue>

namespace migician::model {

bool BpeMerges::add(TokenId left, TokenId right, TokenId result)
{
    const auto rank = static_cast<std::uint32_t>(m_merges.size());
    return m_merges.emplace(key(left, right), Merge{rank, result}).second;
}

const BpeMerges::Merge *BpeMerges::find(TokenId left, TokenId right) const
{
    const auto it = m_merges.find(key(left, right));
    return it == m_merges.end() ? nullptr : &it->second;
}

void BpeMerges::apply(std::vector<TokenId> &symbols) const
{
    const int n = static_cast<int>(symbols.size());
    if (n < 2)
        return;

    // A doubly linked list over the symbols; merged-away symbols are marked dead (id -1).
    std::vector<int> prev(n), next(n);
    for (int i = 0; i < n; ++i) {
        prev[i] = i - 1;
        next[i] = i + 1 < n ? i + 1 : -1;
    }

    struct Candidate
    {
        std::uint32_t rank;
        int pos;
        TokenId left, right, result;
        bool operator>(const Candidate &o) const
        {
            return rank != o.rank ? rank > o.rank : pos > o.pos;
        }
    };
    std::priority_queue<Candidate, std::vector<Candidate>, std::greater<Candidate>> queue;
    const auto push = [&](int pos) {
        const int right = next[pos];
        if (pos < 0 || right < 0)
            return;
        if (const Merge *merge = find(symbols[pos], symbols[right]))
            queue.push({merge->rank, pos, symbols[pos], symbols[right], merge->result});
    };
    for (int i = 0; i + 1 < n; ++i)
        push(i);

    while (!queue.empty()) {
        const Candidate top = queue.top();
        queue.pop();
        const int right = next[top.pos];
        // Stale entries: one side was merged into something else since this pair was queued.
        if (symbols[top.pos] != top.left || right < 0 || symbols[right] != top.right)
            continue;
        symbols[top.pos] = top.result;
        symbols[right] = -1;
        next[top.pos] = next[right];
        if (next[right] >= 0)
            prev[next[right]] = top.pos;
        if (prev[top.pos] >= 0)
            push(prev[top.pos]);
        push(top.pos);
    }

    int out = 0;
    for (int i = 0; i < n; ++i)
        if (symbols[i] >= 0)
            symbols[out++] = symbols[i];
    symbols.resize(out);
}

} // namespace migician::model
