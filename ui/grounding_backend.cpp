#include "ui/grounding_backend.h"

#include "model/model_error.h"
#include "ui/image_decoder.h"
#include "ui/remote_backend.h"

namespace migician::ui {

QString backendKindName(BackendKind kind)
{
    switch (kind) {
    case BackendKind::Local:
        return QStringLiteral("local");
    case BackendKind::Remote:
        return QStringLiteral("remote");
    case BackendKind::Assistant:
        return QStringLiteral("assistant");
    }
    return QStringLiteral("local");
}

BackendKind parseBackendKind(const QString &name, bool *ok)
{
    if (ok)
        *ok = true;
    if (name == QLatin1String("local"))
        return BackendKind::Local;
    if (name == QLatin1String("remote"))
        return BackendKind::Remote;
    if (name == QLatin1String("assistant"))
        return BackendKind::Assistant;
    if (ok)
        *ok = false;
    return BackendKind::Local;
}

QStringList RemoteSettings::allUrls() const
{
    QStringList urls;
    for (const QString &candidate : QStringList{url} + moreUrls) {
        const QString trimmed = candidate.trimmed();
        if (!trimmed.isEmpty() && !urls.contains(trimmed))
            urls << trimmed;
    }
    return urls;
}

bool RemoteSettings::operator==(const RemoteSettings &o) const
{
    return url == o.url && servedModel == o.servedModel && apiKeyFile == o.apiKeyFile
           && caCertFile == o.caCertFile && connectTimeoutSeconds == o.connectTimeoutSeconds
           && idleTimeoutSeconds == o.idleTimeoutSeconds && moreUrls == o.moreUrls
           && concurrency == o.concurrency;
}

bool EngineSettings::operator==(const EngineSettings &o) const
{
    return backend == o.backend && modelDir == o.modelDir && device == o.device && dtype == o.dtype
           && minPixels == o.minPixels && maxPixels == o.maxPixels && maxNewTokens == o.maxNewTokens
           && remote == o.remote;
}

BackendKind EngineSettings::effectiveBackend() const
{
    if (backend == BackendKind::Local && modelDir.trimmed().isEmpty())
        return BackendKind::Assistant;
    return backend;
}

std::unique_ptr<GroundingBackend> makeBackend(const EngineSettings &settings,
                                              std::shared_ptr<model::SharedEngine> engines)
{
    switch (settings.effectiveBackend()) {
    case BackendKind::Local:
        return makeMigicianBackend(std::move(engines), settings.modelDir, settings.device,
                                   settings.dtype);
    case BackendKind::Remote: {
        const QStringList urls = settings.remote.allUrls();
        return makeRemoteBackend(endpointSettings(settings.remote, urls.value(0)),
                                 remoteGenerationConfig(settings.modelDir));
    }
    case BackendKind::Assistant:
        break;
    }
    return makeAssistantBackend();
}

QList<annotate::PredictedBox> caseBoxes(const std::vector<model::ParsedBox> &boxes,
                                        const QList<QImage> &caseImages)
{
    QList<annotate::PredictedBox> onCase;
    const int caseCount = int(caseImages.size());
    for (const model::ParsedBox &box : boxes) {
        annotate::PredictedBox predicted;
        predicted.image
                = box.image >= 1 && box.image <= caseCount ? box.image : (caseCount == 1 ? 1 : 0);
        if (predicted.image == 0)
            continue;
        predicted.box = annotate::NormBox{box.x1, box.y1, box.x2, box.y2};
        const QImage &image = caseImages[predicted.image - 1];
        predicted.pixels = predicted.box.toPixels(image.width(), image.height());
        onCase << predicted;
    }
    return onCase;
}

model::GroundingRequest benchRequest(const annotate::EvaluationProtocol &protocol,
                                     const annotate::BenchCase &benchCase,
                                     const QList<QImage> &images,
                                     const model::SamplingOptions &sampling)
{
    model::GroundingRequest request;
    model::ResizeLimits limits;
    limits.minPixels = protocol.minPixels;
    limits.maxPixels = protocol.maxPixels;
    for (const QImage &image : images) {
        request.images.push_back(fromQImage(image));
        request.limits.push_back(limits);
    }
    request.query = protocol.question(benchCase).toStdString();
    request.sampling = sampling;
    return request;
}

void fillBenchAnswer(const model::GroundingResult &result, BackendAnswer *answer)
{
    // batch_decode(..., skip_special_tokens=True): the official scorer reads this text.
    answer->text = QString::fromStdString(result.plainText);
    for (const model::TokenId id : result.tokenIds)
        answer->tokenIds << qint64(id);
    for (const model::ParsedBox &box : result.answer.boxes) {
        annotate::PredictedBox predicted;
        predicted.image = box.image;
        predicted.box = annotate::NormBox{box.x1, box.y1, box.x2, box.y2};
        answer->boxes << predicted;
    }
}

model::GroundingRequest groundingRequest(const GroundingQuery &query)
{
    model::GroundingRequest request;
    for (const QImage &image : query.images) {
        if (image.isNull())
            throw model::ModelError("Image-" + std::to_string(request.images.size() + 1),
                                    "the image could not be read");
        request.images.push_back(fromQImage(image));
    }
    for (const VisualReference &reference : query.references) {
        if (reference.crop.isNull())
            throw model::ModelError("Image-" + std::to_string(request.images.size() + 1),
                                    "the visual reference is empty");
        request.images.push_back(fromQImage(reference.crop));
    }
    request.limits.assign(request.images.size(), query.limits);
    request.query = query.text.toStdString();
    return request;
}

} // namespace migician::ui
