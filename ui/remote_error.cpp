#include "ui/remote_error.h"

namespace migician::ui {

const char *remoteErrorKindName(RemoteErrorKind kind)
{
    switch (kind) {
    case RemoteErrorKind::InvalidUrl:
        return "invalid_url";
    case RemoteErrorKind::ApiKey:
        return "api_key";
    case RemoteErrorKind::HostNotFound:
        return "host_not_found";
    case RemoteErrorKind::CannotConnect:
        return "cannot_connect";
    case RemoteErrorKind::ConnectTimeout:
        return "connect_timeout";
    case RemoteErrorKind::Tls:
        return "tls";
    case RemoteErrorKind::IdleTimeout:
        return "idle_timeout";
    case RemoteErrorKind::ConnectionLost:
        return "connection_lost";
    case RemoteErrorKind::Unauthorized:
        return "unauthorized";
    case RemoteErrorKind::ModelNotFound:
        return "model_not_found";
    case RemoteErrorKind::NotFound:
        return "not_found";
    case RemoteErrorKind::BadRequest:
        return "bad_request";
    case RemoteErrorKind::PayloadTooLarge:
        return "payload_too_large";
    case RemoteErrorKind::Busy:
        return "busy";
    case RemoteErrorKind::ServerError:
        return "server_error";
    case RemoteErrorKind::TruncatedStream:
        return "truncated_stream";
    case RemoteErrorKind::InvalidResponse:
        return "invalid_response";
    case RemoteErrorKind::Cancelled:
        return "cancelled";
    }
    return "unknown";
}

} // namespace migician::ui
