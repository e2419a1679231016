// The built-in assistant: answers what it can without Migician weights, with OpenCV.
// - a visual-reference query (a crop of one image): multi-scale template matching of the crop
//   over the other images of the case;
// - a two-image difference query: the second image is aligned onto the first (ORB + homography,
//   ECC affine as the fallback, see image_alignment.h), the absolute difference is taken where both
//   images have pixels, and the largest changed connected region is reported on both images.
// Anything else gets an explanation that Migician weights are needed (needsWeights = true).
// Answers use the Migician text format ("It's in the second image. <|box_start|>(x1,y1),(x2,y2)
// <|box_end|>", coordinates on the 0-1000 scale) and always name the assistant as their source.
//
// Threading: pure functions of their arguments; safe to call from any thread (the worker thread).
#pragma once

#include "annotate/store_types.h"

#include <QImage>
#include <QList>
#include <QString>

#include <atomic>

namespace migician::ui {

// A crop used as a visual reference: which case image (1-based) it was cut from.
struct VisualReference
{
    int sourceImage = 0;
    QImage crop;
};

struct AssistantAnswer
{
    QString text;                        // Migician format, starts with the assistant's label
    QList<annotate::PredictedBox> boxes; // image numbers are 1-based into the case images
    QList<double> scores;                // one per box (match score or changed-area fraction)
    bool needsWeights = false;           // the query needs the real model
};

class OpenCvAssistant
{
public:
    static QString label(); // "Built-in assistant (OpenCV)", translated

    // Decides which of the operations below fits the query and runs it.
    static AssistantAnswer answer(const QList<QImage> &caseImages,
                                  const QList<VisualReference> &references, const QString &query,
                                  const std::atomic<bool> *cancel = nullptr);

    // Best match of each reference in every case image other than the one it was cut from,
    // best first. Scales from 0.5x to 2x of the crop's size.
    static AssistantAnswer locateReference(const QList<QImage> &caseImages,
                                           const VisualReference &reference,
                                           const std::atomic<bool> *cancel = nullptr);

    // Largest region that changed between two images. boxes[0] is the region in the first image's
    // coordinates, boxes[1] the same region in the second image's (where the text says "It's in
    // the second image."). ResizeOnly skips the alignment (the second image is only scaled to the
    // first's size): kept to show, and test, what alignment buys.
    enum class Alignment { Aligned, ResizeOnly };
    static AssistantAnswer locateDifference(const QImage &first, const QImage &second,
                                            Alignment alignment = Alignment::Aligned);

    // True when a text-only query asks for the difference between images.
    static bool isDifferenceQuery(const QString &query);

    // "first" ... "sixth" image, then "7th".
    static QString ordinalImageName(int image);
    // "<|box_start|>(x1,y1),(x2,y2)<|box_end|>" on the 0-1000 scale.
    static QString boxTag(const annotate::NormBox &box);
};

} // namespace migician::ui
