// What a caller hands every long engine step: a cancel flag and a progress callback, both served
// at the same points (each tensor while loading, each vision block, each decoder layer of the
// prefill, each decode step), so that "how far is it" and "stop now" have the same granularity.
// Torch-free: the GUI, the command line and a server see only this.
#pragma once

#include <atomic>
#include <exception>
#include <functional>

namespace migician::model {

enum class Stage { Load, Preprocess, Vision, Prefill, Decode };
const char *stageName(Stage stage);

// Thrown out of a step when the caller's cancel flag is set. Not a ModelError: nothing failed.
// Engine::ground() turns it into a cancelled result; Engine::load() lets it through.
class Cancelled : public std::exception
{
public:
    const char *what() const noexcept override { return "cancelled"; }
};

struct RunControl
{
    // Set from any thread; polled at every step() (an atomic load: cheap).
    const std::atomic<bool> *cancel = nullptr;
    // Called on the working thread at every step(): `done` units of `total` finished in
    // `stage`. Load: tensors; Vision: blocks; Prefill: decoder layers (done == total once more
    // when the stage is complete); Decode: tokens generated so far of max_new_tokens (it may
    // stop earlier at an end token). Cheap callers only: it runs inside the engine's loops.
    std::function<void(Stage stage, int done, int total)> onProgress;

    bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }

    // Reports progress, then throws Cancelled when the flag is set. Called before each unit of
    // work, so a cancel requested from the callback for `done` stops with exactly `done` units
    // finished.
    void step(Stage stage, int done, int total) const
    {
        if (onProgress)
            onProgress(stage, done, total);
        if (cancelled())
            throw Cancelled();
    }
};

} // namespace migician::model
