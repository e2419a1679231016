#include "model/request_limits.h"

#include "model/model_config.h"
#include "model/model_error.h"

#include <algorithm>
#include <string>

namespace migician::model {

void checkRequestSize(std::size_t images, std::size_t queryBytes)
{
    if (images > kMaxImagesPerRequest)
        throw ModelError("request", std::to_string(images) + " images were given; at most "
                                            + std::to_string(kMaxImagesPerRequest)
                                            + " fit in one request");
    if (queryBytes > kMaxQueryBytes)
        throw ModelError("request", "the query is " + std::to_string(queryBytes)
                                            + " bytes long; at most "
                                            + std::to_string(kMaxQueryBytes) + " are accepted");
}

void checkSequenceLength(std::int64_t promptTokens, std::int64_t maxNewTokens,
                         const ModelConfig &config)
{
    const std::int64_t limit = config.maxPositionEmbeddings;
    if (promptTokens + std::max<std::int64_t>(maxNewTokens, 0) <= limit)
        return;
    throw ModelError("prompt",
                     "has " + std::to_string(promptTokens) + " tokens (images included) and up to "
                             + std::to_string(maxNewTokens)
                             + " new tokens were asked for, but the model takes at most "
                             + std::to_string(limit)
                             + " positions (max_position_embeddings in config.json); use fewer "
                               "or smaller images (--max-pixels), a shorter query or fewer new "
                               "tokens");
}

} // namespace migician::model
