// `migician serve`'s HTTP side: the OpenAI chat-completions API over one engine, wire-compatible
// with vLLM's OpenAI server (cpp-httplib, no Qt).
//
//   POST /v1/chat/completions   streaming (server-sent events) or not; OpenAI-style error bodies
//   GET  /v1/models             the one served model
//   GET  /health                {"status": "ok", queue and job counters}; needs no key
//
// Requests are validated on the HTTP threads (body size, JSON, images, context length), then
// queued for the single engine thread (GenerationQueue); a full queue answers 503 with
// Retry-After. A client that disconnects cancels its generation. With an API key every /v1 route
// needs `Authorization: Bearer KEY` (compared in constant time). stop() may be called from any
// thread (the SIGTERM handler): running and queued generations are cancelled and answered, then
// listen() returns.
#pragma once

#include "chat_request.h"
#include "image_codec.h"

#include "model/engine.h"

#include <cstddef>
#include <memory>
#include <string>

namespace migician::serve {

struct ServerSettings
{
    std::string host = "127.0.0.1";
    int port = 8000; // 0: the OS picks
    std::string servedModel;
    std::string apiKey; // empty: no authentication (loopback only)
    RequestLimits request;
    DecodeLimits decode;
    std::size_t maxBodyBytes = 32u << 20;
    std::size_t queueCapacity = 16;
};

// True for addresses only this machine can reach (127.0.0.0/8, ::1, localhost).
bool isLoopbackHost(const std::string &host);

// Compares without an early exit, so the time taken does not tell how much of a key was right.
bool constantTimeEquals(const std::string &expected, const std::string &given);

class OpenAiServer
{
public:
    OpenAiServer(model::Engine &engine, ServerSettings settings);
    ~OpenAiServer();

    // Binds the socket; returns the port (the OS's choice for port 0). Throws std::runtime_error.
    int bind();
    // Serves until stop(). Returns after every connection handler has finished.
    void listen();
    void stop();

    struct Impl;

private:
    std::unique_ptr<Impl> d;
};

} // namespace migician::serve
