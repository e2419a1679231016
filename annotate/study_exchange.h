// Studies across machines: annotators often work on their own laptops. exportAnnotatorProject()
// writes a self-contained project holding only one annotator's cases of a study (their images
// copied beside it, or referenced by a relative path), their assignments with their order and
// any progress, and for an assisted study the suggestions of its run. The ground truth stays
// behind: a blind study must not travel with its answers. mergeStudyFile() brings the responses
// back.
//
// Merging matches studies and assignments by the uids every copy shares (row ids differ between
// files) and checks that each assignment is the same annotator on the same case. It is
// idempotent (a response already merged is left as it is), refuses a file whose study is not in
// the project, never replaces a response with an older one (the time it was given decides), and
// writes everything of one file in one transaction, so a refused file changes nothing.
#pragma once

#include "annotate/study.h"

#include <functional>

namespace migician::annotate {

enum class ExportImages {
    Copy,      // into FOLDER/NAME-images/ beside the new project (self-contained)
    Reference, // the new project's images root is the original root, as a relative path
};

struct AnnotatorExport
{
    qint64 studyId = 0;
    QString annotator;
    QString outFile; // must not exist
    ExportImages images = ExportImages::Copy;
};

struct AnnotatorExportReport
{
    QString outFile;
    int cases = 0;
    int responses = 0; // already given in the project, carried along
    int imagesCopied = 0;
    QString imagesRoot; // as stored in the new project (relative to it)
    QStringList missingImages;
};

// `progress(done, total)` is called per case; returning false cancels (the partial file and
// copied images are removed). For an open study the annotator is assigned first.
Result<AnnotatorExportReport>
exportAnnotatorProject(ProjectStore &store, const AnnotatorExport &request,
                       const std::function<bool(int done, int total)> &progress = {});

// What an exported file says about itself; nullopt for an ordinary project.
struct StudyExportInfo
{
    QString studyUid;
    QString annotator;
    QString sourceProject;
    QDateTime exported;
};
Result<std::optional<StudyExportInfo>> studyExportInfo(const ProjectStore &store);

struct MergeReport
{
    QString file;
    QStringList studies;     // names of the studies merged
    QStringList annotators;  // whose responses the file held
    int added = 0;           // responses new to the project
    int replaced = 0;        // responses given later than the project's
    int unchanged = 0;       // already in the project (merged before)
    int keptNewer = 0;       // the project's response was given later: kept
    int progressUpdated = 0; // unanswered cases whose active time grew
};
Result<MergeReport> mergeStudyFile(ProjectStore &store, const QString &file);

} // namespace migician::annotate
