// Helpers shared by the tests that run the tiny fixture checkpoint (qwen2vl-tiny) as the model:
// where it is, its reference cases (cases.json), and a timer-based stall detector for the GUI
// thread.
#pragma once

#include "annotate/project_store.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <algorithm>
#include <ctime>

namespace migician::test {

inline QString tinyCheckpoint()
{
    return QStringLiteral(MIGICIAN_SHARED_DIR "/fixtures/qwen2vl-tiny");
}

// One case of the fixture's cases.json by name; empty when it is missing.
inline QJsonObject tinyCase(const QString &name)
{
    QFile file(tinyCheckpoint() + QStringLiteral("/cases.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    for (const QJsonValue &c :
         QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("cases")).toArray())
        if (c.toObject().value(QStringLiteral("name")).toString() == name)
            return c.toObject();
    return {};
}

// A project file at `project` whose one case is the fixture case `c`'s first image with its query
// (images root: the fixture folder); empty when it cannot be written.
inline QString writeTinyProject(const QString &project, const QJsonObject &c)
{
    auto store = annotate::ProjectStore::open(project);
    if (!store || !store.value()->setImagesRoot(tinyCheckpoint()))
        return {};
    annotate::NewCase newCase;
    newCase.source = QStringLiteral("qwen2vl-tiny");
    newCase.sourceIndex = 0;
    newCase.task = QStringLiteral("single_grounding");
    newCase.question = c.value(QStringLiteral("query")).toString();
    newCase.imagePaths = {c.value(QStringLiteral("images"))
                                  .toArray()
                                  .first()
                                  .toObject()
                                  .value(QStringLiteral("file"))
                                  .toString()};
    newCase.additionalInfo = QStringLiteral("");
    return store.value()->addCase(newCase) ? project : QString();
}

inline QList<qint64> tokenIds(const QJsonValue &array)
{
    QList<qint64> result;
    for (const QJsonValue &v : array.toArray())
        result << v.toInteger();
    return result;
}

// Records the longest stretch the GUI thread spent working without returning to its event loop
// (the stall the workbench must keep under 50 ms): the thread's own CPU time between two ticks of
// a 5 ms timer on it. CPU time, not wall time, so that a loaded machine descheduling the thread
// is not mistaken for work done on it; wall-clock gaps are kept for the log.
class StallDetector : public QObject
{
public:
    StallDetector()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(5);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 cpu = threadCpuMicroseconds();
            m_longest = std::max(m_longest, (cpu - m_lastCpu) / 1000);
            m_lastCpu = cpu;
            m_longestWall = std::max(m_longestWall, m_clock.restart());
        });
        m_lastCpu = threadCpuMicroseconds();
        m_clock.start();
        m_timer.start();
    }
    qint64 longestMs() const { return m_longest; }
    qint64 longestWallMs() const { return m_longestWall; }

private:
    static qint64 threadCpuMicroseconds()
    {
        timespec now{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
        return qint64(now.tv_sec) * 1000000 + now.tv_nsec / 1000;
    }

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastCpu = 0;
    qint64 m_longest = 0;
    qint64 m_longestWall = 0;
};

} // namespace migician::test
