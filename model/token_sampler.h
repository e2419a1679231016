// Chooses each next token from float32 logits the way transformers' generate() does: repetition
// penalty over every id in the sequence (prompt included), then temperature, top-k and top-p, then
// argmax (greedy) or a seeded draw. The ids seen so far are also kept as a mask on the logits'
// device, so that penalising them needs no upload while the device works.
#pragma once

#include "model/engine.h"

#include <ATen/ATen.h>

#include <random>
#include <vector>

namespace migician::model {

class TokenSampler
{
public:
    TokenSampler(const SamplingOptions &options, std::int64_t vocabSize, at::Device device);

    void observe(std::int64_t id); // the id is now part of the sequence
    void observe(const std::vector<std::int64_t> &ids);
    at::Tensor process(const at::Tensor &logits) const; // penalised and warped scores [vocab]
    std::int64_t next(const at::Tensor &logits);        // process + choose

private:
    bool remember(std::int64_t id); // true when the id is new
    at::Tensor &seenMask();

    SamplingOptions m_options;
    std::vector<bool> m_seen;
    at::Device m_device;
    at::Tensor m_seenMask; // bool [vocab] on m_device; only with a repetition penalty
    std::mt19937_64 m_random;
};

} // namespace migician::model
