// Plain value types read from and written to a project store (project_store.h). They carry no
// database handles, so they can cross threads and live in GUI models.
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QtGlobal>

#include <optional>

namespace migician::annotate {

// A box normalised to the width and height of one image: 0 <= x1 <= x2 <= 1, same for y.
// A box in pixels of an image (x1,y1 top-left, x2,y2 bottom-right, exclusive of nothing).
struct PixelRect
{
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
};

struct NormBox
{
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;

    bool isValid() const
    {
        return x1 >= 0 && y1 >= 0 && x2 <= 1 && y2 <= 1 && x1 <= x2 && y1 <= y2;
    }
    friend bool operator==(const NormBox &a, const NormBox &b)
    {
        return a.x1 == b.x1 && a.y1 == b.y1 && a.x2 == b.x2 && a.y2 == b.y2;
    }
    friend bool operator!=(const NormBox &a, const NormBox &b) { return !(a == b); }
    // The same box in the pixels of an image of this size.
    PixelRect toPixels(double width, double height) const
    {
        return {x1 * width, y1 * height, x2 * width, y2 * height};
    }
};

struct ImageInfo
{
    qint64 id = 0;
    QString relativePath;     // relative to the project's images root, '/' separators
    QString contentHash;      // SHA-256 hex of the file; empty when the file was missing
    std::optional<int> width; // pixels; unknown unless the caller provided it
    std::optional<int> height;
    bool missing = false; // the file did not exist when it was added
};

// One grounding case: ordered images, a question and (optionally) the ground-truth box.
struct CaseInfo
{
    qint64 id = 0;
    QString source;       // e.g. the bench file name "MIG_data.json", or "user"
    int sourceIndex = -1; // 0-based index in the source file; -1 when not from a file
    QString task;         // e.g. "common_object"; free text for user cases
    QString question;
    QList<ImageInfo> images; // in prompt order; image numbers below are 1-based into this list
    std::optional<NormBox> groundTruth;
    int groundTruthImage = 0; // 1-based image holding the ground truth; 0 = unknown
    QString additionalInfo;
    bool needFormat = false;

    QList<qint64> imageIds() const // the image order as ids
    {
        QList<qint64> ids;
        for (const ImageInfo &image : images)
            ids << image.id;
        return ids;
    }
};

// A row of listCases(): enough for a list view without loading images.
struct CaseSummary
{
    qint64 id = 0;
    int sourceIndex = -1;
    QString task;
    QString question;
    int imageCount = 0;
};

// A free-form or visual-reference query. A visual reference is a crop of one image that is
// itself usable as an extra input image (the GUI crops `referenceImageId` to `referenceCrop`).
struct QueryInfo
{
    qint64 id = 0;
    qint64 caseId = 0; // the case (image list) it is asked about; 0 = none
    QString text;
    qint64 referenceImageId = 0; // 0 = no visual reference
    std::optional<NormBox> referenceCrop;
    QDateTime created;
};

// One model run (a batch of predictions made with one backend and one model).
struct RunInfo
{
    qint64 id = 0;
    QString backend; // e.g. "cpu", "cuda", "python-reference"
    QString modelFolder;
    QString configChecksum; // checksum of config.json + the safetensors index
    QString parametersJson; // generation parameters as a JSON object
    QDateTime started;
    std::optional<qint64> durationMs; // set by finishRun()
};

struct PredictedBox
{
    int image = 0; // 1-based image of the case; 0 = the answer does not say
    NormBox box;
    std::optional<PixelRect> pixels; // when the image size is known
};

struct PredictionInfo
{
    qint64 id = 0;
    qint64 runId = 0;  // 0 = not part of a run
    qint64 caseId = 0; // exactly one of caseId / queryId is set
    qint64 queryId = 0;
    QString rawAnswer; // the model's text, verbatim
    QList<PredictedBox> boxes;
    std::optional<qint64> latencyMs;
    QDateTime created;
};

enum class AnnotationSource { Model, Human, Corrected };
enum class ReviewState { Pending, Accepted, Rejected };
enum class EditAction { Create, Move, Resize, Delete, Accept, Reject, MoveImage };

QString toString(AnnotationSource source); // "model" | "human" | "corrected"
QString toString(ReviewState state);       // "pending" | "accepted" | "rejected"
QString
toString(EditAction action); // "create" "move" "resize" "delete" "accept" "reject" "move_image"
std::optional<AnnotationSource> annotationSourceFromString(const QString &text);
std::optional<ReviewState> reviewStateFromString(const QString &text);
std::optional<EditAction> editActionFromString(const QString &text);

// The current box of a case or query by one author. Deleted annotations are kept (the edit log
// points at them) but are not listed.
struct AnnotationInfo
{
    qint64 id = 0;
    qint64 caseId = 0; // exactly one of caseId / queryId is set
    qint64 queryId = 0;
    int image = 0; // 1-based image of the case
    NormBox box;
    QString label; // optional category label (COCO/ODVG export); empty = the task/query
    AnnotationSource source = AnnotationSource::Human;
    ReviewState review = ReviewState::Pending;
    qint64 predictionId = 0; // the prediction it came from (source model/corrected); 0 = none
    QString author;          // annotator name ("model" for boxes taken from a prediction)
    QDateTime created;
    QDateTime modified;
};

// One row of the append-only edit log: who did what to which box, when, from what to what,
// and how long it took. `before`/`after` are JSON objects {"image":k,"box":[x1,y1,x2,y2]} or
// empty (before of a create, after of a delete).
struct EditLogEntry
{
    qint64 id = 0;
    qint64 annotationId = 0;
    EditAction action = EditAction::Create;
    QString author;
    QDateTime timestamp; // UTC, millisecond precision
    qint64 durationMs = 0;
    QString beforeJson;
    QString afterJson;
};

// Who makes an edit and how long the edit took (active time measured by the GUI).
struct EditContext
{
    QString author;
    qint64 durationMs = 0;
};

} // namespace migician::annotate
