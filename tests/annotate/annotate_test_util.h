// Helpers shared by the annotate/ tests.
#pragma once

#include "annotate/project_store.h"

#include <QCryptographicHash>
#include <QFile>
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

inline int countRows(const annotate::ProjectStore &store, const QString &table)
{
    QSqlQuery q(store.database());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM ") + table) || !q.next())
        return -1;
    return q.value(0).toInt();
}

} // namespace migician::test
