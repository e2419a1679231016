#include "cmd_project_cases.h"

#include "annotate/case_composer.h"
#include "annotate/image_file_check.h"
#include "annotate/project_store.h"
#include "annotate/run_history.h"

#include <QDir>
#include <QFileInfo>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

#include <cstdio>

namespace migician::cli {

namespace {

using namespace migician::annotate;

int fail(const QString &message, int code = 1)
{
    return projectFailure(message, code);
}

Result<int> imageCount(const ProjectStore &store)
{
    QSqlQuery q(store.database());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM images")) || !q.next())
        return Result<int>::failure(
                QStringLiteral("%1: cannot count the images").arg(store.fileName()));
    return q.value(0).toInt();
}

// --images-root sets the root of a project that holds no image yet; later it must name the root
// the project already has (paths stored relative to it would otherwise change meaning).
Status applyImagesRoot(ProjectStore &store, const QString &wanted)
{
    if (wanted.isEmpty())
        return {};
    if (!QFileInfo(wanted).isDir())
        return Status::failure(QStringLiteral("%1: images root is not a folder").arg(wanted));
    const Result<int> count = imageCount(store);
    if (!count)
        return count.status();
    if (*count == 0)
        return store.setImagesRoot(wanted);
    const Result<QString> root = store.imagesRoot();
    if (!root)
        return root.status();
    if (QFileInfo(*root).canonicalFilePath() != QFileInfo(wanted).canonicalFilePath())
        return Status::failure(QStringLiteral("%1: its images root is already %2; --images-root "
                                              "only sets it on first use")
                                       .arg(store.fileName(), *root));
    return {};
}

} // namespace

int addCaseCommand(const QStringList &positional, const AddCaseOptions &options)
{
    if (positional.size() != 2 || options.images.isEmpty())
        return fail(QStringLiteral("usage: migician project add-case FILE --image A [--image B "
                                   "...] [--question TEXT] [--task T] [--images-root DIR]"),
                    2);
    QStringList files;
    for (const QString &image : options.images) {
        const QFileInfo info(image);
        if (!info.isFile())
            return fail(QStringLiteral("%1: no such image file").arg(image));
        QImageReader reader(info.absoluteFilePath());
        if (!reader.canRead())
            return fail(QStringLiteral("%1: not an image this build can read (%2)")
                                .arg(image, reader.errorString()));
        files << info.absoluteFilePath();
    }
    auto store = ProjectStore::open(positional.at(1), ProjectStore::OpenMode::OpenOrCreate);
    if (!store)
        return fail(store.error());
    if (Status s = applyImagesRoot(*store.value(), options.imagesRoot); !s)
        return fail(s.error());
    const Result<QString> root = store.value()->imagesRoot();
    if (!root)
        return fail(root.error());
    const QString canonicalRoot = QFileInfo(*root).canonicalFilePath();
    for (const QString &file : std::as_const(files))
        if (!QFileInfo(file).canonicalFilePath().startsWith(canonicalRoot + QLatin1Char('/')))
            std::fprintf(stderr,
                         "migician project: warning: %s is outside the images root %s; it is "
                         "stored with its absolute path\n",
                         qPrintable(file), qPrintable(*root));
    NewComposedCase c;
    c.files = files;
    c.question = options.question.isNull() ? QStringLiteral("") : options.question;
    if (!options.task.isEmpty())
        c.task = options.task;
    CaseComposer composer(*store.value());
    const Result<qint64> id = composer.createCase(
            c, EditContext{options.author.isEmpty() ? QStringLiteral("cli") : options.author, 0});
    if (!id)
        return fail(id.error());
    std::printf("%lld\n", static_cast<long long>(*id));
    return 0;
}

int casesCommand(const QStringList &positional, bool json)
{
    if (positional.size() != 2)
        return fail(QStringLiteral("usage: migician project cases FILE [--json]"), 2);
    auto store = ProjectStore::open(positional.at(1), ProjectStore::OpenMode::OpenExisting);
    if (!store)
        return fail(store.error());
    ProjectStore &project = *store.value();
    const auto cases = project.listCases();
    if (!cases)
        return fail(cases.error());
    CaseComposer composer(project);
    RunHistory history(project);
    QJsonArray list;
    for (const CaseSummary &summary : *cases) {
        const auto info = project.caseById(summary.id);
        const auto files = composer.imageFiles(summary.id);
        const auto runs = history.forCase(summary.id);
        const auto box = project.currentBox(summary.id);
        if (!info || !files || !runs || !box)
            return fail(!info    ? info.error()
                        : !files ? files.error()
                        : !runs  ? runs.error()
                                 : box.error());
        QJsonArray images;
        for (int i = 0; i < files->size(); ++i) {
            const ImageFileCheck check = checkImageFile(files->at(i));
            images << QJsonObject{{QStringLiteral("position"), i + 1},
                                  {QStringLiteral("id"), files->at(i).imageId},
                                  {QStringLiteral("path"), files->at(i).path},
                                  {QStringLiteral("sha256"), files->at(i).contentHash},
                                  {QStringLiteral("state"), toString(check.state)}};
        }
        QJsonObject entry{{QStringLiteral("id"), summary.id},
                          {QStringLiteral("source"), info->source},
                          {QStringLiteral("source_index"), info->sourceIndex},
                          {QStringLiteral("task"), info->task},
                          {QStringLiteral("question"), info->question},
                          {QStringLiteral("images"), images},
                          {QStringLiteral("runs"), int(runs->size())}};
        if (box->has_value()) {
            const CurrentBox &b = **box;
            entry.insert(QStringLiteral("box"),
                         QJsonObject{{QStringLiteral("image"), b.image},
                                     {QStringLiteral("box"),
                                      QJsonArray{b.box.x1, b.box.y1, b.box.x2, b.box.y2}},
                                     {QStringLiteral("origin"),
                                      b.origin == CurrentBox::Origin::Annotation
                                              ? QStringLiteral("annotation")
                                              : QStringLiteral("ground_truth")}});
        }
        list << entry;
    }
    if (json) {
        std::fputs(QJsonDocument(list).toJson(QJsonDocument::Indented).constData(), stdout);
        return 0;
    }
    for (const QJsonValue &value : std::as_const(list)) {
        const QJsonObject c = value.toObject();
        std::printf("case %lld  %s  %lld image(s)  %d run(s)  %s\n",
                    static_cast<long long>(c.value(QLatin1String("id")).toDouble()),
                    qPrintable(c.value(QLatin1String("task")).toString()),
                    static_cast<long long>(c.value(QLatin1String("images")).toArray().size()),
                    c.value(QLatin1String("runs")).toInt(),
                    qPrintable(c.value(QLatin1String("question")).toString()));
        for (const QJsonValue &image : c.value(QLatin1String("images")).toArray()) {
            const QJsonObject i = image.toObject();
            const QString state = i.value(QLatin1String("state")).toString();
            std::printf("  Image-%d  %s%s\n", i.value(QLatin1String("position")).toInt(),
                        qPrintable(i.value(QLatin1String("path")).toString()),
                        state == QLatin1String("ok")
                                ? ""
                                : qPrintable(QStringLiteral("  (%1)").arg(state)));
        }
    }
    return 0;
}

} // namespace migician::cli
