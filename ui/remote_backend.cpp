#include "ui/remote_backend.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

namespace migician::ui {

model::GenerationConfig remoteGenerationConfig(const QString &modelDir)
{
    const QString file = modelDir + QStringLiteral("/generation_config.json");
    if (!modelDir.isEmpty() && QFile::exists(file))
        return model::GenerationConfig::fromFile(file.toStdString());
    return publishedGenerationConfig();
}

EndpointSettings endpointSettings(const RemoteSettings &remote, const QString &url)
{
    EndpointSettings settings;
    settings.baseUrl = url.trimmed().toStdString();
    settings.servedModel = remote.servedModel.trimmed().toStdString();
    settings.apiKey = loadApiKey(remote.apiKeyFile.trimmed().toStdString());
    settings.caCertFile = remote.caCertFile.trimmed().toStdString();
    settings.connectTimeoutSeconds = remote.connectTimeoutSeconds;
    settings.idleTimeoutSeconds = remote.idleTimeoutSeconds;
    return settings;
}

namespace {

// Failures of the server rather than of the case: another endpoint (or a later run) may answer.
bool isEndpointFailure(RemoteErrorKind kind)
{
    switch (kind) {
    case RemoteErrorKind::BadRequest:
    case RemoteErrorKind::PayloadTooLarge:
    case RemoteErrorKind::Cancelled:
        return false;
    default:
        return true;
    }
}

QJsonObject samplingJson(const model::SamplingOptions &sampling)
{
    return QJsonObject{{QStringLiteral("do_sample"), sampling.doSample},
                       {QStringLiteral("temperature"), sampling.temperature},
                       {QStringLiteral("top_p"), sampling.topP},
                       {QStringLiteral("top_k"), sampling.topK},
                       {QStringLiteral("repetition_penalty"), sampling.repetitionPenalty},
                       {QStringLiteral("max_new_tokens"), sampling.maxNewTokens}};
}

class RemoteBackend final : public GroundingBackend
{
public:
    RemoteBackend(const EndpointSettings &settings, const model::GenerationConfig &defaults)
        : m_endpoint(settings)
        , m_defaults(defaults)
    {}

    QString name() const override { return QStringLiteral("remote"); }
    QString label() const override
    {
        const QString url = QString::fromStdString(m_endpoint.url().display());
        const std::string &model = m_endpoint.settings().servedModel;
        return model.empty() ? url
                             : QStringLiteral("%1 (%2)").arg(url, QString::fromStdString(model));
    }

    model::SamplingOptions defaultSampling(const model::RunControl &) override
    {
        return model::SamplingOptions::fromGenerationConfig(m_defaults);
    }

    GroundingOutcome ground(const GroundingQuery &query,
                            const GroundingCallbacks &callbacks) override
    {
        model::GroundingRequest request = groundingRequest(query);
        request.sampling = query.sampling
                                   ? *query.sampling
                                   : model::SamplingOptions::fromGenerationConfig(m_defaults);
        if (query.maxNewTokens > 0)
            request.sampling.maxNewTokens = query.maxNewTokens;
        RemoteCallbacks remote;
        remote.cancel = callbacks.control.cancel;
        if (callbacks.onText)
            remote.onText = [&](const std::string &textSoFar) {
                callbacks.onText(-1, QString::fromStdString(textSoFar));
            };
        if (callbacks.onRetry)
            remote.onRetry = [&](int attempt, double delay, const std::string &why) {
                callbacks.onRetry(attempt, delay, QString::fromStdString(why));
            };
        if (callbacks.onStage)
            callbacks.onStage(model::Stage::Prefill); // the server's stages are not seen
        GroundingOutcome outcome;
        try {
            const RemoteGroundingResult answered = m_endpoint.ground(request, remote);
            outcome.result = answered.result;
            outcome.stagesKnown = answered.serverTimings;
            outcome.about = QJsonObject{
                    {QStringLiteral("url"), QString::fromStdString(m_endpoint.url().display())},
                    {QStringLiteral("served_model"), QString::fromStdString(answered.servedModel)},
                    {QStringLiteral("finish_reason"),
                     QString::fromStdString(answered.finishReason)},
                    {QStringLiteral("request_ms"), answered.requestMs},
                    {QStringLiteral("attempts"), answered.attempts}};
            outcome.backendLabel = QStringLiteral("%1 (%2)").arg(
                    QString::fromStdString(m_endpoint.url().display()),
                    QString::fromStdString(answered.servedModel));
        } catch (const RemoteError &error) {
            if (error.kind() != RemoteErrorKind::Cancelled)
                throw;
            outcome.result.cancelled = true;
            outcome.backendLabel = label();
        }
        outcome.boxes = caseBoxes(outcome.result.answer.boxes, query.images);
        return outcome;
    }

    bool prepare(annotate::EvaluationProtocol *protocol, QString *error,
                 const model::RunControl &control) override
    {
        try {
            // The same sampling the local engine resolves from generation_config.json, sent
            // explicitly, so that the server's own defaults do not matter.
            const auto fromConfig = model::SamplingOptions::fromGenerationConfig(m_defaults);
            m_sampling = protocol->sampling == annotate::EvaluationProtocol::Sampling::Greedy
                                 ? model::SamplingOptions::greedy()
                                 : fromConfig;
            m_sampling.stopTokenIds = fromConfig.stopTokenIds;
            m_sampling.maxNewTokens = protocol->maxNewTokens;
            const std::string served = m_endpoint.servedModel(control.cancel);
            protocol->backend = QJsonObject{
                    {QStringLiteral("name"), name()},
                    {QStringLiteral("endpoints"),
                     QJsonArray{QJsonObject{
                             {QStringLiteral("url"),
                              QString::fromStdString(m_endpoint.url().display())},
                             {QStringLiteral("served_model"), QString::fromStdString(served)}}}},
                    {QStringLiteral("served_model"), QString::fromStdString(served)},
                    {QStringLiteral("sampling"), samplingJson(m_sampling)}};
            m_protocol = *protocol;
            return true;
        } catch (const RemoteError &failure) {
            if (failure.kind() == RemoteErrorKind::Cancelled) {
                error->clear();
                return false;
            }
            *error = QString::fromUtf8(failure.what());
        } catch (const std::exception &failure) {
            *error = QString::fromUtf8(failure.what());
        }
        return false;
    }

    BackendAnswer answer(const annotate::BenchCase &benchCase, const QList<QImage> &images,
                         const model::RunControl &control) override
    {
        BackendAnswer answer;
        answer.prompt = m_protocol.question(benchCase);
        const model::GroundingRequest request
                = benchRequest(m_protocol, benchCase, images, m_sampling);
        RemoteCallbacks callbacks;
        callbacks.cancel = control.cancel;
        try {
            fillBenchAnswer(m_endpoint.ground(request, callbacks).result, &answer);
        } catch (const RemoteError &error) {
            if (error.kind() == RemoteErrorKind::Cancelled) {
                answer.cancelled = true;
            } else {
                answer.failure
                        = QStringLiteral("%1: %2").arg(label(), QString::fromUtf8(error.what()));
                answer.retryElsewhere = isEndpointFailure(error.kind());
            }
        } catch (const std::exception &error) {
            answer.failure = QString::fromUtf8(error.what());
        }
        return answer;
    }

private:
    RemoteEndpoint m_endpoint;
    model::GenerationConfig m_defaults;
    annotate::EvaluationProtocol m_protocol;
    model::SamplingOptions m_sampling;
};

} // namespace

bool prepareEndpoints(const QList<EndpointSettings> &endpoints,
                      const model::GenerationConfig &defaults, int concurrency,
                      annotate::EvaluationProtocol *protocol,
                      std::vector<std::unique_ptr<GroundingBackend>> *backends,
                      QStringList *warnings, QString *error, const model::RunControl &control)
{
    backends->clear();
    // What the endpoints run is the server's business: the protocol records it as such.
    protocol->device = QStringLiteral("remote");
    protocol->dtype = QStringLiteral("as served");
    QJsonArray used;
    QJsonObject first;
    QString firstError;
    for (const EndpointSettings &settings : endpoints) {
        QString failure;
        std::unique_ptr<GroundingBackend> backend;
        try {
            backend = makeRemoteBackend(settings, defaults);
        } catch (const std::exception &invalid) {
            failure = QString::fromUtf8(invalid.what());
        }
        annotate::EvaluationProtocol prepared = *protocol;
        if (backend && backend->prepare(&prepared, &failure, control)) {
            used.append(prepared.backend.value(QStringLiteral("endpoints")).toArray().first());
            if (first.isEmpty())
                first = prepared.backend;
            backends->push_back(std::move(backend));
            continue;
        }
        if (control.cancelled()) {
            error->clear();
            return false;
        }
        const QString line
                = QStringLiteral("%1: %2").arg(QString::fromStdString(settings.baseUrl), failure);
        if (firstError.isEmpty())
            firstError = line;
        *warnings << line;
    }
    if (backends->empty()) {
        *error = endpoints.isEmpty() ? QStringLiteral("no endpoint given") : firstError;
        return false;
    }
    first.insert(QStringLiteral("endpoints"), used);
    first.insert(QStringLiteral("concurrency"), concurrency);
    protocol->backend = first;
    return true;
}

std::unique_ptr<GroundingBackend> makeRemoteBackend(const EndpointSettings &settings,
                                                    const model::GenerationConfig &defaults)
{
    return std::make_unique<RemoteBackend>(settings, defaults);
}

} // namespace migician::ui
