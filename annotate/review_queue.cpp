#include "annotate/review_queue.h"

#include "annotate/migbench_scorer.h"

#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace migician::annotate {

namespace {

bool isCorrection(const AnnotationInfo &a)
{
    return (a.source == AnnotationSource::Human || a.source == AnnotationSource::Corrected)
           && a.review != ReviewState::Rejected;
}

// The prediction of `caseId` the queue compares: of `runId`, or the latest of any run.
std::optional<PredictionInfo> pickPrediction(const QList<PredictionInfo> &predictions, qint64 runId)
{
    std::optional<PredictionInfo> picked;
    for (const PredictionInfo &p : predictions) {
        if (runId != 0 && p.runId != runId)
            continue;
        if (!picked || p.created > picked->created
            || (p.created == picked->created && p.id > picked->id))
            picked = p;
    }
    return picked;
}

} // namespace

double reviewIou(const QList<PredictedBox> &predicted, int referenceImage, const NormBox &reference)
{
    if (predicted.isEmpty())
        return 0;
    const PredictedBox &first = predicted.first();
    if (first.image > 0 && referenceImage > 0 && first.image != referenceImage)
        return 0;
    return officialIou(first.box, reference);
}

Result<QList<ReviewItem>> reviewQueue(const ProjectStore &store, const ReviewFilter &filter)
{
    using R = Result<QList<ReviewItem>>;
    if (filter.minIou > filter.maxIou)
        return R::failure(QStringLiteral("%1: review queue: the IoU range [%2, %3] is empty")
                                  .arg(store.fileName())
                                  .arg(filter.minIou)
                                  .arg(filter.maxIou));
    const auto cases = store.listCases(filter.task);
    if (!cases)
        return cases.status();
    QList<ReviewItem> items;
    for (const CaseSummary &summary : *cases) {
        const auto predictions = store.predictionsForCase(summary.id);
        if (!predictions)
            return predictions.status();
        const std::optional<PredictionInfo> prediction = pickPrediction(*predictions, filter.runId);
        if (!prediction)
            continue;
        const auto annotations = store.annotationsForCase(summary.id);
        if (!annotations)
            return annotations.status();
        ReviewItem item;
        item.caseId = summary.id;
        item.sourceIndex = summary.sourceIndex;
        item.task = summary.task;
        item.question = summary.question;
        item.predictionId = prediction->id;
        item.runId = prediction->runId;
        item.answer = prediction->rawAnswer;
        item.predicted = prediction->boxes;
        const AnnotationInfo *latest = nullptr;
        for (const AnnotationInfo &a : *annotations)
            if (isCorrection(a) && (!latest || a.modified > latest->modified))
                latest = &a;
        item.hasCorrection = latest != nullptr;
        if (filter.reference == ReviewReference::GroundTruth) {
            const auto info = store.caseById(summary.id);
            if (!info)
                return info.status();
            if (!info->groundTruth)
                continue;
            item.reference = *info->groundTruth;
            item.referenceImage = info->groundTruthImage;
        } else {
            if (!latest)
                continue;
            item.reference = latest->box;
            item.referenceImage = latest->image;
            item.referenceAnnotationId = latest->id;
            item.referenceAuthor = latest->author;
        }
        item.iou = reviewIou(item.predicted, item.referenceImage, item.reference);
        // Inclusive bounds, tolerant of rounding: 0.5 typed in a spin box must keep an IoU that
        // is 0.5 up to the last bit.
        constexpr double kSlack = 1e-9;
        if (item.iou < filter.minIou - kSlack || item.iou > filter.maxIou + kSlack)
            continue;
        items << item;
    }
    std::stable_sort(items.begin(), items.end(),
                     [](const ReviewItem &a, const ReviewItem &b) { return a.iou < b.iou; });
    return items;
}

Result<QList<RunInfo>> runsWithCasePredictions(const ProjectStore &store)
{
    QSqlQuery query(store.database());
    if (!query.exec(QStringLiteral("SELECT DISTINCT run_id FROM predictions"
                                   " WHERE case_id IS NOT NULL AND run_id IS NOT NULL"
                                   " ORDER BY run_id")))
        return Result<QList<RunInfo>>::failure(
                QStringLiteral("%1: cannot list runs: %2")
                        .arg(store.fileName(), query.lastError().text()));
    QList<qint64> ids;
    while (query.next())
        ids << query.value(0).toLongLong();
    QList<RunInfo> runs;
    for (const qint64 id : ids) {
        const auto run = store.run(id);
        if (!run)
            return run.status();
        runs << *run;
    }
    return runs;
}

} // namespace migician::annotate
