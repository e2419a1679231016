// An OpenAI-style error as vLLM's server sends it: an HTTP status and the body
// {"error": {"message", "type", "param", "code"}} with `code` the status as a number.
#pragma once

#include <string>

namespace migician::serve {

struct ApiError
{
    ApiError() = default;
    ApiError(int status, std::string message, std::string param = {})
        : status(status)
        , message(std::move(message))
        , param(std::move(param))
    {}

    int status = 400;
    std::string message;
    std::string param; // the request field at fault, if any

    // "BadRequestError", "AuthenticationError", ... as vLLM and the openai clients name them.
    std::string type() const;
    std::string body() const;
};

ApiError badRequest(std::string message, std::string param = {});

} // namespace migician::serve
