#include "endpoint_flags.h"

namespace migician::cli {

void EndpointFlags::add(QCommandLineParser &parser)
{
    parser.addOptions({endpoint, servedModel, apiKeyFile, noStream, connectTimeout, idleTimeout,
                       caCert, retries});
}

bool EndpointFlags::read(const QCommandLineParser &parser, ui::EndpointSettings *settings,
                         QString *error) const
{
    settings->baseUrl = parser.value(endpoint).toStdString();
    settings->servedModel = parser.value(servedModel).toStdString();
    settings->stream = !parser.isSet(noStream);
    settings->caCertFile = parser.value(caCert).toStdString();
    const auto positive = [&](const QCommandLineOption &option, double *out) {
        if (!parser.isSet(option))
            return true;
        bool ok = false;
        const double value = parser.value(option).toDouble(&ok);
        if (!ok || value <= 0) {
            *error = QStringLiteral("--%1 expects a positive number, not '%2'")
                             .arg(option.names().first(), parser.value(option));
            return false;
        }
        *out = value;
        return true;
    };
    double tries = settings->retry.maxAttempts;
    if (!positive(connectTimeout, &settings->connectTimeoutSeconds)
        || !positive(idleTimeout, &settings->idleTimeoutSeconds) || !positive(retries, &tries))
        return false;
    settings->retry.maxAttempts = int(tries);
    settings->apiKey = ui::loadApiKey(parser.value(apiKeyFile).toStdString());
    return true;
}

bool EndpointFlags::readAll(const QCommandLineParser &parser, QList<ui::EndpointSettings> *settings,
                            QString *error) const
{
    ui::EndpointSettings shared;
    if (!read(parser, &shared, error))
        return false;
    settings->clear();
    for (const QString &url : parser.values(endpoint)) {
        ui::EndpointSettings one = shared;
        one.baseUrl = url.toStdString();
        *settings << one;
    }
    return true;
}

} // namespace migician::cli
