// Helpers shared by the annotate/ tests.
#pragma once

#include "annotate/project_store.h"
#include "annotate/store_schema.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
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

// The schema version that the migration holding `marker` (e.g. "CREATE TABLE case_runs") brings a
// file to, or -1. Migration tests start from the version just before it, so they stay right
// when the integrator renumbers or appends migrations.
inline int schemaVersionWith(const QString &marker)
{
    const auto &migrations = annotate::schemaMigrations();
    for (size_t i = 0; i < migrations.size(); ++i)
        for (const QString &statement : migrations[i])
            if (statement.contains(marker))
                return int(i) + 1;
    return -1;
}

// Writes a project file as a build of schema `version` would have: its migrations, then `rows`.
// Returns an empty string, or the statement that failed with SQLite's message.
inline QString writeProjectOfVersion(const QString &file, int version, const QStringList &rows)
{
    QString failure;
    const QString connection = QStringLiteral("old-version-") + file;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(file);
        if (!db.open())
            return db.lastError().text();
        QSqlQuery q(db);
        QStringList statements;
        for (int i = 0; i < version; ++i)
            statements += annotate::schemaMigrations().at(size_t(i));
        statements += rows;
        statements += QStringLiteral("PRAGMA user_version = %1").arg(version);
        for (const QString &statement : statements)
            if (failure.isEmpty() && !q.exec(statement))
                failure = statement + QStringLiteral(": ") + q.lastError().text();
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return failure;
}

} // namespace migician::test
