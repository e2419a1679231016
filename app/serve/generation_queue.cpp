#include "generation_queue.h"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace migician::serve {

GenerationQueue::GenerationQueue(model::Engine &engine, std::size_t capacity)
    : m_engine(engine)
    , m_capacity(capacity)
{
    m_stats.capacity = capacity;
    m_thread = std::thread([this] { loop(); });
}

GenerationQueue::~GenerationQueue()
{
    shutdown();
}

bool GenerationQueue::submit(std::shared_ptr<ChatJob> job)
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (m_stopping || m_queue.size() >= m_capacity) {
            ++m_stats.rejected;
            return false;
        }
        m_queue.push_back(std::move(job));
    }
    m_wake.notify_one();
    return true;
}

void GenerationQueue::withdraw(const std::shared_ptr<ChatJob> &job)
{
    job->cancel(ChatJob::CancelReason::ClientGone);
    std::lock_guard<std::mutex> lock(m_mutex);
    const auto it = std::find(m_queue.begin(), m_queue.end(), job);
    if (it != m_queue.end()) {
        m_queue.erase(it);
        ++m_stats.cancelled;
    }
}

void GenerationQueue::shutdown()
{
    std::deque<std::shared_ptr<ChatJob>> waiting;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = true;
        waiting.swap(m_queue);
        if (m_running)
            m_running->cancel(ChatJob::CancelReason::ShuttingDown);
    }
    m_wake.notify_all();
    // Jobs that never ran still get an answer (503) from their own run(), off the engine.
    for (const auto &job : waiting) {
        job->cancel(ChatJob::CancelReason::ShuttingDown);
        job->run(m_engine);
    }
    if (m_thread.joinable())
        m_thread.join();
}

QueueStats GenerationQueue::stats() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    QueueStats stats = m_stats;
    stats.queued = m_queue.size();
    stats.running = m_running != nullptr;
    return stats;
}

int GenerationQueue::retryAfterSeconds() const
{
    const QueueStats now = stats();
    const double wait = (double(now.queued) + 1.0) * std::max(now.averageSeconds, 0.5);
    return int(std::clamp(std::ceil(wait), 1.0, 120.0));
}

void GenerationQueue::loop()
{
    for (;;) {
        std::shared_ptr<ChatJob> job;
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_wake.wait(lock, [&] { return m_stopping || !m_queue.empty(); });
            if (m_stopping)
                return;
            job = m_queue.front();
            m_queue.pop_front();
            m_running = job;
        }
        const auto start = std::chrono::steady_clock::now();
        job->run(m_engine);
        const double seconds
                = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const FinishReason finish = job->outcome().finish;
        std::lock_guard<std::mutex> lock(m_mutex);
        m_running.reset();
        if (finish == FinishReason::Stop || finish == FinishReason::Length) {
            ++m_stats.completed;
            // An exponential moving average over roughly the last ten jobs.
            m_stats.averageSeconds = m_stats.completed == 1
                                             ? seconds
                                             : 0.9 * m_stats.averageSeconds + 0.1 * seconds;
        } else if (finish == FinishReason::Cancelled) {
            ++m_stats.cancelled;
        } else {
            ++m_stats.failed;
        }
    }
}

} // namespace migician::serve
