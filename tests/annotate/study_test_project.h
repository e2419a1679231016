// A small project for the study tests: cases of a few tasks, each with a ground truth (unless
// asked otherwise) and two image paths (the files need not exist for annotate/).
#pragma once

#include "annotate/project_store.h"

#include <QMap>

#include <memory>

namespace migician::test {

// task -> number of cases with ground truth; `withoutTruth` adds cases without one.
inline std::unique_ptr<annotate::ProjectStore>
studyProject(const QString &file, const QMap<QString, int> &perTask,
             const QMap<QString, int> &withoutTruth = {})
{
    using namespace migician::annotate;
    auto store = ProjectStore::open(file, ProjectStore::OpenMode::CreateNew);
    if (!store)
        return nullptr;
    int index = 0;
    auto add = [&](const QString &task, bool truth) {
        NewCase c;
        c.source = QStringLiteral("bench");
        c.sourceIndex = index;
        c.task = task;
        c.question = QStringLiteral("q%1 of %2").arg(index).arg(task);
        c.imagePaths = {QStringLiteral("img/a%1.png").arg(index), QStringLiteral("img/b.png")};
        if (truth) {
            c.groundTruth = NormBox{0.1 + 0.01 * (index % 10), 0.2, 0.5, 0.6};
            c.groundTruthImage = 2;
        }
        ++index;
        return store.value()->addCase(c).ok();
    };
    for (auto it = perTask.begin(); it != perTask.end(); ++it)
        for (int i = 0; i < *it; ++i)
            if (!add(it.key(), true))
                return nullptr;
    for (auto it = withoutTruth.begin(); it != withoutTruth.end(); ++it)
        for (int i = 0; i < *it; ++i)
            if (!add(it.key(), false))
                return nullptr;
    return std::move(store.value());
}

} // namespace migician::test
