// One chat completion as the engine runs it, shared between the HTTP thread that owns the client
// connection and the engine thread.
//
// Threading contract: run() is called once, on the engine thread. cancel(), waitForUpdate() and
// the accessors may be called from any thread; waitForUpdate() is meant for the one HTTP thread
// that answers the client. Updates are values (text pieces and token ids) handed over under a
// mutex. A cancelled job stops within one generated token (the engine polls the flag).
#pragma once

#include "api_error.h"
#include "completion_text.h"

#include "model/engine.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace migician::serve {

struct ChatJobSpec
{
    model::GroundingRequest request; // images already decoded and resized, sampling filled in
    std::vector<std::string> stop;
    bool includeStop = false;
    bool skipSpecialTokens = true;
};

enum class FinishReason { Stop, Length, Cancelled, Failed };
const char *finishReasonName(FinishReason reason); // "stop", "length", ...

struct ChatOutcome
{
    FinishReason finish = FinishReason::Failed;
    std::string text;                        // the answer (stop token and stop string removed)
    std::vector<model::TokenId> tokenIds;    // every generated id, end-of-sequence included
    std::optional<std::string> stopString;   // the stop string that ended it
    std::optional<model::TokenId> stopToken; // the end-of-sequence id that ended it
    int promptTokens = 0;
    model::StageTimings timings;
    ApiError error; // when finish == Failed or Cancelled
};

class ChatJob
{
public:
    enum class CancelReason { ClientGone, ShuttingDown };

    explicit ChatJob(ChatJobSpec spec);

    void run(model::Engine &engine);
    void cancel(CancelReason reason);
    bool isCancelled() const { return m_cancel.load(); }

    struct Update
    {
        std::string text;                   // new answer text since the last update
        std::vector<model::TokenId> tokens; // new token ids since the last update
        bool done = false;                  // outcome() is final
    };
    // Waits until there is something new or the job is done, at most `timeout`.
    Update waitForUpdate(std::chrono::milliseconds timeout);
    ChatOutcome outcome() const; // meaningful once an update said done

private:
    void onToken(model::Engine &engine, model::TokenId id);
    void finish(ChatOutcome outcome);
    ApiError cancelError() const;

    ChatJobSpec m_spec;
    std::atomic<bool> m_cancel{false};   // what the engine polls
    std::atomic<bool> m_shutdown{false}; // why it was cancelled
    // Engine-thread state.
    CompletionText m_text;
    std::vector<model::TokenId> m_visibleIds;
    std::vector<model::TokenId> m_allIds;
    std::optional<model::TokenId> m_stopToken;
    // Shared state.
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::string m_pendingText;
    std::vector<model::TokenId> m_pendingTokens;
    bool m_done = false;
    ChatOutcome m_outcome;
};

} // namespace migician::serve
