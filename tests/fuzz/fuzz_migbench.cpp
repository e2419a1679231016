// Fuzz target: a MIG-Bench file (annotate/migbench_file.h, `migician score --bench`, project
// import, batch evaluation). Invariants: nothing throws (annotate/ reports errors as values); an
// error names the file; every case that is accepted has a task, images and a ground truth inside
// [0, 2); scoring the bench against its own ground truths gives IoU 1 on every non-empty ordered
// box and well-formed metrics.
#include "fuzz_support.h"
#include "score_checks.h"

#include "annotate/migbench_file.h"

using namespace migician;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString name = QStringLiteral("bench.json");
    const auto bench = annotate::parseMigBench(
            QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)), name);
    if (!bench) {
        FUZZ_CHECK(bench.error().startsWith(name + QLatin1String(": ")),
                   bench.error().toStdString());
        return 0;
    }
    QList<annotate::BenchPrediction> predictions;
    for (int i = 0; i < bench->cases.size(); ++i) {
        const annotate::BenchCase &c = bench->cases.at(i);
        FUZZ_CHECK(!c.task.trimmed().isEmpty() && !c.images.isEmpty(),
                   "case without task or images");
        for (const QString &image : c.images)
            FUZZ_CHECK(!image.isEmpty(), "empty image path");
        for (const double v : {c.answer.x1, c.answer.y1, c.answer.x2, c.answer.y2})
            FUZZ_CHECK(v >= 0 && v < 2, "ground truth value outside [0, 2)");
        annotate::BenchPrediction p;
        p.index = i;
        p.box = c.answer;
        predictions << p;
    }
    FUZZ_CHECK(bench->warnings.size() <= bench->cases.size(), "more warnings than cases");

    const auto report = annotate::scoreMigBench(bench->cases, predictions, false);
    FUZZ_CHECK(report.ok(), report.error().toStdString());
    fuzz::checkReport(*report);
    const auto scores = annotate::scoreCases(bench->cases, predictions, false);
    FUZZ_CHECK(scores.size() == bench->cases.size(), "a case was not scored");
    for (const annotate::CaseScore &s : scores) {
        const annotate::NormBox &box = bench->cases.at(s.index).answer;
        if (box.isValid() && box.x2 > box.x1 && box.y2 > box.y1)
            FUZZ_CHECK(s.rawIou == 1.0, "a box does not overlap itself fully");
        FUZZ_CHECK(fuzz::isFraction(s.officialIou) && fuzz::isFraction(s.imageAwareIou),
                   "IoU outside 0..1");
    }
    return 0;
}
