#include "run_estimator.h"

#include <fstream>

namespace migician::model {

namespace {
bool isFile(const std::string &path)
{
    return std::ifstream(path).good();
}
} // namespace

RunEstimator::RunEstimator(const std::string &modelDir)
    : m_modelDir(modelDir)
    , m_config(ModelConfig::fromFile(modelDir + "/config.json"))
{
    const std::string preprocessor = modelDir + "/preprocessor_config.json";
    if (isFile(preprocessor))
        m_preprocessor = PreprocessorConfig::fromFile(preprocessor);
    const std::string generation = modelDir + "/generation_config.json";
    if (isFile(generation))
        m_generation = GenerationConfig::fromFile(generation);
    m_tokenizer = Tokenizer::fromFile(modelDir + "/tokenizer.json");
}

PromptPlan RunEstimator::plan(const std::vector<ImageSize> &originals,
                              const std::vector<ResizeLimits> &limits,
                              const std::string &query) const
{
    return planPrompt(*m_tokenizer, m_preprocessor, originals, limits, query);
}

RunEstimate RunEstimator::estimate(const PromptPlan &plan, int maxNewTokens, Device device,
                                   DType requested, const SpeedCalibration &speed) const
{
    return estimateRun(m_config, plan, maxNewTokens, device,
                       resolveDType(requested, m_config, device), compiledAttentionPath(), speed);
}

} // namespace migician::model
