// What can go wrong when talking to an OpenAI-compatible server, as one exception type that
// carries the kind of failure, the HTTP status (0 when there was none) and, for an unknown model
// name, the models the server does offer. Messages are for people and never contain the API key.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace migician::ui {

enum class RemoteErrorKind {
    InvalidUrl,      // not http(s)://host[:port][/path]
    ApiKey,          // the key file cannot be read
    HostNotFound,    // DNS
    CannotConnect,   // refused or unreachable
    ConnectTimeout,  //
    Tls,             // handshake or certificate verification
    IdleTimeout,     // no data for the idle timeout
    ConnectionLost,  // reset or closed before the answer was complete
    Unauthorized,    // 401 / 403
    ModelNotFound,   // 404 for the model name (models() lists what there is)
    NotFound,        // 404: no OpenAI API at that URL
    BadRequest,      // 400 / 422, with the server's text
    PayloadTooLarge, // 413
    Busy,            // 429 / 503 after the retries
    ServerError,     // other 5xx, or an error event in a stream
    TruncatedStream, // the event stream ended without its end marker
    InvalidResponse, // not the JSON an OpenAI server sends
    Cancelled,
};

const char *remoteErrorKindName(RemoteErrorKind kind);

class RemoteError : public std::runtime_error
{
public:
    RemoteError(RemoteErrorKind kind, const std::string &message, int httpStatus = 0,
                std::vector<std::string> models = {})
        : std::runtime_error(message)
        , m_kind(kind)
        , m_httpStatus(httpStatus)
        , m_models(std::move(models))
    {}

    RemoteErrorKind kind() const { return m_kind; }
    int httpStatus() const { return m_httpStatus; }
    const std::vector<std::string> &models() const { return m_models; }

private:
    RemoteErrorKind m_kind;
    int m_httpStatus;
    std::vector<std::string> m_models;
};

} // namespace migician::ui
