// A real `migician serve` process on a loopback port the OS picks, for the end-to-end tests: it
// is started with --port 0, its first stdout line gives the URL, and it is stopped with SIGTERM.
#pragma once

#include "process_runner.h"
#include "tiny_fixture_cases.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <memory>

namespace migician::test {

class ServeProcess
{
public:
    explicit ServeProcess(const QStringList &extra = {})
    {
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start(appBinary("migician"),
                        QStringList{QStringLiteral("serve"), QStringLiteral("--model"), kTinyModel,
                                    QStringLiteral("--port"), QStringLiteral("0"),
                                    QStringLiteral("--dtype"), QStringLiteral("float32"),
                                    QStringLiteral("--threads"), QStringLiteral("2")}
                                + extra);
        QElapsedTimer timer;
        timer.start();
        QByteArray line;
        while (!line.contains('\n') && timer.elapsed() < 120000
               && m_process.state() != QProcess::NotRunning) {
            m_process.waitForReadyRead(200);
            line += m_process.readAllStandardOutput();
        }
        const auto match
                = QRegularExpression(
                          QStringLiteral("^listening on (http://127\\.0\\.0\\.1:(\\d+))\\n"))
                          .match(QString::fromUtf8(line));
        if (match.hasMatch()) {
            m_url = match.captured(1);
            m_port = match.captured(2).toInt();
        }
        m_firstLine = QString::fromUtf8(line);
    }
    ~ServeProcess() { stop(); }

    bool isRunning() const { return m_port > 0 && m_process.state() == QProcess::Running; }
    QString url() const { return m_url; }
    int port() const { return m_port; }
    QString firstLine() const { return m_firstLine; }
    QString errors() { return m_errors += QString::fromUtf8(m_process.readAllStandardError()); }
    QProcess &process() { return m_process; }

    // SIGTERM, then waits; returns the exit code (-1 for a crash or a hang).
    int stop(int timeoutMs = 30000)
    {
        if (m_process.state() == QProcess::NotRunning)
            return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
        m_process.terminate();
        if (!m_process.waitForFinished(timeoutMs)) {
            m_process.kill();
            m_process.waitForFinished();
            return -1;
        }
        errors();
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }

private:
    QProcess m_process;
    QString m_url;
    QString m_firstLine;
    QString m_errors;
    int m_port = 0;
};

} // namespace migician::test
