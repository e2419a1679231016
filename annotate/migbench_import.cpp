#include "annotate/migbench_import.h"

#include "annotate/migbench_file.h"
#include "annotate/migbench_scorer.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>

namespace migician::annotate {

Result<MigBenchImportReport> importMigBench(ProjectStore &store, const QString &benchFile,
                                            const QString &imagesRoot)
{
    using R = Result<MigBenchImportReport>;
    if (!QFileInfo(imagesRoot).isDir())
        return R::failure(QStringLiteral("%1: images root is not a folder").arg(imagesRoot));
    const Result<BenchFile> bench = readMigBench(benchFile);
    if (!bench)
        return bench.status();

    // Refuse the whole file before writing anything if one path leaves the root.
    const QDir root(imagesRoot);
    const QString canonicalRoot = QFileInfo(imagesRoot).canonicalFilePath();
    QStringList missing;
    QSet<QString> checked;
    for (int i = 0; i < bench->cases.size(); ++i) {
        for (const QString &path : bench->cases.at(i).images) {
            const QString cleaned = QDir::cleanPath(path);
            const bool escapes = QDir::isAbsolutePath(path) || cleaned == QLatin1String("..")
                                 || cleaned.startsWith(QLatin1String("../"));
            const QFileInfo file(root.filePath(cleaned));
            const bool linksOut
                    = !escapes && file.exists()
                      && !file.canonicalFilePath().startsWith(canonicalRoot + QLatin1Char('/'));
            if (escapes || linksOut)
                return R::failure(QStringLiteral("%1: case %2: image path '%3' resolves outside "
                                                 "the images root %4")
                                          .arg(benchFile)
                                          .arg(i)
                                          .arg(path, imagesRoot));
            if (!checked.contains(cleaned)) {
                checked.insert(cleaned);
                if (!file.isFile())
                    missing << cleaned;
            }
        }
    }

    MigBenchImportReport report;
    report.missingImages = missing;
    report.warnings = bench->warnings;
    const QString source = QFileInfo(benchFile).fileName();
    const Status status = store.transaction([&]() -> Status {
        if (Status s = store.setImagesRoot(imagesRoot); !s)
            return s;
        for (int i = 0; i < bench->cases.size(); ++i) {
            const BenchCase &c = bench->cases.at(i);
            report.perTask[c.task] += 1;
            const Result<qint64> existing = store.caseIdBySource(source, i);
            if (!existing)
                return existing.status();
            if (*existing > 0) {
                ++report.alreadyPresent;
                continue;
            }
            NewCase newCase;
            newCase.source = source;
            newCase.sourceIndex = i;
            newCase.task = c.task;
            newCase.question = c.question;
            newCase.imagePaths = c.images;
            newCase.groundTruth = c.answer;
            const int target = c.answerImage > 0
                                       ? c.answerImage
                                       : caseTargetImage(c.task, c.question, c.additionalInfo);
            newCase.groundTruthImage = target <= c.images.size() ? target : 0;
            newCase.additionalInfo = c.additionalInfo;
            newCase.needFormat = c.needFormat;
            const Result<qint64> added = store.addCase(newCase);
            if (!added)
                return Status::failure(
                        QStringLiteral("%1: case %2: %3").arg(benchFile).arg(i).arg(added.error()));
            ++report.added;
        }
        return {};
    });
    if (!status)
        return status;
    return report;
}

} // namespace migician::annotate
