// Runs grounding requests off the GUI thread: the Migician engine when a checkpoint is configured,
// the built-in OpenCV assistant otherwise.
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

struct EngineSettings
{
    QString modelDir; // empty: use the built-in assistant
    QString device = QStringLiteral("cpu");
    QString dtype = QStringLiteral("auto"); // the checkpoint's own dtype (model::resolveDType)
    qint64 minPixels = 3136;
    qint64 maxPixels = 1003520; // 1280*28*28: keeps CPU prompts tractable
    int maxNewTokens = 128;
};

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
    QString backend; // "Built-in assistant (OpenCV)" or "Migician (cpu, bfloat16)" (as run)
    QString text;    // the answer, special tokens kept
    QList<annotate::PredictedBox> boxes;
    QList<qint64> tokenIds; // generated ids (Migician only)
    bool needsWeights = false;
    bool cancelled = false;
    qint64 latencyMs = 0;
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
    InferenceResult runAssistant(const InferenceRequest &request);
    InferenceResult runEngine(const InferenceRequest &request);

    std::atomic<bool> m_cancel{false};
    std::shared_ptr<model::SharedEngine> m_engines;
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
