// One engine, one engine thread, and a bounded first-come-first-served queue of chat jobs in
// front of it (llama.cpp's server with one slot). A full queue refuses new jobs, so the HTTP layer
// can answer 503 with Retry-After instead of piling up memory.
//
// Threading contract: the engine is used only by the queue's own thread. submit(), withdraw(),
// stats() and shutdown() may be called from any thread.
#pragma once

#include "chat_job.h"

#include "model/engine.h"

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

namespace migician::serve {

struct QueueStats
{
    std::size_t queued = 0;
    bool running = false;
    std::size_t capacity = 0;
    std::uint64_t completed = 0; // finished with stop or length
    std::uint64_t cancelled = 0;
    std::uint64_t failed = 0;
    std::uint64_t rejected = 0; // refused because the queue was full
    double averageSeconds = 0;  // of recent jobs, for Retry-After
};

class GenerationQueue
{
public:
    GenerationQueue(model::Engine &engine, std::size_t capacity);
    ~GenerationQueue(); // shutdown()

    // False when the queue is full or shutting down (the job is not taken).
    bool submit(std::shared_ptr<ChatJob> job);
    // Removes a job that has not started (its client went away); a running one is cancelled.
    void withdraw(const std::shared_ptr<ChatJob> &job);
    // Cancels the running job and every queued one, then joins the engine thread.
    void shutdown();

    QueueStats stats() const;
    // Seconds a new client should wait before retrying, from the queue length and job times.
    int retryAfterSeconds() const;

private:
    void loop();

    model::Engine &m_engine;
    const std::size_t m_capacity;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::shared_ptr<ChatJob>> m_queue;
    std::shared_ptr<ChatJob> m_running;
    bool m_stopping = false;
    QueueStats m_stats;
    std::thread m_thread;
};

} // namespace migician::serve
