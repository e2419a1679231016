// The tiny fixture checkpoint's cases (cases.json) and, for one case, the image and query
// arguments `migician prompt` and `migician ground` take, with the case's resize limit.
#pragma once

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace migician::test {

inline const QString kTinyModel = QStringLiteral(MIGICIAN_SHARED_DIR "/fixtures/qwen2vl-tiny");

inline QJsonArray fixtureCases()
{
    QFile file(kTinyModel + QStringLiteral("/cases.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String("cases")).toArray();
}

inline QStringList imageArguments(const QJsonObject &testCase)
{
    QStringList arguments;
    const QJsonArray images = testCase.value(QLatin1String("images")).toArray();
    for (const auto &image : images)
        arguments << QStringLiteral("--image")
                  << kTinyModel + QLatin1Char('/')
                             + image.toObject().value(QLatin1String("file")).toString();
    if (!images.isEmpty())
        arguments << QStringLiteral("--max-pixels")
                  << QString::number(images.first()
                                             .toObject()
                                             .value(QLatin1String("max_pixels"))
                                             .toInteger());
    arguments << QStringLiteral("--query") << testCase.value(QLatin1String("query")).toString();
    return arguments;
}

} // namespace migician::test
