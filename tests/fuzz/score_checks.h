// Invariants of MIG-Bench scores, shared by the bench and prediction-file targets.
#pragma once

#include "fuzz_support.h"

#include "annotate/migbench_scorer.h"

namespace migician::fuzz {

inline bool isFraction(double value)
{
    return value >= 0 && value <= 1;
}

inline void checkMetrics(const annotate::Metrics &m, bool withIntervals)
{
    FUZZ_CHECK(m.n >= 0, "negative case count");
    FUZZ_CHECK(isFraction(m.acc30) && isFraction(m.acc50) && isFraction(m.acc70),
               "accuracy outside 0..1");
    FUZZ_CHECK(m.acc30 >= m.acc50 && m.acc50 >= m.acc70,
               "accuracy does not fall with the threshold");
    FUZZ_CHECK(isFraction(m.miou), "mean IoU outside 0..1");
    if (!withIntervals)
        return;
    for (const auto &ci : {m.ci30, m.ci50, m.ci70})
        FUZZ_CHECK(isFraction(ci[0]) && isFraction(ci[1]) && ci[0] <= ci[1], "Wilson interval");
}

inline void checkScoreSet(const annotate::ScoreSet &set)
{
    int n = 0;
    for (const annotate::Metrics &m : set.perTask) {
        checkMetrics(m, true);
        n += m.n;
    }
    FUZZ_CHECK(set.micro.n == n && set.macro.n == n, "case counts do not add up");
    checkMetrics(set.micro, true);
    // The macro average of fractions is a fraction too (up to rounding).
    FUZZ_CHECK(set.macro.miou >= 0 && set.macro.miou <= 1 + 1e-9, "macro mean IoU");
}

inline void checkReport(const annotate::ScoreReport &report)
{
    checkScoreSet(report.official);
    checkScoreSet(report.raw);
    checkScoreSet(report.imageAware);
    FUZZ_CHECK(report.imageAware.micro.miou <= report.raw.micro.miou + 1e-12,
               "the image-aware score is above the raw one");
    (void)annotate::toJson(report);
}

} // namespace migician::fuzz
