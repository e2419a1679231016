#include "token_sampler.h"

#include <limits>

namespace migician::model {

TokenSampler::TokenSampler(const SamplingOptions &options, std::int64_t vocabSize,
                           at::Device device)
    : m_options(options)
    , m_seen(std::size_t(vocabSize), false)
    , m_device(device)
    , m_random(options.seed)
{}

void TokenSampler::observe(std::int64_t id)
{
    if (id < 0 || id >= std::int64_t(m_seen.size()) || m_seen[std::size_t(id)])
        return;
    m_seen[std::size_t(id)] = true;
    m_seenIds.push_back(id);
}

void TokenSampler::observe(const std::vector<std::int64_t> &ids)
{
    for (auto id : ids)
        observe(id);
}

at::Tensor TokenSampler::process(const at::Tensor &logits) const
{
    at::Tensor scores = logits.to(at::kFloat).clone();
    const double penalty = m_options.repetitionPenalty;
    if (penalty != 1.0 && !m_seenIds.empty()) {
        const at::Tensor index = at::tensor(m_seenIds, at::kLong).to(scores.device());
        const at::Tensor picked = scores.index_select(0, index);
        scores.index_copy_(0, index, at::where(picked < 0, picked * penalty, picked / penalty));
    }
    if (!m_options.doSample)
        return scores;
    const float negInf = -std::numeric_limits<float>::infinity();
    if (m_options.temperature > 0 && m_options.temperature != 1.0)
        scores.div_(m_options.temperature);
    if (m_options.topK > 0 && m_options.topK < scores.size(0)) {
        const at::Tensor kth
                = std::get<0>(at::topk(scores, m_options.topK)).select(0, m_options.topK - 1);
        scores.masked_fill_(scores < kth, negInf);
    }
    if (m_options.topP < 1.0) {
        // Keep the smallest set of most likely tokens whose probability reaches top_p (at least
        // one).
        auto [sorted, order] = at::sort(scores, 0, /*descending=*/true);
        const at::Tensor probs = at::softmax(sorted, 0);
        // Drop a token when the more likely ones before it already reach top_p.
        at::Tensor drop = (probs.cumsum(0) - probs) >= m_options.topP;
        drop[0] = false;
        scores.index_put_({order.masked_select(drop)}, negInf);
    }
    return scores;
}

std::int64_t TokenSampler::next(const at::Tensor &logits)
{
    const at::Tensor scores = process(logits);
    if (!m_options.doSample)
        return scores.argmax().item<std::int64_t>();
    const at::Tensor probs = at::softmax(scores, 0).to(at::kCPU).contiguous();
    const float *p = probs.data_ptr<float>();
    const double u = std::uniform_real_distribution<double>(0.0, 1.0)(m_random);
    double cumulative = 0.0;
    std::int64_t last = 0;
    for (std::int64_t i = 0; i < probs.size(0); ++i) {
        if (p[i] <= 0.0f)
            continue;
        cumulative += p[i];
        last = i;
        if (u < cumulative)
            return i;
    }
    return last;
}

} // namespace migician::model
