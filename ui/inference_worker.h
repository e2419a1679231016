// Runs grounding requests off the GUI thread: the Migician engine when a checkpoint is configured,
// the built-in OpenCV assistant otherwise.
//
// Threading contract:
// - An InferenceWorker lives in its own QThread (moveToThread). Its owner (InferenceThread) starts
//   the thread, connects QThread::finished to deleteLater, and on destruction cancels, quit()s and
//   wait()s. Only run() and the signals cross threads, through queued connections, and everything
//   they carry is a value (QImage and QString are implicitly shared and safe to copy across).
// - The engine is created lazily on the worker thread by the first request that needs it, kept for
//   later requests, and reloaded only when the checkpoint folder, device or dtype change.
// - cancel() may be called from any thread: it sets an atomic flag the engine polls before every
//   decode step (and the assistant between scales). resetCancel() is called by the owner before it
//   queues the next request.
// - Nothing throws out of run(): every exception becomes failed(id, message).
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
class Engine;
}

namespace migician::ui {

struct EngineSettings
{
    QString modelDir; // empty: use the built-in assistant
    QString device = QStringLiteral("cpu");
    QString dtype = QStringLiteral("float32");
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
    QString backend; // "Built-in assistant (OpenCV)" or "Migician (cpu, float32)"
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
    InferenceWorker();
    ~InferenceWorker() override;

    void cancel() { m_cancel.store(true); }
    void resetCancel() { m_cancel.store(false); }

public Q_SLOTS:
    void run(const migician::ui::InferenceRequest &request);

Q_SIGNALS:
    void loadProgress(double fraction, const QString &what);
    void stageChanged(quint64 id, const QString &stage);
    // tokenId: the token just generated (-1 for the built-in assistant's one-shot answer).
    void textStreamed(quint64 id, qint64 tokenId, const QString &textSoFar);
    void finished(const migician::ui::InferenceResult &result);
    void failed(quint64 id, const QString &message);

private:
    InferenceResult runAssistant(const InferenceRequest &request);
    InferenceResult runEngine(const InferenceRequest &request);
    void ensureEngine(const EngineSettings &settings);

    std::atomic<bool> m_cancel{false};
    std::unique_ptr<model::Engine> m_engine;
    EngineSettings m_loaded;
};

// Owns the worker's thread; see the threading contract above.
class InferenceThread : public QObject
{
    Q_OBJECT
public:
    explicit InferenceThread(QObject *parent = nullptr);
    ~InferenceThread() override;

    InferenceWorker *worker() const { return m_worker; }
    bool isBusy() const { return m_busy; }
    // Queues a request; false when one is still running.
    bool submit(const InferenceRequest &request);
    void cancel();

private:
    QThread m_thread;
    InferenceWorker *m_worker = nullptr;
    bool m_busy = false;
};

} // namespace migician::ui

Q_DECLARE_METATYPE(migician::ui::InferenceRequest)
Q_DECLARE_METATYPE(migician::ui::InferenceResult)
