#include "chat_job.h"

#include "model/model_error.h"

#include <algorithm>

namespace migician::serve {

const char *finishReasonName(FinishReason reason)
{
    switch (reason) {
    case FinishReason::Stop:
        return "stop";
    case FinishReason::Length:
        return "length";
    case FinishReason::Cancelled:
        return "abort";
    case FinishReason::Failed:
        return "error";
    }
    return "error";
}

ChatJob::ChatJob(ChatJobSpec spec)
    : m_spec(std::move(spec))
    , m_text(m_spec.stop, m_spec.includeStop)
{}

void ChatJob::cancel(CancelReason reason)
{
    if (reason == CancelReason::ShuttingDown)
        m_shutdown.store(true);
    m_cancel.store(true);
}

ApiError ChatJob::cancelError() const
{
    // 499 is nginx's "client closed request": nobody reads it, but the log says why.
    return m_shutdown.load() ? ApiError{503, "the server is shutting down"}
                             : ApiError{499, "the client closed the connection"};
}

void ChatJob::onToken(model::Engine &engine, model::TokenId id)
{
    m_allIds.push_back(id);
    const auto &sampling = m_spec.request.sampling;
    const bool endOfSequence
            = !sampling.ignoreEos
              && std::find(sampling.stopTokenIds.begin(), sampling.stopTokenIds.end(), id)
                         != sampling.stopTokenIds.end();
    std::string piece;
    if (endOfSequence) {
        // As vLLM: the end-of-sequence token counts as generated but is not part of the text.
        m_stopToken = id;
    } else if (!m_text.stopped()) {
        m_visibleIds.push_back(id);
        piece = m_text.advance(engine.tokenizer().decode(m_visibleIds, m_spec.skipSpecialTokens));
        if (m_text.stopped())
            m_cancel.store(true); // a stop string ends the generation here
    }
    std::lock_guard<std::mutex> lock(m_mutex);
    m_pendingText += piece;
    m_pendingTokens.push_back(id);
    m_changed.notify_all();
}

void ChatJob::run(model::Engine &engine)
{
    ChatOutcome outcome;
    if (m_cancel.load()) {
        outcome.finish = FinishReason::Cancelled;
        outcome.error = cancelError();
        finish(std::move(outcome));
        return;
    }
    model::GenerationCallbacks callbacks;
    callbacks.cancel = &m_cancel;
    callbacks.onToken = [&](model::TokenId id, const std::string &) {
        onToken(engine, id);
    };
    try {
        const model::GroundingResult result = engine.ground(m_spec.request, callbacks);
        outcome.promptTokens = result.promptTokens;
        outcome.timings = result.timings;
        outcome.tokenIds = m_allIds;
        std::string rest;
        if (!m_text.stopped())
            rest = m_text.finish(engine.tokenizer().decode(m_visibleIds, m_spec.skipSpecialTokens));
        outcome.text = m_text.text();
        if (m_text.stopped()) {
            outcome.finish = FinishReason::Stop;
            outcome.stopString = m_text.matchedStop();
        } else if (m_stopToken) {
            outcome.finish = FinishReason::Stop;
            outcome.stopToken = m_stopToken;
        } else if (result.cancelled) {
            outcome.finish = FinishReason::Cancelled;
            outcome.error = cancelError();
        } else {
            outcome.finish = FinishReason::Length;
        }
        std::lock_guard<std::mutex> lock(m_mutex);
        m_pendingText += rest;
    } catch (const std::exception &error) {
        outcome.finish = FinishReason::Failed;
        outcome.tokenIds = m_allIds;
        outcome.error = {500, std::string("generation failed: ") + error.what()};
    }
    finish(std::move(outcome));
}

void ChatJob::finish(ChatOutcome outcome)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_outcome = std::move(outcome);
    m_done = true;
    m_changed.notify_all();
}

ChatJob::Update ChatJob::waitForUpdate(std::chrono::milliseconds timeout)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    m_changed.wait_for(lock, timeout, [&] {
        return m_done || !m_pendingText.empty() || !m_pendingTokens.empty();
    });
    Update update;
    update.text.swap(m_pendingText);
    update.tokens.swap(m_pendingTokens);
    update.done = m_done;
    return update;
}

ChatOutcome ChatJob::outcome() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_outcome;
}

} // namespace migician::serve
