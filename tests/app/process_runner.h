// Runs one of the built executables the way a user would and collects what it printed.
#pragma once

#include <QByteArray>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace migician::test {

inline QString appBinary(const char *name)
{
    return QStringLiteral(MIGICIAN_BINARY_DIR "/app/") + QLatin1String(name);
}

struct ProcessResult
{
    int exitCode = -1; // -1: did not start, crashed or timed out
    QByteArray out;
    QString err;

    QList<QByteArray> lines() const
    {
        QByteArray text = out;
        if (text.endsWith('\n'))
            text.chop(1);
        return text.isEmpty() ? QList<QByteArray>() : text.split('\n');
    }
};

inline ProcessResult runProcess(const QString &program, const QStringList &arguments,
                                const QByteArray &input = {}, int timeoutMs = 300000)
{
    QProcess process;
    process.start(program, arguments);
    ProcessResult result;
    if (!process.waitForStarted(30000))
        return result;
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

} // namespace migician::test
