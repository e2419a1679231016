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
    s.setValue(QStringLiteral("user/author"), author);
    s.setValue(QStringLiteral("user/language"), language);
}

} // namespace migician::ui
