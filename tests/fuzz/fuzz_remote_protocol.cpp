// Fuzz target: what a remote OpenAI-compatible server sends back to the workbench's endpoint client
// (ui/remote_protocol.h): completions, model lists, error bodies, Retry-After values and
// server-sent event streams; also the endpoint URL a user types. Invariants: only RemoteError is
// thrown (InvalidResponse or ServerError for answers, InvalidUrl for URLs); an error text is never
// empty and stays short; Retry-After is finite and not negative; an event stream splits into the
// same events however the bytes are cut into pieces; an accepted URL has an http(s) scheme, a host
// and a port in 1..65535.
#include "fuzz_support.h"

#include "ui/remote_protocol.h"

#include <cmath>

using namespace migician;

namespace {

std::vector<std::string> sseEvents(std::string_view bytes, std::size_t piece)
{
    ui::SseParser parser;
    std::vector<std::string> events;
    for (std::size_t at = 0; at < bytes.size(); at += piece)
        parser.feed(bytes.substr(at, piece),
                    [&](const std::string &data) { events.push_back(data); });
    return events;
}

template<typename Function>
void expectOnly(ui::RemoteErrorKind allowed, Function &&function)
{
    try {
        function();
    } catch (const ui::RemoteError &error) {
        FUZZ_CHECK(error.kind() == allowed || error.kind() == ui::RemoteErrorKind::ServerError,
                   error.what());
        FUZZ_CHECK(std::string_view(error.what()).size() > 0, "empty error");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string body(fuzz::asText(data, size));

    const std::string text = ui::serverErrorText(body);
    FUZZ_CHECK(!text.empty(), "empty error text");
    if (const auto seconds = ui::parseRetryAfter(body, 1'700'000'000))
        FUZZ_CHECK(std::isfinite(*seconds) && *seconds >= 0, std::to_string(*seconds));

    expectOnly(ui::RemoteErrorKind::InvalidResponse, [&] { (void)ui::parseModelList(body); });
    expectOnly(ui::RemoteErrorKind::InvalidResponse, [&] {
        const ui::CompletionAnswer answer = ui::parseCompletion(body);
        (void)answer;
    });

    const std::vector<std::string> whole = sseEvents(body, body.size() + 1);
    const std::size_t piece = size > 0 ? 1 + data[0] % 7 : 1;
    FUZZ_CHECK(sseEvents(body, piece) == whole, "SSE events depend on how the bytes arrive");
    ui::StreamAccumulator stream;
    for (const std::string &event : whole)
        expectOnly(ui::RemoteErrorKind::InvalidResponse, [&] { stream.addEvent(event); });

    try {
        const ui::EndpointUrl url = ui::parseEndpointUrl(body);
        FUZZ_CHECK(url.scheme == "http" || url.scheme == "https", url.scheme);
        FUZZ_CHECK(!url.host.empty(), "empty host");
        FUZZ_CHECK(url.port >= 1 && url.port <= 65535, std::to_string(url.port));
        FUZZ_CHECK(url.prefix.empty() || url.prefix.front() == '/', url.prefix);
    } catch (const ui::RemoteError &error) {
        FUZZ_CHECK(error.kind() == ui::RemoteErrorKind::InvalidUrl, error.what());
    }
    return 0;
}
