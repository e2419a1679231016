#include "run_estimate_service.h"

#include "ui/run_calibration.h"

#include <QLocale>
#include <QtConcurrent/QtConcurrentRun>

namespace migician::ui {

namespace {

model::Device deviceOf(const EngineSettings &engine)
{
    return engine.device == QLatin1String("cuda") ? model::Device::Cuda : model::Device::Cpu;
}

model::DType requestedDtype(const EngineSettings &engine)
{
    try {
        return model::parseDType(engine.dtype.toStdString());
    } catch (const std::exception &) {
        return model::DType::Auto;
    }
}

std::vector<model::ImageSize> sizesOf(const QList<QSize> &images)
{
    std::vector<model::ImageSize> sizes;
    for (const QSize &size : images)
        sizes.push_back({size.height(), size.width()});
    return sizes;
}

} // namespace

RunEstimateService::RunEstimateService(QObject *parent)
    : QObject(parent)
{
    connect(&m_loading, &QFutureWatcher<Loaded>::finished, this, &RunEstimateService::onLoaded);
}

const model::RunEstimator *RunEstimateService::estimator(const QString &modelDir, QString *error,
                                                         bool wait)
{
    if (modelDir != m_folder) {
        m_folder = modelDir;
        m_estimator.reset();
        m_folderError.clear();
        m_loading.setFuture(QtConcurrent::run([modelDir] {
            Loaded loaded;
            try {
                loaded.estimator = std::make_shared<model::RunEstimator>(modelDir.toStdString());
            } catch (const std::exception &failure) {
                loaded.error = QString::fromUtf8(failure.what());
            }
            return loaded;
        }));
    }
    if (m_loading.isRunning() && wait) {
        m_loading.waitForFinished();
        onLoaded();
    }
    if (m_loading.isRunning()) {
        if (error)
            *error = tr("reading the checkpoint's tokenizer...");
        return nullptr;
    }
    if (!m_estimator && error)
        *error = m_folderError;
    return m_estimator.get();
}

void RunEstimateService::onLoaded()
{
    if (!m_loading.isFinished() || m_loading.isCanceled())
        return;
    const Loaded loaded = m_loading.result();
    if (loaded.estimator && loaded.estimator->modelDir() != m_folder.toStdString())
        return; // a folder chosen since
    const bool changed = m_estimator != loaded.estimator || m_folderError != loaded.error;
    m_estimator = loaded.estimator;
    m_folderError = loaded.error;
    if (changed)
        Q_EMIT estimatorReady();
}

std::optional<RunEstimateResult> RunEstimateService::estimate(const EngineSettings &engine,
                                                              const QList<QSize> &images,
                                                              const QString &query, QString *error,
                                                              bool wait)
{
    if (engine.effectiveBackend() == BackendKind::Remote) {
        *error = tr("the remote endpoint answers: its server's speed is not known here");
        return std::nullopt;
    }
    if (engine.effectiveBackend() == BackendKind::Assistant) {
        *error = tr("no Migician checkpoint: the built-in assistant answers at once");
        return std::nullopt;
    }
    const model::RunEstimator *estimator = this->estimator(engine.modelDir, error, wait);
    if (!estimator)
        return std::nullopt;
    try {
        model::ResizeLimits limits;
        limits.minPixels = engine.minPixels;
        limits.maxPixels = engine.maxPixels;
        const auto plan = estimator->plan(
                sizesOf(images),
                std::vector<model::ResizeLimits>(std::size_t(images.size()), limits),
                query.toStdString());
        const model::Device device = deviceOf(engine);
        const model::DType requested = requestedDtype(engine);
        const model::DType resolved = model::resolveDType(requested, estimator->config(), device);
        RunEstimateResult result;
        result.residentNow = model::currentResidentBytes();
        result.estimate = estimator->estimate(plan, engine.maxNewTokens, device, requested,
                                              SpeedCalibrationStore::load(device, resolved));
        return result;
    } catch (const std::exception &failure) {
        *error = QString::fromUtf8(failure.what());
        return std::nullopt;
    }
}

std::optional<qint64> RunEstimateService::lowerPixelLimit(const EngineSettings &engine,
                                                          const QList<QSize> &images,
                                                          const QString &query, double seconds)
{
    constexpr qint64 kPatch = 28 * 28;
    EngineSettings lower = engine;
    // Halving the pixel budget roughly halves the image tokens; 12 steps reach any minimum.
    for (qint64 pixels = (engine.maxPixels / 2 / kPatch) * kPatch;
         pixels > 0 && pixels >= engine.minPixels; pixels = (pixels / 2 / kPatch) * kPatch) {
        lower.maxPixels = pixels;
        QString error;
        const auto result = estimate(lower, images, query, &error);
        if (!result)
            return std::nullopt;
        if (result->fits() && result->estimate.time.totalSeconds() <= seconds)
            return pixels;
        if (pixels == kPatch)
            break;
    }
    return std::nullopt;
}

QString RunEstimateService::formatBytes(std::int64_t bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

QString RunEstimateService::formatSeconds(double seconds)
{
    if (seconds < 1)
        return tr("under 1 s");
    if (seconds < 90)
        return tr("%1 s").arg(qRound(seconds));
    const int total = qRound(seconds);
    if (total < 3600)
        return tr("%1 min %2 s").arg(total / 60).arg(total % 60);
    return tr("%1 h %2 min").arg(total / 3600).arg((total % 3600) / 60);
}

QString RunEstimateService::summary(const RunEstimateResult &result)
{
    const model::RunEstimate &e = result.estimate;
    QStringList perImage;
    for (int tokens : e.imageTokens)
        perImage << QLocale().toString(tokens);
    const QString tokens = perImage.isEmpty()
                                   ? tr("%1 tokens").arg(QLocale().toString(e.promptTokens))
                                   : tr("%1 tokens (text %2 + images %3)")
                                             .arg(QLocale().toString(e.promptTokens))
                                             .arg(QLocale().toString(e.textTokens))
                                             .arg(perImage.join(QStringLiteral(" + ")));
    const QString memory
            = e.availableBytes < 0
                      ? tr("needs %1").arg(formatBytes(e.memory.total()))
                      : tr("needs %1, %2 free")
                                .arg(formatBytes(e.additionalBytes(result.residentNow)),
                                     formatBytes(e.availableBytes));
    const QString time = e.time.calibrated
                                 ? tr("~%1").arg(formatSeconds(e.time.totalSeconds()))
                                 : tr("~%1 (rough: from token counts, not measured here yet)")
                                           .arg(formatSeconds(e.time.totalSeconds()));
    return QStringLiteral("%1  |  %2  |  %3").arg(tokens, memory, time);
}

QString RunEstimateService::details(const RunEstimateResult &result)
{
    const model::RunEstimate &e = result.estimate;
    const auto &m = e.memory;
    QStringList lines;
    lines << tr("Prompt: %1 tokens (text %2, images %3), up to %4 new tokens")
                     .arg(e.promptTokens)
                     .arg(e.textTokens)
                     .arg(e.promptTokens - e.textTokens)
                     .arg(e.maxNewTokens);
    lines << tr("Memory on %1 in %2: weights %3%4, KV cache %5, activations %6 (%7 attention), "
                "runtime %8")
                     .arg(QLatin1String(model::deviceName(e.device)),
                          QLatin1String(model::dtypeName(e.dtype)), formatBytes(m.weights),
                          m.mappedSource > 0
                                  ? tr(" + %1 mapped checkpoint").arg(formatBytes(m.mappedSource))
                                  : QString(),
                          formatBytes(m.kvCache), formatBytes(m.activations),
                          e.attention == model::AttentionPath::Fused ? tr("fused") : tr("explicit"),
                          formatBytes(m.runtime));
    if (e.availableBytes >= 0)
        lines << tr("Still needed: %1 of %2 free")
                         .arg(formatBytes(e.additionalBytes(result.residentNow)),
                              formatBytes(e.availableBytes));
    lines << tr("Time: vision %1, prefill %2, decode %3 (%4)")
                     .arg(formatSeconds(e.time.visionSeconds), formatSeconds(e.time.prefillSeconds),
                          formatSeconds(e.time.decodeSeconds),
                          e.time.calibrated ? tr("this machine's measured speed")
                                            : tr("an estimate from token counts only: no run "
                                                 "measured on this machine yet"));
    return lines.join(QLatin1Char('\n'));
}

} // namespace migician::ui
