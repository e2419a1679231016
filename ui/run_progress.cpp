#include "run_progress.h"

namespace migician::ui {

QString RunProgress::stageLine(const QString &stage, int done, int total)
{
    if (stage == QLatin1String("load"))
        return tr("Loading weights: tensor %1 of %2").arg(done).arg(total);
    if (stage == QLatin1String("vision"))
        return tr("Vision tower: block %1 of %2").arg(done).arg(total);
    if (stage == QLatin1String("prefill"))
        return tr("Prefill: layer %1 of %2").arg(done).arg(total);
    if (stage == QLatin1String("decode"))
        return tr("Decoding: token %1 of up to %2").arg(done).arg(total);
    return tr("%1: %2 of %3").arg(stage).arg(done).arg(total);
}

QString RunProgress::clock(qint64 ms)
{
    const qint64 s = ms / 1000;
    if (s >= 3600)
        return QStringLiteral("%1:%2:%3")
                .arg(s / 3600)
                .arg((s % 3600) / 60, 2, 10, QLatin1Char('0'))
                .arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

void RunProgress::start()
{
    m_run.start();
    m_stage.clear();
    m_tokensPerSecond = 0;
    m_lastRepaint.invalidate();
}

RunProgress::View RunProgress::update(const QString &stage, int done, int total, bool *repaint)
{
    if (!m_run.isValid())
        m_run.start();
    if (stage != m_stage) {
        m_stage = stage;
        m_stageClock.start();
        m_firstDone = done;
    }
    View view;
    view.stage = stage;
    view.done = done;
    view.total = total;
    const qint64 stageMs = m_stageClock.elapsed();
    const int doneHere = done - m_firstDone;
    QString left;
    if (doneHere > 0 && total > done) {
        const double perUnit = double(stageMs) / doneHere;
        left = tr(" | ~%1 left").arg(clock(qint64(perUnit * (total - done))));
    }
    QString speed;
    // Nanoseconds: a small model decodes a token in well under a millisecond.
    const qint64 stageNs = m_stageClock.nsecsElapsed();
    if (stage == QLatin1String("decode") && doneHere > 0 && stageNs > 0) {
        m_tokensPerSecond = 1e9 * doneHere / double(stageNs);
        speed = tr(" | %1 tokens/s").arg(m_tokensPerSecond, 0, 'f', 1);
        left.clear(); // the answer may end at any token
    }
    view.text = stageLine(stage, done, total) + tr(" | %1 elapsed").arg(clock(m_run.elapsed()))
                + left + speed;
    // Loading reports every tensor (hundreds a second): repaint at most every 50 ms; the other
    // stages report a few dozen units, each worth showing.
    const bool throttled = stage == QLatin1String("load") && done != 0 && done != total;
    const bool due = !throttled || !m_lastRepaint.isValid() || m_lastRepaint.elapsed() >= 50;
    if (due)
        m_lastRepaint.start();
    if (repaint)
        *repaint = due;
    return view;
}

} // namespace migician::ui
