// Small file helpers shared by the command-line tests that write inputs and read outputs.
#pragma once

#include "process_runner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace migician::test {

inline const QString kRealBench
        = QStringLiteral(MIGICIAN_SHARED_DIR "/data/mig-bench/MIG_data.json");
constexpr int kRealBenchCases = 4295;

inline ProcessResult runMigician(const QStringList &arguments)
{
    return runProcess(appBinary("migician"), arguments, {}, 120000);
}

inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
           && file.write(bytes) == bytes.size();
}

inline QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

inline QJsonDocument readJson(const QString &path)
{
    return QJsonDocument::fromJson(readFile(path));
}

inline QByteArray compact(const QJsonArray &array)
{
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

} // namespace migician::test
