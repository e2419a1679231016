#include "api_error.h"

#include <nlohmann/json.hpp>

namespace migician::serve {

std::string ApiError::type() const
{
    switch (status) {
    case 400:
        return "BadRequestError";
    case 401:
        return "AuthenticationError";
    case 403:
        return "PermissionDeniedError";
    case 404:
        return "NotFoundError";
    case 405:
        return "MethodNotAllowedError";
    case 413:
        return "PayloadTooLargeError";
    case 429:
        return "RateLimitError";
    case 503:
        return "ServiceUnavailableError";
    default:
        return status >= 500 ? "InternalServerError" : "BadRequestError";
    }
}

std::string ApiError::body() const
{
    const nlohmann::json error{{"message", message},
                               {"type", type()},
                               {"param", param.empty() ? nlohmann::json() : nlohmann::json(param)},
                               {"code", status}};
    return nlohmann::json{{"error", error}}.dump(-1, ' ', false,
                                                 nlohmann::json::error_handler_t::replace);
}

ApiError badRequest(std::string message, std::string param)
{
    return ApiError{400, std::move(message), std::move(param)};
}

} // namespace migician::serve
