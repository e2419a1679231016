// One loaded Engine that several threads take turns on: the workbench's query worker and the
// batch evaluation use the same weights instead of loading a second copy (and a server's request
// threads can do the same).
//
// Threading contract:
// - acquire() may be called from any thread. It blocks until no other Lease is alive, polling the
//   caller's cancel flag meanwhile (Cancelled when it is set), then makes sure the engine is
//   loaded with the requested options and returns a Lease: exclusive use of the engine until the
//   Lease is destroyed. A Lease must be destroyed on the thread that acquired it (it holds a
//   mutex), and the Engine it gives must not be used after that.
// - Leases are granted in no particular order; a thread that holds one for a long request (a
//   batch case on the CPU) makes the others wait for that request, not for the whole batch.
// - At most one copy of the weights exists: a request with other options (folder, device, dtype,
//   threads) drops the loaded engine before loading the new one. Loading happens on the thread
//   that asked for it, inside acquire(), with its progress and cancel (run_control.h); a failed
//   or cancelled load leaves no engine loaded.
// - holds() and loads() may be called from any thread at any time.
#pragma once

#include "model/engine.h"

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

namespace migician::model {

class SharedEngine
{
public:
    class Lease
    {
    public:
        Lease(Lease &&) = default;
        Lease &operator=(Lease &&) = default;
        Engine &engine() const { return *m_engine; }
        Engine *operator->() const { return m_engine; }

    private:
        friend class SharedEngine;
        Lease(std::unique_lock<std::timed_mutex> lock, Engine *engine)
            : m_lock(std::move(lock))
            , m_engine(engine)
        {}
        std::unique_lock<std::timed_mutex> m_lock;
        Engine *m_engine;
    };

    struct Callbacks
    {
        Engine::Progress loadProgress;   // fraction and tensor name, while loading
        RunControl control;              // cancel while waiting or loading; Stage::Load progress
        std::function<void()> onWaiting; // once, when another lease makes this call wait
    };

    SharedEngine() = default;
    SharedEngine(const SharedEngine &) = delete;
    SharedEngine &operator=(const SharedEngine &) = delete;

    // Throws ModelError when loading fails, Cancelled when the caller's flag is set first.
    Lease acquire(const EngineOptions &options, const Callbacks &callbacks = {});

    // True when acquire(options) would use the loaded engine as it is (no loading).
    bool holds(const EngineOptions &options) const;
    // How many times weights were loaded (a test and diagnostics counter).
    int loads() const;

private:
    static bool sameRequest(const EngineOptions &a, const EngineOptions &b);

    std::timed_mutex m_use;                   // held by the living Lease
    mutable std::mutex m_stateMutex;          // guards the two fields below for holds()/loads()
    std::optional<EngineOptions> m_requested; // as asked for (dtype may be Auto)
    int m_loads = 0;
    std::unique_ptr<Engine> m_engine; // touched only while m_use is held
};

} // namespace migician::model
