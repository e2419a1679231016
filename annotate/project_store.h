// ProjectStore: a Migician project is one SQLite file (suggested extension ".migician") holding
// image sets, grounding cases, queries, model runs and predictions, the current annotations and
// an append-only edit log, annotators and studies.
//
// Contract:
// - Every method reports failure as a value (Status / Result<T>) whose message names the file
//   and the problem; nothing throws.
// - Every write runs in one transaction: it is either fully in the file or not at all. A
//   successful return means the data is durable (WAL, synchronous=NORMAL; see the .cpp).
// - Each instance owns its own QSqlDatabase connection (unique name) and must be used from the
//   thread that opened it. Open one instance per thread if several threads need the project.
// - Opening a file written by a newer version of the schema fails and changes nothing; an older
//   file is migrated forward in one transaction.
//
// Who changed a box, when, from what and how long it took: editHistory(annotationId).
#pragma once

#include "annotate/store_result.h"
#include "annotate/store_types.h"

#include <QSqlDatabase>
#include <QStringList>

#include <functional>
#include <memory>

namespace migician::annotate {

// Input of addImage().
struct NewImage
{
    QString relativePath;     // relative to the images root, '/' separators; no ".."
    QString contentHash;      // optional; computed from the file when empty and it exists
    std::optional<int> width; // optional; stored as given
    std::optional<int> height;
};

// Input of addCase(). Images are added (or reused by path) as needed.
struct NewCase
{
    QString source = QStringLiteral("user");
    int sourceIndex = -1; // (source, sourceIndex) is unique when sourceIndex >= 0
    QString task;
    QString question;
    QStringList imagePaths; // relative to the images root, in prompt order
    std::optional<NormBox> groundTruth;
    int groundTruthImage = 0;
    QString additionalInfo;
    bool needFormat = false;
};

struct NewQuery
{
    qint64 caseId = 0;
    QString text;
    qint64 referenceImageId = 0;
    std::optional<NormBox> referenceCrop;
};

struct NewRun
{
    QString backend;
    QString modelFolder;
    QString configChecksum;
    QString parametersJson = QStringLiteral("{}");
};

struct NewPrediction
{
    qint64 runId = 0;
    qint64 caseId = 0; // exactly one of caseId / queryId
    qint64 queryId = 0;
    QString rawAnswer;
    QList<PredictedBox> boxes; // pixels are computed from the image size when known and unset
    std::optional<qint64> latencyMs;
};

struct NewAnnotation
{
    qint64 caseId = 0; // exactly one of caseId / queryId
    qint64 queryId = 0;
    int image = 1; // 1-based
    NormBox box;
    QString label;
    AnnotationSource source = AnnotationSource::Human;
    qint64 predictionId = 0; // required for source Model; optional for Corrected
};

// Result of importImageFolder().
struct ImageFolderReport
{
    qint64 imageSetId = 0;
    int added = 0;       // new images
    int reused = 0;      // already in the project (same relative path)
    QStringList skipped; // files that are not images of a known format
};

// The box a case is exported with (see currentBox()).
struct CurrentBox
{
    int image = 0;
    NormBox box;
    enum class Origin { Annotation, GroundTruth } origin = Origin::GroundTruth;
    qint64 annotationId = 0; // when origin is Annotation
};

class ProjectStore
{
public:
    static constexpr int kSchemaVersion = 3;

    enum class OpenMode {
        OpenOrCreate, // create the file when it does not exist
        CreateNew,    // fail when the file exists
        OpenExisting, // fail when the file does not exist
    };

    // Opens (and if needed creates or migrates) the project file. The images root starts as
    // the file's folder; change it with setImagesRoot().
    static Result<std::unique_ptr<ProjectStore>> open(const QString &file,
                                                      OpenMode mode = OpenMode::OpenOrCreate);
    ~ProjectStore();
    ProjectStore(const ProjectStore &) = delete;
    ProjectStore &operator=(const ProjectStore &) = delete;

    QString fileName() const { return m_fileName; }

    // Root folder that image paths are relative to (stored in the project).
    Result<QString> imagesRoot() const;
    Status setImagesRoot(const QString &folder);

    // ---- images
    Result<qint64> addImage(const NewImage &image);
    // Adds every image file under `folder` (recursive; png, jpg, jpeg, bmp, gif, webp, tif, tiff)
    // as one named image set. `folder` must be inside the images root.
    Result<ImageFolderReport> importImageFolder(const QString &folder, const QString &setName);
    Result<QList<ImageInfo>> listImages(qint64 imageSetId = 0) const; // 0 = all images
    Result<ImageInfo> image(qint64 imageId) const;
    Status setImageSize(qint64 imageId, int width, int height);

    // ---- cases
    Result<qint64> addCase(const NewCase &newCase);
    Result<QList<CaseSummary>> listCases(const QString &task = {}) const; // by id
    Result<CaseInfo> caseById(qint64 caseId) const;
    Result<qint64> caseIdBySource(const QString &source, int sourceIndex) const; // 0 = none
    Result<int> caseCount(const QString &task = {}) const;
    Result<QStringList> tasks() const; // distinct tasks, sorted

    // ---- queries
    Result<qint64> addQuery(const NewQuery &query);
    Result<QueryInfo> query(qint64 queryId) const;

    // ---- runs and predictions
    Result<qint64> createRun(const NewRun &run);
    Status finishRun(qint64 runId, qint64 durationMs);
    Result<RunInfo> run(qint64 runId) const;
    Result<qint64> recordPrediction(const NewPrediction &prediction);
    Result<QList<PredictionInfo>> predictionsForCase(qint64 caseId) const;

    // ---- annotators
    Result<qint64> ensureAnnotator(const QString &name); // creates on first use

    // ---- annotations; each call writes the annotation and its edit-log row in one transaction
    Result<qint64> createAnnotation(const NewAnnotation &annotation, const EditContext &edit);
    // Moves/resizes the box or moves it to another image. The action logged is move_image when
    // the image changes, resize when the size changes, move otherwise. A Model box becomes
    // Corrected. Nothing is logged (and Status is ok) when nothing changes.
    Status updateAnnotation(qint64 annotationId, int image, const NormBox &box,
                            const EditContext &edit);
    Status deleteAnnotation(qint64 annotationId, const EditContext &edit);
    Status acceptAnnotation(qint64 annotationId, const EditContext &edit);
    Status rejectAnnotation(qint64 annotationId, const EditContext &edit);
    Result<AnnotationInfo> annotation(qint64 annotationId) const;          // also a deleted one
    Result<QList<AnnotationInfo>> annotationsForCase(qint64 caseId) const; // not deleted
    Result<QList<EditLogEntry>> editHistory(qint64 annotationId) const;    // oldest first

    // The box a case is exported with: the most recently modified human or corrected
    // annotation; else the most recently modified accepted model annotation; else the ground
    // truth; nullopt when there is none of them. Rejected annotations never count.
    Result<std::optional<CurrentBox>> currentBox(qint64 caseId) const;

    // ---- for annotate/ modules (import, export, studies): the connection and a transaction
    // helper. `work` returns a Status; on failure everything is rolled back. Nested calls join
    // the outermost transaction.
    QSqlDatabase database() const;
    Status transaction(const std::function<Status()> &work);

private:
    ProjectStore(QString fileName, QString connectionName);
    Status initialise(bool created);
    Status migrate(int fromVersion);

    QString m_fileName;
    QString m_connectionName;
    int m_transactionDepth = 0; // transaction() nests: only the outermost one commits
};

} // namespace migician::annotate
