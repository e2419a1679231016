// A GroundingBackend on an OpenAI-compatible server (remote_endpoint.h does the HTTP): the same
// prompt, image resizing and sampling as the local engine, so the answers match it.
//
// Threading: ground() and answer() may be called from several threads at once (each call opens its
// own connection); prepare() first, from one thread.
#pragma once

#include "ui/grounding_backend.h"
#include "ui/remote_endpoint.h"

#include <QString>

#include <memory>

namespace migician::ui {

// The sampling defaults for a remote model: the generation_config.json of `modelDir` when it has
// one (only that file is read), else the one Qwen2-VL and Migician ship.
model::GenerationConfig remoteGenerationConfig(const QString &modelDir);

// The endpoint settings of `remote` for `url` (one of remote.allUrls()), the API key read from
// remote.apiKeyFile or MIGICIAN_API_KEY. Throws RemoteError(ApiKey).
EndpointSettings endpointSettings(const RemoteSettings &remote, const QString &url);

// `defaults`: the sampling a query that names none uses (and the bench protocol's
// generation_config).
std::unique_ptr<GroundingBackend> makeRemoteBackend(const EndpointSettings &settings,
                                                    const model::GenerationConfig &defaults);

// A bench run over several endpoints of one model (evaluation_runner.h spreads the cases): one
// prepared backend per endpoint. An endpoint that cannot be prepared (down, wrong key, unknown
// model) is left out with a line in *warnings; false and *error when none is left. On success
// protocol->backend lists every endpoint used with its served model, and the concurrency.
bool prepareEndpoints(const QList<EndpointSettings> &endpoints,
                      const model::GenerationConfig &defaults, int concurrency,
                      annotate::EvaluationProtocol *protocol,
                      std::vector<std::unique_ptr<GroundingBackend>> *backends,
                      QStringList *warnings, QString *error, const model::RunControl &control = {});

} // namespace migician::ui
