// A small project for the review-queue tests: six cases with ground truth [0.2,0.2,0.6,0.6] on
// image 1 and one evaluation run whose predictions have known IoUs against it. Store API only
// (Qt Core/Sql), so that the annotate and the ui tests can both use it; the images named here are
// written by the caller when it needs them (a.png and b.png per case, in the project's folder).
#pragma once

#include "annotate/project_store.h"

#include <QList>

namespace migician::test {

struct ReviewProject
{
    std::unique_ptr<annotate::ProjectStore> store;
    QList<qint64> caseIds; // by case number 0..5
    qint64 runId = 0;
    QString error;
};

inline QString reviewImagePath(int caseNumber, int image)
{
    return QStringLiteral("case%1_%2.png").arg(caseNumber).arg(image);
}

// Case k: task, prediction (image, box) and the IoU against the ground truth.
//   0 region           image 1 [0.2,0.2,0.6,0.6]   1.0
//   1 region           image 1 [0.2,0.2,0.6,0.4]   0.5
//   2 region           image 1 [0.4,0.2,0.8,0.6]   1/3
//   3 refer_grounding  image 2 [0.2,0.2,0.6,0.6]   0 (wrong image)
//   4 diff             no box                      0
//   5 diff             no prediction               (not in any queue)
inline ReviewProject makeReviewProject(const QString &file)
{
    using namespace migician::annotate;
    ReviewProject project;
    auto opened = ProjectStore::open(file, ProjectStore::OpenMode::CreateNew);
    if (!opened) {
        project.error = opened.error();
        return project;
    }
    project.store = std::move(opened.value());
    const QStringList tasks{"region", "region", "region", "refer_grounding", "diff", "diff"};
    for (int k = 0; k < tasks.size(); ++k) {
        NewCase c;
        c.source = QStringLiteral("review.json");
        c.sourceIndex = k;
        c.task = tasks[k];
        c.question = QStringLiteral("Where is the object of case %1?").arg(k);
        c.imagePaths = {reviewImagePath(k, 1), reviewImagePath(k, 2)};
        c.groundTruth = NormBox{0.2, 0.2, 0.6, 0.6};
        c.groundTruthImage = 1;
        c.additionalInfo = QStringLiteral("");
        const auto id = project.store->addCase(c);
        if (!id) {
            project.error = id.error();
            return project;
        }
        project.caseIds << *id;
    }
    NewRun run;
    run.backend = QStringLiteral("opencv");
    run.modelFolder = QStringLiteral("");
    run.configChecksum = QStringLiteral("opencv");
    const auto runId = project.store->createRun(run);
    if (!runId) {
        project.error = runId.error();
        return project;
    }
    project.runId = *runId;
    const QList<QList<PredictedBox>> boxes{{{1, NormBox{0.2, 0.2, 0.6, 0.6}, {}}},
                                           {{1, NormBox{0.2, 0.2, 0.6, 0.4}, {}}},
                                           {{1, NormBox{0.4, 0.2, 0.8, 0.6}, {}}},
                                           {{2, NormBox{0.2, 0.2, 0.6, 0.6}, {}}},
                                           {}};
    for (int k = 0; k < boxes.size(); ++k) {
        NewPrediction p;
        p.runId = project.runId;
        p.caseId = project.caseIds[k];
        p.rawAnswer = boxes[k].isEmpty() ? QStringLiteral("no box") : QStringLiteral("a box");
        p.boxes = boxes[k];
        p.latencyMs = 100 + k;
        if (const auto recorded = project.store->recordPrediction(p); !recorded) {
            project.error = recorded.error();
            return project;
        }
    }
    return project;
}

} // namespace migician::test
