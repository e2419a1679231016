// The project store: schema, annotations with their edit log, bad files.
#include "annotate_test_util.h"
#include "support/qt_test_registry.h"

#include "annotate/project_store.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace migician::annotate;
using namespace migician::test;

class ProjectStoreTest : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    std::unique_ptr<ProjectStore> makeProject(const QString &name, qint64 *caseId)
    {
        auto store = ProjectStore::open(m_dir.filePath(name));
        if (!store)
            return nullptr;
        NewCase c;
        c.task = QStringLiteral("common_object");
        c.question = QStringLiteral("Locate it in the second image.");
        c.imagePaths = {QStringLiteral("a.jpg"), QStringLiteral("b.jpg")};
        c.groundTruth = NormBox{0.1, 0.1, 0.4, 0.4};
        c.groundTruthImage = 2;
        const auto id = store.value()->addCase(c);
        if (!id)
            qWarning("%s", qPrintable(id.error()));
        *caseId = id ? *id : 0;
        return std::move(store.value());
    }

private Q_SLOTS:
    void createsSchemaWithWalAndForeignKeys()
    {
        auto store = ProjectStore::open(m_dir.filePath(QStringLiteral("s.migician")));
        QVERIFY2(store, qPrintable(store.error()));
        QSqlQuery q(store.value()->database());
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
        QCOMPARE(q.value(0).toInt(), ProjectStore::kSchemaVersion);
        for (const char *table : {"images", "cases", "case_images", "queries", "runs",
                                  "predictions", "annotations", "edit_log", "annotators", "studies",
                                  "study_assignments", "study_responses", "evaluation_failures"})
            QVERIFY2(countRows(*store.value(), QLatin1String(table)) == 0, table);
    }

    void annotationEditsAreLogged()
    {
        qint64 caseId = 0;
        auto store = makeProject(QStringLiteral("edits.migician"), &caseId);
        QVERIFY(store && caseId > 0);
        const auto c = store->caseById(caseId);
        QVERIFY2(c, qPrintable(c.error()));
        QCOMPARE(c->images.size(), 2);
        QCOMPARE(c->images.at(1).relativePath, QStringLiteral("b.jpg"));
        QVERIFY(c->images.at(0).missing);
        QCOMPARE(c->groundTruthImage, 2);

        const auto prediction = store->recordPrediction(
                NewPrediction{0,
                              caseId,
                              0,
                              QStringLiteral("(100,100),(300,300)"),
                              {PredictedBox{2, NormBox{0.1, 0.1, 0.3, 0.3}, {}}},
                              1200});
        QVERIFY2(prediction, qPrintable(prediction.error()));
        NewAnnotation model;
        model.caseId = caseId;
        model.image = 2;
        model.box = NormBox{0.1, 0.1, 0.3, 0.3};
        model.source = AnnotationSource::Model;
        model.predictionId = *prediction;
        const auto id = store->createAnnotation(model, EditContext{QStringLiteral("model"), 0});
        QVERIFY2(id, qPrintable(id.error()));
        // A model box only becomes the current box once accepted.
        QCOMPARE(store->currentBox(caseId)->value().origin, CurrentBox::Origin::GroundTruth);
        QVERIFY(store->acceptAnnotation(*id, EditContext{QStringLiteral("ann"), 800}));
        QCOMPARE(store->currentBox(caseId)->value().annotationId, *id);

        const EditContext ann{QStringLiteral("ann"), 1500};
        QVERIFY(store->updateAnnotation(*id, 2, NormBox{0.2, 0.1, 0.4, 0.3}, ann)); // move
        QVERIFY(store->updateAnnotation(*id, 2, NormBox{0.2, 0.1, 0.5, 0.3}, ann)); // resize
        QVERIFY(store->updateAnnotation(*id, 1, NormBox{0.2, 0.1, 0.5, 0.3}, ann)); // image
        QVERIFY(store->updateAnnotation(*id, 1, NormBox{0.2, 0.1, 0.5, 0.3}, ann)); // no-op
        const auto annotation = store->annotation(*id);
        QVERIFY(annotation->source == AnnotationSource::Corrected);
        QCOMPARE(annotation->author, QStringLiteral("ann"));
        QCOMPARE(annotation->predictionId, *prediction);
        const auto current = store->currentBox(caseId);
        QCOMPARE(current->value().image, 1);
        QCOMPARE(current->value().box, (NormBox{0.2, 0.1, 0.5, 0.3}));

        QVERIFY(store->rejectAnnotation(*id, ann));
        QCOMPARE(store->currentBox(caseId)->value().origin, CurrentBox::Origin::GroundTruth);
        QVERIFY(store->deleteAnnotation(*id, EditContext{QStringLiteral("ann"), 300}));
        QVERIFY(store->annotationsForCase(caseId)->isEmpty());
        QVERIFY(!store->updateAnnotation(*id, 1, NormBox{0.1, 0.1, 0.2, 0.2}, ann));

        const auto history = store->editHistory(*id);
        QVERIFY2(history, qPrintable(history.error()));
        QStringList actions;
        for (const auto &e : *history)
            actions << toString(e.action);
        QCOMPARE(actions, (QStringList{"create", "accept", "move", "resize", "move_image", "reject",
                                       "delete"}));
        QCOMPARE(history->at(0).author, QStringLiteral("model"));
        QCOMPARE(history->at(2).durationMs, 1500);
        QVERIFY(history->at(2).beforeJson.contains(QLatin1String("[0.1,0.1,0.3,0.3]")));
        QVERIFY(history->at(2).afterJson.contains(QLatin1String("[0.2,0.1,0.4,0.3]")));
        QVERIFY(history->at(6).afterJson.isEmpty());
        QVERIFY(history->at(6).timestamp.isValid());

        // The log is append-only, even through raw SQL.
        QSqlQuery q(store->database());
        QVERIFY(!q.exec(QStringLiteral("DELETE FROM edit_log")));
        QVERIFY(!q.exec(QStringLiteral("UPDATE edit_log SET duration_ms = 0")));
        QCOMPARE(countRows(*store, QStringLiteral("edit_log")), 7);
    }

    void badAnnotationsWriteNothing()
    {
        qint64 caseId = 0;
        auto store = makeProject(QStringLiteral("bad.migician"), &caseId);
        QVERIFY(store);
        NewAnnotation a;
        a.caseId = caseId;
        a.image = 1;
        a.box = NormBox{0.2, 0.2, 1.3, 0.5};
        const auto outside = store->createAnnotation(a, EditContext{QStringLiteral("x"), 0});
        QVERIFY(!outside);
        QVERIFY2(outside.error().contains(QLatin1String("inside 0..1")),
                 qPrintable(outside.error()));
        a.box = NormBox{0.2, 0.2, 0.5, 0.5};
        a.image = 3;
        QVERIFY(!store->createAnnotation(a, EditContext{QStringLiteral("x"), 0}));
        a.image = 1;
        a.source = AnnotationSource::Model; // without a prediction
        QVERIFY(!store->createAnnotation(a, EditContext{QStringLiteral("x"), 0}));
        QCOMPARE(countRows(*store, QStringLiteral("annotations")), 0);
        QCOMPARE(countRows(*store, QStringLiteral("edit_log")), 0);
        QVERIFY(!store->recordPrediction(
                NewPrediction{0,
                              caseId,
                              0,
                              QStringLiteral("x"),
                              {PredictedBox{1, NormBox{-0.1, 0, 1, 1}, {}}},
                              {}}));
        QCOMPARE(countRows(*store, QStringLiteral("predictions")), 0);
        QVERIFY(!store->addImage(NewImage{QStringLiteral("../etc/passwd"), {}, {}, {}}));
        QCOMPARE(countRows(*store, QStringLiteral("images")), 2);
    }

    void throwingWorkRollsBackAndLaterWritesCommit()
    {
        qint64 caseId = 0;
        auto store = makeProject(QStringLiteral("throwing.migician"), &caseId);
        QVERIFY(store && caseId > 0);
        const auto insertQuery = [&store](const QString &text) {
            QSqlQuery q(store->database());
            q.prepare(QStringLiteral("INSERT INTO queries(text, created) VALUES (?, 'now')"));
            q.addBindValue(text);
            return q.exec();
        };
        // An exception out of the work (outermost and nested): nothing of it stays, and the
        // exception reaches the caller unchanged.
        for (const bool nested : {false, true}) {
            bool thrown = false;
            try {
                (void)store->transaction([&]() -> Status {
                    if (!insertQuery(QStringLiteral("outer")))
                        return Status::failure(QStringLiteral("insert failed"));
                    if (!nested)
                        throw std::runtime_error("work failed");
                    return store->transaction([&]() -> Status {
                        insertQuery(QStringLiteral("inner"));
                        throw std::runtime_error("work failed");
                    });
                });
            } catch (const std::runtime_error &error) {
                thrown = QByteArray(error.what()) == "work failed";
            }
            QVERIFY2(thrown, nested ? "nested" : "outermost");
            QCOMPARE(countRows(*store, QStringLiteral("queries")), 0);
        }
        // The connection is out of the transaction and the depth is back to 0: a later write
        // commits on its own and is seen by another connection.
        QVERIFY(store->transaction([&]() -> Status {
            return insertQuery(QStringLiteral("kept")) ? Status{}
                                                       : Status::failure(QStringLiteral("insert"));
        }));
        QVERIFY(store->recordPrediction(
                NewPrediction{0, caseId, 0, QStringLiteral("(1,2),(3,4)"), {}, 10}));
        const auto reader
                = ProjectStore::open(store->fileName(), ProjectStore::OpenMode::OpenExisting);
        QVERIFY2(reader, qPrintable(reader.error()));
        QCOMPARE(countRows(**reader, QStringLiteral("queries")), 1);
        QCOMPARE(countRows(**reader, QStringLiteral("predictions")), 1);
    }

    void olderProjectsGainTheEvaluationFailuresTable()
    {
        // A project of the version just before evaluationFailuresMigration(), with one case.
        const int failuresVersion
                = schemaVersionWith(QStringLiteral("CREATE TABLE evaluation_failures"));
        QVERIFY(failuresVersion > 1);
        const QString file = m_dir.filePath(QStringLiteral("before-failures.migician"));
        const QString failure = writeProjectOfVersion(
                file, failuresVersion - 1,
                {"INSERT INTO meta VALUES('images_root', '.')",
                 "INSERT INTO images(id, path, content_hash) VALUES(1, 'a.jpg', NULL)",
                 "INSERT INTO images(id, path, content_hash) VALUES(2, 'b.jpg', NULL)",
                 "INSERT INTO cases(id, source, source_index, task, question, gt_image, "
                 "created) VALUES(1, 'MIG_data.json', 0, 'common_object', 'q', 2, 'now')",
                 "INSERT INTO case_images VALUES(1, 1, 1)",
                 "INSERT INTO case_images VALUES(1, 2, 2)"});
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        auto store = ProjectStore::open(file, ProjectStore::OpenMode::OpenExisting);
        QVERIFY2(store, qPrintable(store.error()));
        QSqlQuery q((*store)->database());
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
        QCOMPARE(q.value(0).toInt(), ProjectStore::kSchemaVersion);
        QCOMPARE(countRows(**store, QStringLiteral("evaluation_failures")), 0);
        QCOMPARE((*store)->caseById(1)->images.size(), 2); // the old content is there
    }

    void refusesFilesThatAreNotProjects()
    {
        const QString text = m_dir.filePath(QStringLiteral("notes.migician"));
        writeFile(text, "these are not the droids you are looking for\n");
        const QByteArray before = fileHash(text);
        const auto store = ProjectStore::open(text);
        QVERIFY(!store);
        QVERIFY2(store.error().contains(text) && store.error().contains(QLatin1String("SQLite")),
                 qPrintable(store.error()));
        QCOMPARE(fileHash(text), before);

        // An SQLite database of some other program.
        const QString other = m_dir.filePath(QStringLiteral("other.db"));
        {
            QSqlDatabase db
                    = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
            db.setDatabaseName(other);
            QVERIFY(db.open());
            QSqlQuery(db).exec(QStringLiteral("CREATE TABLE t(x)"));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("other"));
        const QByteArray otherBefore = fileHash(other);
        const auto foreign = ProjectStore::open(other);
        QVERIFY(!foreign);
        QVERIFY2(foreign.error().contains(QLatin1String("not a Migician project")),
                 qPrintable(foreign.error()));
        QCOMPARE(fileHash(other), otherBefore);
    }

    void refusesNewerSchema()
    {
        const QString file = m_dir.filePath(QStringLiteral("future.migician"));
        {
            qint64 caseId = 0;
            auto store = makeProject(QStringLiteral("future.migician"), &caseId);
            QVERIFY(store);
            QSqlQuery q(store->database());
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 99")));
        }
        const QByteArray before = fileHash(file);
        const auto store = ProjectStore::open(file);
        QVERIFY(!store);
        QVERIFY2(store.error().contains(QLatin1String("newer")) && store.error().contains(file),
                 qPrintable(store.error()));
        QCOMPARE(fileHash(file), before);
        QVERIFY(!ProjectStore::open(m_dir.filePath(QStringLiteral("nope.migician")),
                                    ProjectStore::OpenMode::OpenExisting));
    }
};

MIGICIAN_TEST_CLASS(ProjectStoreTest)
#include "tst_project_store.moc"
