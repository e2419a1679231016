// A checkpoint folder read for estimates only (config.json, tokenizer.json,
// preprocessor_config.json, generation_config.json; never the weights): plans prompts from image
// sizes and estimates runs on them (run_estimate.h). Loading the tokenizer is the costly part, so
// callers keep one per folder. Immutable after construction: usable from any thread.
#pragma once

#include "model/run_estimate.h"

#include <memory>
#include <string>
#include <vector>

namespace migician::model {

class RunEstimator
{
public:
    explicit RunEstimator(const std::string &modelDir); // throws ModelError naming the file

    const std::string &modelDir() const { return m_modelDir; }
    const ModelConfig &config() const { return m_config; }
    const PreprocessorConfig &preprocessor() const { return m_preprocessor; }
    const GenerationConfig &generation() const { return m_generation; }

    PromptPlan plan(const std::vector<ImageSize> &originals,
                    const std::vector<ResizeLimits> &limits, const std::string &query) const;
    // requested: Auto resolves as the engine would (resolveDType).
    RunEstimate estimate(const PromptPlan &plan, int maxNewTokens, Device device, DType requested,
                         const SpeedCalibration &speed) const;

private:
    std::string m_modelDir;
    ModelConfig m_config;
    PreprocessorConfig m_preprocessor;
    GenerationConfig m_generation;
    std::shared_ptr<const Tokenizer> m_tokenizer;
};

} // namespace migician::model
