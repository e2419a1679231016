// Fuzz target: a prediction file for `migician score --predictions`, read against the real
// MIG-Bench (annotate/migbench_file.h parsePredictions) and scored (annotate/migbench_scorer.h,
// which also parses the answer texts the way the official script does). Invariants: nothing
// throws; an error names the file; accepted predictions have unique indices of the bench, ordered
// boxes inside 0..1 and image numbers >= 1; scores with and without the Migician rescaling are
// well-formed fractions for every prediction.
#include "fuzz_support.h"
#include "score_checks.h"

#include "annotate/migbench_file.h"

#include <QSet>

using namespace migician;

namespace {

const annotate::BenchFile &bench()
{
    static const annotate::BenchFile loaded = [] {
        const auto file = annotate::readMigBench(
                QString::fromStdString(fuzz::sharedPath("data/mig-bench/MIG_data.json")));
        FUZZ_CHECK(file.ok(), file.error().toStdString());
        return *file;
    }();
    return loaded;
}

} // namespace

// Reads the 3 MB MIG-Bench file before fuzzing starts, outside the per-input time limit.
extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    (void)bench();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString name = QStringLiteral("predictions.json");
    const auto &cases = bench().cases;
    const auto predictions = annotate::parsePredictions(
            QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)), name,
            int(cases.size()));
    if (!predictions) {
        FUZZ_CHECK(predictions.error().startsWith(name + QLatin1String(": ")),
                   predictions.error().toStdString());
        return 0;
    }
    QSet<int> indices;
    for (const annotate::BenchPrediction &p : *predictions) {
        FUZZ_CHECK(p.index >= 0 && p.index < cases.size(), "index outside the bench");
        FUZZ_CHECK(!indices.contains(p.index), "index predicted twice");
        indices.insert(p.index);
        FUZZ_CHECK(p.answer.has_value() != p.box.has_value(), "neither or both of answer and box");
        FUZZ_CHECK(!p.box || p.box->isValid(), "box not ordered inside 0..1");
        FUZZ_CHECK(p.image >= 0, "negative image number");
    }
    for (const bool rescale : {false, true}) {
        const auto report = annotate::scoreMigBench(cases, *predictions, rescale);
        FUZZ_CHECK(report.ok(), report.error().toStdString());
        fuzz::checkReport(*report);
        FUZZ_CHECK(report->raw.micro.n == predictions->size(), "a prediction was not scored");
        for (const annotate::CaseScore &s : annotate::scoreCases(cases, *predictions, rescale)) {
            FUZZ_CHECK(fuzz::isFraction(s.officialIou) && fuzz::isFraction(s.rawIou)
                               && fuzz::isFraction(s.imageAwareIou),
                       "IoU outside 0..1");
            FUZZ_CHECK(s.targetImage >= 0 && s.predictedImage >= 0, "negative image number");
        }
    }
    return 0;
}
