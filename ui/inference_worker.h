// Runs grounding requests off the GUI thread on the backend the settings choose
// (grounding_backend.h): the local Migician engine, a remote endpoint, or the built-in OpenCV
// assistant (also when the local backend has no checkpoint folder).
//
// Threading contract:
// - An InferenceWorker lives in its own QThread (moveToThread). Its owner (InferenceThread) starts
//   the thread, connects QThread::finished to deleteLater, and on destruction cancels, quit()s and
//   wait()s. Only run() and the signals cross threads, through queued connections, and everything
//   they carry is a value (QImage and QString are implicitly shared and safe to copy across).
// - The engine lives in a model::SharedEngine that the workbench also gives the batch evaluation
//   (one copy of the weights for both; see shared_engine.h). The worker loads it lazily, on its
//   own thread, with the first request that needs it, and holds its lease for one request at a
//   time; a request with another folder, device or dtype reloads it. While the batch evaluation
//   holds the lease, a request waits (stageChanged "waiting") until its current case is done.
// - cancel() may be called from any thread: it sets an atomic flag the engine polls per tensor
//   while loading, between vision blocks, between prefill layers and between decode steps (and
//   the assistant between scales), and that stops a wait for the engine. So a cancel, or the
//   owner's destructor, returns within one such step. resetCancel() is called by the owner
//   before it queues the next request.
// - Nothing throws out of run(): every exception becomes failed(id, message); a cancelled load
//   or run becomes finished() with `cancelled` set.
#pragma once

#include "ui/backend_settings.h"
#include "ui/grounding_backend.h"
#include "ui/opencv_assistant.h"

#include <QImage>
#include <QList>
#include <QObject>
#include <QString>
#include <QThread>

#include <atomic>
#include <memory>

namespace migician::model {
class SharedEngine;
}

namespace migician::ui {

struct InferenceRequest
{
    quint64 id = 0;
    QList<QImage> caseImages;          // Image-1 .. Image-n
    QList<VisualReference> references; // crops, appended to the images as Image-(n+1) ...
    QString query;
    EngineSettings engine;
};

struct InferenceResult
{
    quint64 id = 0;
    // "Built-in assistant (OpenCV)", "Migician (cpu, bfloat16)" or "http://host:8000 (Migician)"
    QString backend;
    QString text; // the answer, special tokens kept
    QList<annotate::PredictedBox> boxes;
    QList<qint64> tokenIds; // generated ids (Migician only)
    bool needsWeights = false;
    bool cancelled = false;
    qint64 latencyMs = 0;
    // Migician only: the prompt's size and the stage times as run (also folded into the speed
    // calibration of run_calibration.h, so the next estimate uses them).
    int promptTokens = 0;
    double visionMs = 0, prefillMs = 0, decodeMs = 0;
    int decodeSteps = 0;
};

class InferenceWorker : public QObject
{
    Q_OBJECT
public:
    explicit InferenceWorker(std::shared_ptr<model::SharedEngine> engines);
    ~InferenceWorker() override;

    void cancel() { m_cancel.store(true); }
    void resetCancel() { m_cancel.store(false); }

public Q_SLOTS:
    void run(const migician::ui::InferenceRequest &request);

Q_SIGNALS:
    void loadProgress(double fraction, const QString &what);
    void stageChanged(quint64 id, const QString &stage);
    // At every point where the engine polls cancel: `done` of `total` units of `stage` ("load":
    // tensors, "vision": blocks, "prefill": layers, "decode": tokens of max_new_tokens). Emitted
    // from the worker thread, hundreds of times per load: throttle before repainting.
    void progressed(quint64 id, const QString &stage, int done, int total);
    // tokenId: the token just generated (-1 for the built-in assistant's one-shot answer).
    void textStreamed(quint64 id, qint64 tokenId, const QString &textSoFar);
    void finished(const migician::ui::InferenceResult &result);
    void failed(quint64 id, const QString &message);

private:
    InferenceResult runBackend(const InferenceRequest &request);
    GroundingBackend &backendFor(const EngineSettings &settings);

    std::atomic<bool> m_cancel{false};
    std::shared_ptr<model::SharedEngine> m_engines;
    std::unique_ptr<GroundingBackend> m_backend;
    EngineSettings m_backendSettings;
};

// Owns the worker's thread; see the threading contract above.
class InferenceThread : public QObject
{
    Q_OBJECT
public:
    // `engines`: the engine shared with other users (a new one when null).
    explicit InferenceThread(std::shared_ptr<model::SharedEngine> engines = nullptr,
                             QObject *parent = nullptr);
    ~InferenceThread() override;

    InferenceWorker *worker() const { return m_worker; }
    const std::shared_ptr<model::SharedEngine> &engines() const { return m_engines; }
    bool isBusy() const { return m_busy; }
    // Queues a request; false when one is still running.
    bool submit(const InferenceRequest &request);
    void cancel();

private:
    std::shared_ptr<model::SharedEngine> m_engines;
    QThread m_thread;
    InferenceWorker *m_worker = nullptr;
    bool m_busy = false;
};

} // namespace migician::ui

Q_DECLARE_METATYPE(migician::ui::InferenceRequest)
Q_DECLARE_METATYPE(migician::ui::InferenceResult)
