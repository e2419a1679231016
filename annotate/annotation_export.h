// Export of a project's current boxes. Each case is exported with ProjectStore::currentBox():
// the latest human or corrected annotation, else the latest accepted model box, else the
// ground truth; cases with none of them are left out. Formats:
// - migbench: the MIG-Bench list (same keys; "answer" = the current box; image paths "./"+path)
// - coco: COCO detection JSON, ids from 1, bbox [x,y,w,h] in pixels, one category per distinct
//   label (an annotation's label, else the case's task)
// - csv: one row per case, normalised and (when the size is known) pixel corners
// - odvg: JSON lines, one per case, {"filename","height","width","grounding":{"caption",
//   "regions":[{"bbox":[x1,y1,x2,y2] pixels,"phrase"}]}} (Grounding DINO's grounding format)
// - llamafactory: the Migician/LLaMA-Factory training list: "images" + "conversations" with one
//   "<image>" per image and the answer "It's in the second image. <|box_start|>(x1,y1),(x2,y2)
//   <|box_end|>" on the 0-1000 integer scale.
// Provenance: a label taken from a model answer names its run and query: CSV columns run_id and
// run_query, COCO annotation keys migician_run and migician_query, and in MIG-Bench the extra key
// "provenance": {"run", "query"}. MIG-Bench also gets "answer_image" (1-based) when the box's
// image is not the one the MIG-Bench rule reads from the question (composed cases); readMigBench
// and the scorer use it, other readers ignore both keys.
// COCO and ODVG need pixels: cases whose target image has no stored size are left out and
// counted in ExportReport::skippedNoSize.
#pragma once

#include "annotate/project_store.h"

namespace migician::annotate {

enum class ExportFormat { MigBench, Coco, Csv, Odvg, LlamaFactory };

std::optional<ExportFormat> exportFormatFromString(const QString &name);

struct ExportReport
{
    int exported = 0;
    int fromAnnotations = 0;
    int fromGroundTruth = 0;
    int skippedNoBox = 0;
    int skippedNoSize = 0;
};

Result<ExportReport> exportAnnotations(const ProjectStore &store, ExportFormat format,
                                       const QString &outFile);

// Reading back the training format (for round-trip checks and for merging corrections).
struct TrainingSample
{
    QStringList images;
    QString question; // without the <image> tags
    int image = 0;    // 1-based, from "It's in the ... image."; 0 when absent
    NormBox box;      // from the 0-1000 integers, / 1000
};
Result<QList<TrainingSample>> readLlamaFactory(const QString &file);

} // namespace migician::annotate
