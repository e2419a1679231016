// Which backend answers the workbench's queries, and how it is reached: the local Migician engine
// (a checkpoint folder, device, precision), an OpenAI-compatible server (vLLM, SGLang, llama.cpp,
// `migician serve`), or the built-in OpenCV assistant. Plain values; QSettings keeps them
// (app_settings.cpp). The API key itself is never stored: only the file it is read from, or the
// MIGICIAN_API_KEY environment variable.
#pragma once

#include <QString>
#include <QStringList>

namespace migician::ui {

enum class BackendKind { Local, Remote, Assistant };

// "local" | "remote" | "assistant", and back (unknown text: Local, with *ok false).
QString backendKindName(BackendKind kind);
BackendKind parseBackendKind(const QString &name, bool *ok = nullptr);

struct RemoteSettings
{
    QString url;         // http(s)://host[:port][/prefix]
    QString servedModel; // empty: the first model of GET /v1/models
    QString apiKeyFile;  // empty: MIGICIAN_API_KEY, or no key
    QString caCertFile;  // empty: the system's CA bundle
    double connectTimeoutSeconds = 10;
    double idleTimeoutSeconds = 600;
    // More servers of the same model for batch evaluation (the interactive query uses `url`).
    QStringList moreUrls;
    int concurrency = 4; // requests in flight per endpoint during a batch evaluation

    QStringList allUrls() const;
    bool operator==(const RemoteSettings &other) const;
};

struct EngineSettings
{
    BackendKind backend = BackendKind::Local; // Local without a folder answers with the assistant
    QString modelDir;                         // the local Migician checkpoint folder
    QString device = QStringLiteral("cpu");
    QString dtype = QStringLiteral("auto"); // the checkpoint's own dtype (model::resolveDType)
    qint64 minPixels = 3136;
    qint64 maxPixels = 1003520; // 1280*28*28: keeps CPU prompts tractable
    int maxNewTokens = 128;
    RemoteSettings remote;

    // The backend that actually answers: Local without a checkpoint folder is the assistant.
    BackendKind effectiveBackend() const;
    bool operator==(const EngineSettings &other) const;
};

} // namespace migician::ui
