// The workbench's estimates before a run (tokens, memory, time; model/run_estimate.h) for the
// open case's images, its visual references and the query, with the engine settings and the
// speed measured on this machine (run_calibration.h). Keeps one model::RunEstimator (config and
// tokenizer, never the weights) per checkpoint folder, read on a pool thread (tokenizer.json takes
// long enough to stall the GUI): until it is there, estimate() says so and estimatorReady()
// follows. GUI thread only; an estimate itself takes a few milliseconds.
#pragma once

#include "model/run_estimator.h"
#include "ui/inference_worker.h"

#include <QFutureWatcher>
#include <QObject>
#include <QSize>

#include <memory>
#include <optional>

namespace migician::ui {

struct RunEstimateResult
{
    model::RunEstimate estimate;
    std::int64_t residentNow = 0;
    bool fits() const { return estimate.fits(residentNow); }
};

class RunEstimateService : public QObject
{
    Q_OBJECT
public:
    explicit RunEstimateService(QObject *parent = nullptr);

    // Image sizes in prompt order (the case's images, then the references' crops). nullopt with
    // *error when no checkpoint is set or its files cannot be read.
    // `wait`: block until the checkpoint's files are read (before a run).
    std::optional<RunEstimateResult> estimate(const EngineSettings &engine,
                                              const QList<QSize> &images, const QString &query,
                                              QString *error, bool wait = false);
    // The largest max-pixels (a multiple of 28x28, at least min-pixels) under the current one
    // whose run fits in memory and within `seconds`; nullopt when none does.
    std::optional<qint64> lowerPixelLimit(const EngineSettings &engine, const QList<QSize> &images,
                                          const QString &query, double seconds);

    // "1,234 tokens (text 34 + images 600, 600)  |  memory 5.1 GB of 20.3 GB free  |  ~42 s"
    static QString summary(const RunEstimateResult &result);
    // The same, one line per part, for the tooltip and the confirmation dialog.
    static QString details(const RunEstimateResult &result);
    static QString formatBytes(std::int64_t bytes);
    static QString formatSeconds(double seconds);

    // The estimator of the folder; nullptr with *error while it is read (`wait`: block until it
    // is) or when the folder is unusable.
    const model::RunEstimator *estimator(const QString &modelDir, QString *error,
                                         bool wait = false);

    bool isReading() const { return m_loading.isRunning(); }

Q_SIGNALS:
    void estimatorReady();

private:
    struct Loaded
    {
        std::shared_ptr<model::RunEstimator> estimator;
        QString error;
    };
    void onLoaded();

    std::shared_ptr<model::RunEstimator> m_estimator;
    QString m_folderError; // the last folder's error, kept so a bad folder is read once
    QString m_folder;
    QFutureWatcher<Loaded> m_loading;
};

} // namespace migician::ui
