// Helpers shared by the annotate/ tests.
#pragma once

#include "annotate/project_store.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QString>

namespace migician::test {

inline QString sharedFile(const char *relative)
{
    return QStringLiteral(MIGICIAN_SHARED_DIR "/") + QLatin1String(relative);
}

inline QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return "missing";
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex();
}

inline void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    file.open(QIODevice::WriteOnly | QIODevice::Truncate);
    file.write(bytes);
}

// A small file whose content is its own path (so every such file hashes differently), with its
// folders made.
inline QString makeFile(const QString &path)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    writeFile(path, path.toUtf8());
    return path;
}

inline int countRows(const annotate::ProjectStore &store, const QString &table)
{
    QSqlQuery q(store.database());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM ") + table) || !q.next())
        return -1;
    return q.value(0).toInt();
}

} // namespace migician::test
