// Timings of the project store (printed, not asserted): importing MIG_data.json, one durable
// correction, exporting 100,000 annotations. Usage: annotate_store_benchmark MIG_data.json
#include "annotate/annotation_export.h"
#include "annotate/migbench_import.h"
#include "annotate/project_store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace migician::annotate;

namespace {

int die(const QString &message)
{
    std::fprintf(stderr, "%s\n", qPrintable(message));
    return 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 2)
        return die(QStringLiteral("usage: annotate_store_benchmark MIG_data.json"));
    QTemporaryDir dir;
    QElapsedTimer timer;

    auto bench = ProjectStore::open(dir.filePath(QStringLiteral("bench.migician")));
    if (!bench)
        return die(bench.error());
    timer.start();
    const auto imported
            = importMigBench(*bench.value(), QString::fromLocal8Bit(argv[1]), dir.path());
    if (!imported)
        return die(imported.error());
    std::printf("import MIG_data.json: %d cases in %lld ms\n", imported->added,
                static_cast<long long>(timer.elapsed()));

    // One durable correction = one update + its edit-log row, fsynced (synchronous=FULL).
    NewAnnotation first;
    first.caseId = 1;
    first.image = 1;
    first.box = NormBox{0.1, 0.1, 0.3, 0.3};
    const auto id = bench.value()->createAnnotation(first, EditContext{QStringLiteral("bench"), 0});
    if (!id)
        return die(id.error());
    std::vector<double> times;
    for (int i = 0; i < 200; ++i) {
        timer.restart();
        const double x = 0.1 + (i % 50) * 0.001;
        if (Status s = bench.value()->updateAnnotation(*id, 1, NormBox{x, 0.1, x + 0.2, 0.3},
                                                       EditContext{QStringLiteral("bench"), 10});
            !s)
            return die(s.error());
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    std::printf("one durable correction: median %.3f ms, p90 %.3f ms (200 corrections)\n",
                times[times.size() / 2], times[times.size() * 9 / 10]);

    auto big = ProjectStore::open(dir.filePath(QStringLiteral("big.migician")));
    if (!big)
        return die(big.error());
    timer.restart();
    const int count = 100000;
    const Status filled = big.value()->transaction([&]() -> Status {
        for (int i = 0; i < 200; ++i)
            if (auto image = big.value()->addImage(
                        NewImage{QStringLiteral("img/%1.jpg").arg(i), {}, 640, 480});
                !image)
                return image.status();
        for (int i = 0; i < count; ++i) {
            NewCase c;
            c.source = QStringLiteral("synthetic");
            c.sourceIndex = i;
            c.task = QStringLiteral("task%1").arg(i % 10);
            c.question = QStringLiteral("Find object %1 in the second image.").arg(i);
            c.imagePaths = {QStringLiteral("img/%1.jpg").arg(i % 200),
                            QStringLiteral("img/%1.jpg").arg((i + 1) % 200)};
            const auto caseId = big.value()->addCase(c);
            if (!caseId)
                return caseId.status();
            NewAnnotation a;
            a.caseId = *caseId;
            a.image = 2;
            a.box = NormBox{0.1, 0.2, 0.3 + (i % 7) * 0.01, 0.4};
            if (auto annotation
                = big.value()->createAnnotation(a, EditContext{QStringLiteral("annotator"), 1000});
                !annotation)
                return annotation.status();
        }
        return {};
    });
    if (!filled)
        return die(filled.error());
    std::printf("setup: %d cases with one human annotation each in %lld ms\n", count,
                static_cast<long long>(timer.elapsed()));
    const char *formats[] = {"migbench", "coco", "csv", "odvg", "llamafactory"};
    for (const char *name : formats) {
        timer.restart();
        const auto report
                = exportAnnotations(*big.value(), *exportFormatFromString(QLatin1String(name)),
                                    dir.filePath(QStringLiteral("out.") + name));
        if (!report)
            return die(report.error());
        std::printf("export %d annotations as %s: %lld ms\n", report->exported, name,
                    static_cast<long long>(timer.elapsed()));
    }
    return 0;
}
