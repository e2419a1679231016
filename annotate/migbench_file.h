// Reading MIG-Bench files (a JSON list of cases: task, images, question, answer,
// additional_info, need_format) and score-prediction files, with errors that name the file and
// the 0-based case index. See ../shared/data/README.md for the format.
#pragma once

#include "annotate/store_result.h"
#include "annotate/store_types.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace migician::annotate {

struct BenchCase
{
    QString task;
    QStringList images; // as written in the file, e.g. "./MIG-Bench/images/..."
    QString question;
    NormBox answer; // as written: the official data has a few swapped or >1 values
    QString additionalInfo;
    bool needFormat = false;
};

struct BenchFile
{
    QList<BenchCase> cases;
    // Ground truths the official data carries although they are not ordered boxes inside 0..1
    // (kept as they are, so scores match the official scorer): "case 34: ..." lines.
    QStringList warnings;
};

// `name` is used in messages (usually the file path).
Result<BenchFile> parseMigBench(const QByteArray &json, const QString &name);
Result<BenchFile> readMigBench(const QString &file);

// One prediction of a score run: either an answer text or a normalised box (and optionally
// the 1-based image it is in), or a failed case (no answer: not scored, counted as failed).
struct BenchPrediction
{
    int index = -1; // 0-based case index in bench order
    std::optional<QString> answer;
    std::optional<NormBox> box;
    int image = 0; // 0 = not given
    std::optional<QString> failure;
};

// A JSON list of {"index": i, "answer": text}, {"index": i, "box": [x1,y1,x2,y2], "image": k}
// or {"index": i, "failed": reason}; or a results file of `migician eval`, an object whose
// "predictions" are such a list and whose "failed" lists {"index": i, "reason": text}.
// Indices must be in 0..caseCount-1 and unique; boxes ordered inside 0..1.
Result<QList<BenchPrediction>> parsePredictions(const QByteArray &json, const QString &name,
                                                int caseCount);
Result<QList<BenchPrediction>> readPredictions(const QString &file, int caseCount);

} // namespace migician::annotate
