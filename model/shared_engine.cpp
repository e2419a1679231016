#include "shared_engine.h"

namespace migician::model {

bool SharedEngine::sameRequest(const EngineOptions &a, const EngineOptions &b)
{
    return a.modelDir == b.modelDir && a.device == b.device && a.dtype == b.dtype
           && a.threads == b.threads;
}

SharedEngine::Lease SharedEngine::acquire(const EngineOptions &options, const Callbacks &callbacks)
{
    std::unique_lock<std::timed_mutex> lock(m_use, std::defer_lock);
    // Short waits, so that a cancel while another thread runs a long request is seen at once.
    bool waiting = false;
    while (!lock.try_lock_for(std::chrono::milliseconds(20))) {
        if (callbacks.control.cancelled())
            throw Cancelled();
        if (!waiting && callbacks.onWaiting)
            callbacks.onWaiting();
        waiting = true;
    }
    if (callbacks.control.cancelled())
        throw Cancelled();
    bool reuse = false;
    {
        std::lock_guard<std::mutex> state(m_stateMutex);
        reuse = m_engine && m_requested && sameRequest(*m_requested, options);
        if (!reuse)
            m_requested.reset();
    }
    if (!reuse) {
        // Never two copies of the weights: the old engine goes before the new one loads.
        m_engine.reset();
        m_engine = Engine::load(options, callbacks.loadProgress, callbacks.control);
        std::lock_guard<std::mutex> state(m_stateMutex);
        m_requested = options;
        ++m_loads;
    }
    return Lease(std::move(lock), m_engine.get());
}

bool SharedEngine::holds(const EngineOptions &options) const
{
    std::lock_guard<std::mutex> state(m_stateMutex);
    return m_requested && sameRequest(*m_requested, options);
}

int SharedEngine::loads() const
{
    std::lock_guard<std::mutex> state(m_stateMutex);
    return m_loads;
}

} // namespace migician::model
