#include "app_settings.h"

#include <QSettings>

namespace migician::ui {

namespace {
QString defaultAuthor()
{
    const QString user = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    return user.isEmpty() ? QStringLiteral("annotator") : user;
}
} // namespace

AppSettings AppSettings::load()
{
    QSettings s;
    AppSettings a;
    a.engine.modelDir = s.value(QStringLiteral("model/folder")).toString();
    a.engine.device = s.value(QStringLiteral("model/device"), a.engine.device).toString();
    a.engine.dtype = s.value(QStringLiteral("model/dtype"), a.engine.dtype).toString();
    a.engine.minPixels
            = s.value(QStringLiteral("model/minPixels"), a.engine.minPixels).toLongLong();
    a.engine.maxPixels
            = s.value(QStringLiteral("model/maxPixels"), a.engine.maxPixels).toLongLong();
    a.engine.maxNewTokens
            = s.value(QStringLiteral("model/maxNewTokens"), a.engine.maxNewTokens).toInt();
    // Before the backend choice existed, an empty folder meant the assistant: Local still does.
    a.engine.backend = parseBackendKind(
            s.value(QStringLiteral("backend/kind"), QStringLiteral("local")).toString());
    RemoteSettings &r = a.engine.remote;
    r.url = s.value(QStringLiteral("backend/url")).toString();
    r.servedModel = s.value(QStringLiteral("backend/servedModel")).toString();
    r.apiKeyFile = s.value(QStringLiteral("backend/apiKeyFile")).toString();
    r.caCertFile = s.value(QStringLiteral("backend/caCertFile")).toString();
    r.connectTimeoutSeconds
            = s.value(QStringLiteral("backend/connectTimeout"), r.connectTimeoutSeconds).toDouble();
    r.idleTimeoutSeconds
            = s.value(QStringLiteral("backend/idleTimeout"), r.idleTimeoutSeconds).toDouble();
    r.moreUrls = s.value(QStringLiteral("backend/moreUrls")).toStringList();
    r.concurrency = s.value(QStringLiteral("backend/concurrency"), r.concurrency).toInt();
    a.author = s.value(QStringLiteral("user/author"), defaultAuthor()).toString();
    a.language = s.value(QStringLiteral("user/language")).toString();
    return a;
}

void AppSettings::save() const
{
    QSettings s;
    s.setValue(QStringLiteral("model/folder"), engine.modelDir);
    s.setValue(QStringLiteral("model/device"), engine.device);
    s.setValue(QStringLiteral("model/dtype"), engine.dtype);
    s.setValue(QStringLiteral("model/minPixels"), engine.minPixels);
    s.setValue(QStringLiteral("model/maxPixels"), engine.maxPixels);
    s.setValue(QStringLiteral("model/maxNewTokens"), engine.maxNewTokens);
    // Never the API key itself: only the file it is read from.
    s.setValue(QStringLiteral("backend/kind"), backendKindName(engine.backend));
    s.setValue(QStringLiteral("backend/url"), engine.remote.url);
    s.setValue(QStringLiteral("backend/servedModel"), engine.remote.servedModel);
    s.setValue(QStringLiteral("backend/apiKeyFile"), engine.remote.apiKeyFile);
    s.setValue(QStringLiteral("backend/caCertFile"), engine.remote.caCertFile);
    s.setValue(QStringLiteral("backend/connectTimeout"), engine.remote.connectTimeoutSeconds);
    s.setValue(QStringLiteral("backend/idleTimeout"), engine.remote.idleTimeoutSeconds);
    s.setValue(QStringLiteral("backend/moreUrls"), engine.remote.moreUrls);
    s.setValue(QStringLiteral("backend/concurrency"), engine.remote.concurrency);
    s.setValue(QStringLiteral("user/author"), author);
    s.setValue(QStringLiteral("user/language"), language);
}

} // namespace migician::ui
