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

bool TokenSampler::remember(std::int64_t id)
{
    if (id < 0 || id >= std::int64_t(m_seen.size()) || m_seen[std::size_t(id)])
        return false;
    m_seen[std::size_t(id)] = true;
    return true;
}

at::Tensor &TokenSampler::seenMask()
{
    if (!m_seenMask.defined())
        m_seenMask = at::zeros({std::int64_t(m_seen.size())},
                               at::TensorOptions().dtype(at::kBool).device(m_device));
    return m_seenMask;
}

void TokenSampler::observe(std::int64_t id)
{
    if (remember(id) && m_options.repetitionPenalty != 1.0)
        seenMask().select(0, id).fill_(true); // a kernel argument, not a copy
}

void TokenSampler::observe(const std::vector<std::int64_t> &ids)
{
    std::vector<std::int64_t> added;
    for (auto id : ids)
        if (remember(id))
            added.push_back(id);
    if (!added.empty() && m_options.repetitionPenalty != 1.0) // the prompt's ids in one copy
        seenMask().index_fill_(0, at::tensor(added, at::kLong).to(m_device), true);
}

at::Tensor TokenSampler::process(const at::Tensor &logits) const
{
    at::Tensor scores = logits.to(at::kFloat).clone();
    const double penalty = m_options.repetitionPenalty;
    if (penalty != 1.0 && m_seenMask.defined())
        scores = at::where(m_seenMask, at::where(scores < 0, scores * penalty, scores / penalty),
                           scores);
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
