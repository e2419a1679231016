// The flags that point `migician ground` and `migician eval` at OpenAI-compatible servers:
// --endpoint URL (repeatable for eval), --served-model, --api-key-file, timeouts, retries.
#pragma once

#include "ui/remote_endpoint.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>
#include <QString>

namespace migician::cli {

struct EndpointFlags
{
    QCommandLineOption endpoint{QStringLiteral("endpoint"),
                                QStringLiteral("Run on an OpenAI-compatible server (vLLM, SGLang, "
                                               "llama.cpp, migician serve) at this base URL."),
                                QStringLiteral("URL")};
    QCommandLineOption servedModel{
            QStringLiteral("served-model"),
            QStringLiteral("Model name on the server (default: the first of GET /v1/models)."),
            QStringLiteral("NAME")};
    QCommandLineOption apiKeyFile{QStringLiteral("api-key-file"),
                                  QStringLiteral("File holding the API key (default: the "
                                                 "MIGICIAN_API_KEY environment variable)."),
                                  QStringLiteral("FILE")};
    QCommandLineOption noStream{QStringLiteral("no-stream"),
                                QStringLiteral("Ask for the whole answer at once instead of a "
                                               "token stream.")};
    QCommandLineOption connectTimeout{QStringLiteral("connect-timeout"),
                                      QStringLiteral("Seconds to wait for a connection (10)."),
                                      QStringLiteral("S")};
    QCommandLineOption idleTimeout{QStringLiteral("idle-timeout"),
                                   QStringLiteral("Seconds the server may stay silent (600)."),
                                   QStringLiteral("S")};
    QCommandLineOption caCert{QStringLiteral("ca-cert"),
                              QStringLiteral("CA bundle for an https endpoint with a private CA."),
                              QStringLiteral("FILE")};
    QCommandLineOption retries{QStringLiteral("retries"),
                               QStringLiteral("Tries in all when the server is busy (429/503; "
                                              "default 5)."),
                               QStringLiteral("N")};

    void add(QCommandLineParser &parser);

    // The settings for the first --endpoint. Throws RemoteError for an unreadable key file.
    bool read(const QCommandLineParser &parser, ui::EndpointSettings *settings,
              QString *error) const;
    // One settings value per --endpoint, in order, the other flags shared.
    bool readAll(const QCommandLineParser &parser, QList<ui::EndpointSettings> *settings,
                 QString *error) const;
};

} // namespace migician::cli
