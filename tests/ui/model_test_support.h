// Helpers shared by the tests that run the tiny fixture checkpoint (qwen2vl-tiny) as the model:
// where it is, its reference cases (cases.json), and a timer-based stall detector for the GUI
// thread.
#pragma once

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

inline QList<qint64> tokenIds(const QJsonValue &array)
{
    QList<qint64> result;
    for (const QJsonValue &v : array.toArray())
        result << v.toInteger();
    return result;
}

// Records the longest gap between 5 ms ticks of a timer on the GUI thread: a gap that long means
// the thread did not return to its event loop (the stall the workbench must keep under 50 ms).
class StallDetector : public QObject
{
public:
    StallDetector()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(5);
        connect(&m_timer, &QTimer::timeout, this,
                [this] { m_longest = std::max(m_longest, m_clock.restart()); });
        m_clock.start();
        m_timer.start();
    }
    qint64 longestMs() const { return m_longest; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_longest = 0;
};

} // namespace migician::test
