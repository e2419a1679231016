#include "demo_project.h"

#include "annotate/project_store.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QStandardPaths>

namespace migician::ui {

QString DemoProject::query()
{
    return QStringLiteral(
            "Please recognize <|object_ref_start|>the common person appearing in all "
            "these images<|object_ref_end|> and locate this person in all these image.");
}

QString DemoProject::ensure(QString *error, const QString &folder, const QString &sourceFolder)
{
    auto tr = [](const char *text) {
        return QCoreApplication::translate("migician::ui::DemoProject", text);
    };
    const QString target
            = folder.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                                         + QStringLiteral("/demo")
                               : folder;
    const QString source = sourceFolder.isEmpty() ? QStringLiteral(":/demo/kitchen") : sourceFolder;
    QDir dir(target);
    if (!dir.mkpath(QStringLiteral("kitchen"))) {
        *error = tr("%1: cannot create the demo folder").arg(target);
        return {};
    }
    QStringList images;
    for (const QString &name :
         {QStringLiteral("view1.jpg"), QStringLiteral("view2.jpg"), QStringLiteral("view3.jpg"),
          QStringLiteral("view4.jpg"), QStringLiteral("LICENSE")}) {
        const QString to = dir.filePath(QStringLiteral("kitchen/") + name);
        if (!QFile::exists(to)) {
            if (!QFile::copy(source + QLatin1Char('/') + name, to)) {
                *error = tr("%1: cannot copy the demo file to %2")
                                 .arg(source + QLatin1Char('/') + name, to);
                return {};
            }
            QFile::setPermissions(to, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup
                                              | QFile::ReadOther);
        }
        if (name.endsWith(QLatin1String(".jpg")))
            images << QStringLiteral("kitchen/") + name;
    }
    const QString file = dir.filePath(QStringLiteral("demo.migician"));
    auto store = annotate::ProjectStore::open(file);
    if (!store) {
        *error = store.error();
        return {};
    }
    auto existing = store.value()->caseIdBySource(QStringLiteral("demo"), 0);
    if (!existing) {
        *error = existing.error();
        return {};
    }
    if (existing.value() == 0) {
        annotate::NewCase demo;
        demo.source = QStringLiteral("demo");
        demo.sourceIndex = 0;
        demo.task = QStringLiteral("common_object");
        demo.question = query();
        demo.imagePaths = images;
        demo.additionalInfo = QStringLiteral(""); // non-null: the column is NOT NULL
        auto id = store.value()->addCase(demo);
        if (!id) {
            *error = id.error();
            return {};
        }
    }
    return file;
}

} // namespace migician::ui
