// Review queues: the cases of a project where a model's prediction and a reference (the ground
// truth, or the current human annotation) disagree, with the IoU between them, so that a
// reviewer can step through the worst ones and correct them. Read-only: corrections go through
// the usual ProjectStore annotation calls.
#pragma once

#include "annotate/project_store.h"

namespace migician::annotate {

enum class ReviewReference {
    GroundTruth,     // the case's ground-truth box
    HumanAnnotation, // the most recently modified human or corrected, not rejected, annotation
};

struct ReviewFilter
{
    ReviewReference reference = ReviewReference::GroundTruth;
    QString task;        // empty = every task
    double minIou = 0;   // inclusive
    double maxIou = 0.5; // inclusive
    qint64 runId = 0;    // 0 = the latest prediction of each case, whatever its run
};

struct ReviewItem
{
    qint64 caseId = 0;
    int sourceIndex = -1;
    QString task;
    QString question;
    qint64 predictionId = 0;
    qint64 runId = 0;
    QString answer;                // the model's text, verbatim
    QList<PredictedBox> predicted; // all boxes of the prediction; the first one is compared
    int referenceImage = 0;        // 1-based; 0 = unknown
    NormBox reference;
    qint64 referenceAnnotationId = 0; // HumanAnnotation: the annotation compared with
    QString referenceAuthor;          // HumanAnnotation: its author
    bool hasCorrection = false;       // the case has a human or corrected annotation
    double iou = 0;
};

// IoU of two boxes on the images they belong to: 0 when both images are known (> 0) and differ,
// and 0 for a prediction without a box. Plain IoU of the stored normalised boxes (no MIG-Bench
// rescaling: the queue compares what the canvas shows).
double reviewIou(const QList<PredictedBox> &predicted, int referenceImage,
                 const NormBox &reference);

// The cases whose prediction/reference IoU lies in [minIou, maxIou], lowest IoU first (ties by
// case id). Cases without a prediction (of the run) or without a reference are left out.
Result<QList<ReviewItem>> reviewQueue(const ProjectStore &store, const ReviewFilter &filter);

// Runs that hold case predictions, oldest first (for the run chooser).
Result<QList<RunInfo>> runsWithCasePredictions(const ProjectStore &store);

} // namespace migician::annotate
