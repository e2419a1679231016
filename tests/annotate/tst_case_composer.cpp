// Composed cases in the store: image paths relative to the images root (absolute outside it),
// content hashes, add/remove/move with boxes, ground truth and predictions following their image,
// the exact inverse of a removal, the append-only layout log, moved and edited files detected,
// and a version-1 project file migrated forward.
#include "annotate_test_util.h"
#include "support/qt_test_registry.h"

#include "annotate/case_composer.h"
#include "annotate/image_file_check.h"
#include "annotate/store_schema.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace migician::annotate;
using namespace migician::test;

namespace {

const EditContext kAnn{QStringLiteral("ann"), 700};

QList<int> liveImages(ProjectStore &store, qint64 caseId)
{
    QList<int> images;
    for (const AnnotationInfo &a : store.annotationsForCase(caseId).value())
        images << a.image;
    return images;
}

QStringList paths(const CaseInfo &c)
{
    QStringList list;
    for (const ImageInfo &image : c.images)
        list << image.relativePath;
    return list;
}

} // namespace

class CaseComposerTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    // A project in <dir>/<name>/ whose images root is that folder, with images a..e inside.
    std::unique_ptr<ProjectStore> makeProject(const QString &name, QStringList *files)
    {
        const QString folder = m_dir.filePath(name);
        QDir().mkpath(folder);
        for (const char *image : {"a.jpg", "b.jpg", "c.jpg", "sub/d.jpg", "e.jpg"})
            *files << makeFile(folder + QLatin1Char('/') + QLatin1String(image));
        auto store = ProjectStore::open(folder + QStringLiteral("/p.migician"));
        return store ? std::move(store.value()) : nullptr;
    }

    qint64 box(ProjectStore &store, qint64 caseId, int image, double x)
    {
        NewAnnotation a;
        a.caseId = caseId;
        a.image = image;
        a.box = NormBox{x, 0.1, x + 0.2, 0.3};
        const auto id = store.createAnnotation(a, kAnn);
        return id ? *id : 0;
    }

private Q_SLOTS:
    void createsCasesWithRelativePathsAndHashes()
    {
        QStringList files;
        auto store = makeProject(QStringLiteral("create"), &files);
        QVERIFY(store);
        const QString outside = makeFile(m_dir.filePath(QStringLiteral("elsewhere/x.jpg")));
        CaseComposer composer(*store);
        NewComposedCase c;
        // The same file twice (once relative, once absolute) is one image of the case.
        c.files = {files.at(2), QStringLiteral("a.jpg"), files.at(0), files.at(3), outside};
        c.question = QStringLiteral("Where is the cup of Image-1 in Image-3?");
        const auto id = composer.createCase(c, kAnn);
        QVERIFY2(id, qPrintable(id.error()));
        const auto info = store->caseById(*id);
        QVERIFY(info);
        QCOMPARE(paths(*info),
                 (QStringList{QStringLiteral("c.jpg"), QStringLiteral("a.jpg"),
                              QStringLiteral("sub/d.jpg"), QDir::cleanPath(outside)}));
        QCOMPARE(info->source, QStringLiteral("composed"));
        QCOMPARE(info->task, QStringLiteral("user"));
        QCOMPARE(info->question, c.question);
        const auto stored = composer.imageFiles(*id);
        QVERIFY(stored);
        for (int i = 0; i < stored->size(); ++i) {
            const StoredImageFile &f = stored->at(i);
            QCOMPARE(QString::fromLatin1(fileHash(f.absolutePath)), f.contentHash);
            QCOMPARE(f.size, QFileInfo(f.absolutePath).size());
            QVERIFY(!f.modified.isEmpty());
            QCOMPARE(toString(checkImageFile(f).state), toString(ImageFileState::Ok));
        }
        const auto log = composer.layoutLog(*id);
        QVERIFY(log);
        QCOMPARE(log->size(), 1);
        QCOMPARE(log->first().action, QStringLiteral("create"));
        QCOMPARE(log->first().author, QStringLiteral("ann"));
        QCOMPARE(log->first().after.size(), 4);

        // A rule's case (source, index) is made once.
        NewComposedCase rule;
        rule.files = {files.at(4)};
        rule.source = QStringLiteral("folder-all");
        rule.sourceIndex = 0;
        const auto first = composer.createCase(rule, kAnn);
        const auto again = composer.createCase(rule, kAnn);
        QVERIFY(first && again);
        QCOMPARE(*again, *first);

        QVERIFY(!composer.createCase(NewComposedCase{}, kAnn));
    }

    void boxesGroundTruthAndPredictionsFollowTheirImage()
    {
        QStringList files;
        auto store = makeProject(QStringLiteral("move"), &files);
        QVERIFY(store);
        CaseComposer composer(*store);
        NewComposedCase c;
        c.files = files.mid(0, 3); // a b c
        const auto id = composer.createCase(c, kAnn);
        QVERIFY(id);
        const qint64 onA = box(*store, *id, 1, 0.1), onC = box(*store, *id, 3, 0.3);
        QVERIFY(onA && onC);
        const qint64 gone = box(*store, *id, 2, 0.2);
        QVERIFY(store->deleteAnnotation(gone, kAnn)); // a deleted box follows too
        QSqlQuery q(store->database());
        QVERIFY(q.exec(QStringLiteral("UPDATE cases SET gt_image = 3, gt_x1 = 0.1, gt_y1 = 0.1, "
                                      "gt_x2 = 0.2, gt_y2 = 0.2 WHERE id = %1")
                               .arg(*id)));
        const auto prediction = store->recordPrediction(
                NewPrediction{0,
                              *id,
                              0,
                              QStringLiteral("(1,1),(2,2)"),
                              {PredictedBox{1, NormBox{0.1, 0.1, 0.2, 0.2}, {}},
                               PredictedBox{3, NormBox{0.3, 0.3, 0.4, 0.4}, {}}},
                              10});
        QVERIFY2(prediction, qPrintable(prediction.error()));

        // a b c -> b c a
        QVERIFY(composer.moveImage(*id, 1, 3, kAnn));
        QCOMPARE(paths(*store->caseById(*id)),
                 (QStringList{QStringLiteral("b.jpg"), QStringLiteral("c.jpg"),
                              QStringLiteral("a.jpg")}));
        QCOMPARE(store->annotation(onA)->image, 3);
        QCOMPARE(store->annotation(onC)->image, 2);
        QCOMPARE(store->annotation(gone)->image, 1);
        QCOMPARE(store->caseById(*id)->groundTruthImage, 2);
        const auto predictions = store->predictionsForCase(*id);
        QVERIFY(predictions);
        QCOMPARE(predictions->first().boxes.at(0).image, 3);
        QCOMPARE(predictions->first().boxes.at(1).image, 2);
        // A box's content and its modification time do not change: only its image number.
        QCOMPARE(store->annotation(onA)->box, (NormBox{0.1, 0.1, 0.1 + 0.2, 0.3}));

        // The log holds the orders before and after, for reading older image numbers.
        const auto log = composer.layoutLog(*id);
        QCOMPARE(log->size(), 2);
        QCOMPARE(log->at(1).action, QStringLiteral("move"));
        QCOMPARE(log->at(1).after, (QList<qint64>{log->at(1).before.at(1), log->at(1).before.at(2),
                                                  log->at(1).before.at(0)}));
        QSqlQuery tamper(store->database());
        QVERIFY(!tamper.exec(QStringLiteral("DELETE FROM case_layout_log")));
        QVERIFY(!tamper.exec(QStringLiteral("UPDATE case_layout_log SET action = 'add'")));

        QVERIFY(!composer.moveImage(*id, 0, 2, kAnn));
        QVERIFY(!composer.moveImage(*id, 1, 4, kAnn));
    }

    void removingAnImageIsUndoneExactly()
    {
        QStringList files;
        auto store = makeProject(QStringLiteral("remove"), &files);
        QVERIFY(store);
        CaseComposer composer(*store);
        NewComposedCase c;
        c.files = files.mid(0, 4); // a b c d
        const auto id = composer.createCase(c, kAnn);
        QVERIFY(id);
        const qint64 onB = box(*store, *id, 2, 0.1), onD = box(*store, *id, 4, 0.4);
        const qint64 deletedOnB = box(*store, *id, 2, 0.5);
        QVERIFY(store->deleteAnnotation(deletedOnB, kAnn));
        QSqlQuery q(store->database());
        QVERIFY(q.exec(QStringLiteral("UPDATE cases SET gt_image = 2 WHERE id = %1").arg(*id)));
        const QStringList before = paths(*store->caseById(*id));

        const auto removed = composer.removeImage(*id, 2, kAnn);
        QVERIFY2(removed, qPrintable(removed.error()));
        QCOMPARE(paths(*store->caseById(*id)),
                 (QStringList{QStringLiteral("a.jpg"), QStringLiteral("c.jpg"),
                              QStringLiteral("sub/d.jpg")}));
        QCOMPARE(liveImages(*store, *id), (QList<int>{3})); // the box of d follows it
        QCOMPARE(store->caseById(*id)->groundTruthImage, 0);
        QCOMPARE(removed->deletedAnnotations, (QList<qint64>{onB}));
        QCOMPARE(toString(store->editHistory(onB)->last().action), QStringLiteral("delete"));

        const Status restored = composer.restoreImage(*removed, kAnn);
        QVERIFY2(restored, qPrintable(restored.error()));
        QCOMPARE(paths(*store->caseById(*id)), before);
        QCOMPARE(store->annotation(onB)->image, 2);
        QCOMPARE(store->annotation(onD)->image, 4);
        QCOMPARE(store->annotation(deletedOnB)->image, 2);
        QCOMPARE(liveImages(*store, *id), (QList<int>{2, 4})); // deletedOnB stays deleted
        QCOMPARE(store->caseById(*id)->groundTruthImage, 2);
        QStringList actions;
        for (const LayoutChange &change : composer.layoutLog(*id).value())
            actions << change.action;
        QCOMPARE(actions, (QStringList{"create", "remove", "restore"}));

        // A case keeps one image at least.
        NewComposedCase single;
        single.files = {files.at(4)};
        const auto one = composer.createCase(single, kAnn);
        QVERIFY(one);
        const auto refused = composer.removeImage(*one, 1, kAnn);
        QVERIFY(!refused);
        QVERIFY2(refused.error().contains(QLatin1String("at least one image")),
                 qPrintable(refused.error()));
    }

    void addsImagesAtAPositionAndSkipsThoseInTheCase()
    {
        QStringList files;
        auto store = makeProject(QStringLiteral("add"), &files);
        QVERIFY(store);
        CaseComposer composer(*store);
        NewComposedCase c;
        c.files = {files.at(0), files.at(1)};
        const auto id = composer.createCase(c, kAnn);
        QVERIFY(id);
        const qint64 onB = box(*store, *id, 2, 0.1);
        const auto added
                = composer.addImages(*id, 2, {files.at(2), files.at(0), files.at(4)}, kAnn);
        QVERIFY2(added, qPrintable(added.error()));
        QCOMPARE(added->positions, (QList<int>{2, 3}));
        QCOMPARE(added->skipped, (QStringList{files.at(0)}));
        QCOMPARE(paths(*store->caseById(*id)),
                 (QStringList{QStringLiteral("a.jpg"), QStringLiteral("c.jpg"),
                              QStringLiteral("e.jpg"), QStringLiteral("b.jpg")}));
        QCOMPARE(store->annotation(onB)->image, 4);
        QVERIFY(!composer.addImages(*id, 9, {files.at(3)}, kAnn));
    }

    void detectsMovedAndEditedFiles()
    {
        QStringList files;
        auto store = makeProject(QStringLiteral("check"), &files);
        QVERIFY(store);
        CaseComposer composer(*store);
        NewComposedCase c;
        c.files = files.mid(0, 3);
        const auto id = composer.createCase(c, kAnn);
        QVERIFY(id);
        auto states = [&] {
            QStringList list;
            for (const StoredImageFile &f : composer.imageFiles(*id).value())
                list << toString(checkImageFile(f).state);
            return list;
        };
        QCOMPARE(states(), (QStringList{"ok", "ok", "ok"}));
        // Touched but identical: still ok, and the new time is recorded.
        QThread::msleep(20);
        writeFile(files.at(0), files.at(0).toUtf8());
        const StoredImageFile first = composer.imageFiles(*id)->at(0);
        const ImageFileCheck touched = checkImageFile(first);
        QCOMPARE(toString(touched.state), toString(ImageFileState::Ok));
        QVERIFY(touched.refreshFingerprint);
        QVERIFY(composer.recordFingerprint(first.imageId, touched.now));
        QVERIFY(!checkImageFile(composer.imageFiles(*id)->at(0)).refreshFingerprint);
        // Edited: the content differs.
        writeFile(files.at(1), "edited pixels");
        // Moved away: missing.
        QVERIFY(QFile::rename(files.at(2), files.at(2) + QStringLiteral(".moved")));
        QCOMPARE(states(), (QStringList{"ok", "changed", "missing"}));
        // The user accepts the edited file: it becomes the recorded one.
        QVERIFY(composer.acceptCurrentFile(composer.imageFiles(*id)->at(1).imageId));
        QCOMPARE(states(), (QStringList{"ok", "ok", "missing"}));
        QVERIFY(!composer.acceptCurrentFile(composer.imageFiles(*id)->at(2).imageId));
    }

    void projectFolderCanBeMovedWithItsImages()
    {
        QStringList files;
        qint64 id = 0;
        {
            auto store = makeProject(QStringLiteral("movable"), &files);
            QVERIFY(store);
            QVERIFY(store->setImagesRoot(m_dir.filePath(QStringLiteral("movable"))));
            NewComposedCase c;
            c.files = files.mid(0, 2);
            const auto created = CaseComposer(*store).createCase(c, kAnn);
            QVERIFY(created);
            id = *created;
        }
        QVERIFY(QDir().rename(m_dir.filePath(QStringLiteral("movable")),
                              m_dir.filePath(QStringLiteral("moved"))));
        auto store = ProjectStore::open(m_dir.filePath(QStringLiteral("moved/p.migician")));
        QVERIFY2(store, qPrintable(store.error()));
        QCOMPARE(store.value()->imagesRoot().value(), m_dir.filePath(QStringLiteral("moved")));
        for (const StoredImageFile &f : CaseComposer(*store.value()).imageFiles(id).value())
            QCOMPARE(toString(checkImageFile(f).state), toString(ImageFileState::Ok));
    }

    // A project written by an older version (schema 1, and the version just before
    // composedCasesMigration()) opens: it is migrated forward, its data is intact, and its cases
    // can be composed further.
    void migratesAnOlderProject_data()
    {
        QTest::addColumn<int>("version");
        const int composed = schemaVersionWith(QStringLiteral("CREATE TABLE case_runs"));
        QTest::newRow("1") << 1;
        QTest::newRow(qPrintable(QStringLiteral("%1 (just before)").arg(composed - 1)))
                << composed - 1;
    }

    void migratesAnOlderProject()
    {
        QFETCH(int, version);
        QVERIFY(version >= 1);
        const QString folder = m_dir.filePath(QStringLiteral("v%1").arg(version));
        const QString file = folder + QStringLiteral("/old.migician");
        makeFile(folder + QStringLiteral("/x.jpg"));
        makeFile(folder + QStringLiteral("/y.jpg"));
        const QString failure = writeProjectOfVersion(
                file, version,
                {"INSERT INTO meta VALUES('images_root', '.')",
                 "INSERT INTO images(id, path, content_hash) VALUES(1, 'x.jpg', NULL)",
                 "INSERT INTO images(id, path, content_hash) VALUES(2, 'y.jpg', NULL)",
                 "INSERT INTO cases(id, source, source_index, task, question, gt_image, "
                 "created) VALUES(1, 'MIG_data.json', 0, 'common_object', 'q', 2, 'now')",
                 "INSERT INTO case_images VALUES(1, 1, 1)",
                 "INSERT INTO case_images VALUES(1, 2, 2)",
                 "INSERT INTO predictions(id, case_id, raw_answer, created) "
                 "VALUES(1, 1, 'a', 'now')",
                 "INSERT INTO prediction_boxes VALUES(1, 0, 2, 0.1, 0.1, 0.2, 0.2, NULL, "
                 "NULL, NULL, NULL)"});
        QVERIFY2(failure.isEmpty(), qPrintable(failure));

        auto store = ProjectStore::open(file, ProjectStore::OpenMode::OpenExisting);
        QVERIFY2(store, qPrintable(store.error()));
        QSqlQuery q(store.value()->database());
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
        QCOMPARE(q.value(0).toInt(), ProjectStore::kSchemaVersion);
        QCOMPARE(int(schemaMigrations().size()), ProjectStore::kSchemaVersion);
        for (const char *table : {"case_runs", "case_layout_log"})
            QCOMPARE(countRows(*store.value(), QLatin1String(table)), 0);
        QCOMPARE(paths(*store.value()->caseById(1)),
                 (QStringList{QStringLiteral("x.jpg"), QStringLiteral("y.jpg")}));
        QCOMPARE(store.value()->predictionsForCase(1)->first().boxes.first().image, 2);
        // Files recorded without a hash are "unverified" and get one on first sight.
        CaseComposer composer(*store.value());
        const ImageFileCheck check = checkImageFile(composer.imageFiles(1)->first());
        QCOMPARE(toString(check.state), toString(ImageFileState::Unverified));
        QVERIFY(check.refreshFingerprint);
        QVERIFY(composer.recordFingerprint(1, check.now));
        QCOMPARE(toString(checkImageFile(composer.imageFiles(1)->first()).state),
                 toString(ImageFileState::Ok));
        // An old prediction (no recorded order) follows a reorder made now: y.jpg goes first.
        QVERIFY(composer.moveImage(1, 2, 1, kAnn));
        QCOMPARE(store.value()->predictionsForCase(1)->first().boxes.first().image, 1);
        QCOMPARE(store.value()->caseById(1)->groundTruthImage, 1);
    }
};

MIGICIAN_TEST_CLASS(CaseComposerTest)
#include "tst_case_composer.moc"
