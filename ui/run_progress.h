// What the query panel's progress bar shows while the model works: the worker reports
// (stage, done, total) at every point where the engine polls cancellation (each tensor while
// loading, each vision block, each prefill layer, each decode step); this turns that into a
// determinate value, the stage's name, the elapsed time, the time left in the stage (from the
// stage's own pace) and, while decoding, tokens per second. GUI thread only.
#pragma once

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QString>

namespace migician::ui {

class RunProgress
{
    Q_DECLARE_TR_FUNCTIONS(migician::ui::RunProgress)
public:
    struct View
    {
        QString stage; // "load", "vision", "prefill", "decode"
        int done = 0;
        int total = 0;
        QString text; // for the bar: "Prefill: layer 3 of 28 | 0:12 elapsed | ~0:30 left"
    };

    void start(); // a run begins: the elapsed clock starts
    // Returns the new view; `repaint` false when the caller may skip it (per-tensor loading
    // progress, more often than every 50 ms).
    View update(const QString &stage, int done, int total, bool *repaint = nullptr);
    double tokensPerSecond() const { return m_tokensPerSecond; }
    static QString clock(qint64 ms); // "0:12", "1:05:03"

private:
    static QString stageLine(const QString &stage, int done, int total);

    QElapsedTimer m_run;
    QElapsedTimer m_stageClock;
    QElapsedTimer m_lastRepaint;
    QString m_stage;
    int m_firstDone = 0; // units already done when the stage's clock started
    double m_tokensPerSecond = 0;
};

} // namespace migician::ui
