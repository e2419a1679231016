// The history of runs on a case: every field kept and read back newest first, boxes and
// references following their images, no credentials in the stored endpoint, labels that lead
// back to their run and query in the exports, and composed cases that survive a MIG-Bench round
// trip into a new project.
#include "annotate_test_util.h"
#include "support/qt_test_registry.h"

#include "annotate/annotation_export.h"
#include "annotate/case_composer.h"
#include "annotate/migbench_file.h"
#include "annotate/migbench_import.h"
#include "annotate/run_history.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace migician::annotate;
using namespace migician::test;

namespace {

const EditContext kAnn{QStringLiteral("ann"), 500};

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class RunHistoryTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    struct Project
    {
        std::unique_ptr<ProjectStore> store;
        qint64 caseId = 0;
        QStringList files;
    };

    Project makeProject(const QString &name)
    {
        Project p;
        const QString folder = m_dir.filePath(name);
        for (const char *image : {"a.jpg", "b.jpg", "c.jpg"})
            p.files << makeFile(folder + QStringLiteral("/imgs/") + QLatin1String(image));
        auto store = ProjectStore::open(folder + QStringLiteral("/p.migician"));
        if (!store)
            return p;
        p.store = std::move(store.value());
        NewComposedCase c;
        c.files = p.files;
        c.question = QStringLiteral("Where is the cup?");
        const auto id = CaseComposer(*p.store).createCase(c, kAnn);
        p.caseId = id ? *id : 0;
        return p;
    }

    NewCaseRun answered(const Project &p, const QString &query)
    {
        const auto info = p.store->caseById(p.caseId);
        NewCaseRun run;
        run.caseId = p.caseId;
        run.query = query;
        run.references = {RunReference{info->images.at(0).id, 0, NormBox{0.1, 0.2, 0.3, 0.4}}};
        run.backend
                = RunBackend{QStringLiteral("Built-in assistant (OpenCV)"), QString(),
                             QStringLiteral("opencv"), QStringLiteral("{\"max_new_tokens\":128}")};
        run.status = RunStatus::Answered;
        run.answer = QStringLiteral("It's in the third image. <|box_start|>(500,500),(600,600)"
                                    "<|box_end|>");
        run.boxes = {PredictedBox{3, NormBox{0.5, 0.5, 0.6, 0.6}, {}}};
        run.timings = RunTimings{850, 120, 800};
        run.author = QStringLiteral("ann");
        return run;
    }

private Q_SLOTS:
    void recordsEveryRunNewestFirst()
    {
        Project p = makeProject(QStringLiteral("history"));
        QVERIFY(p.store && p.caseId > 0);
        RunHistory history(*p.store);
        const auto first
                = history.record(answered(p, QStringLiteral("Find Image-4 in the others")));
        QVERIFY2(first, qPrintable(first.error()));
        QVERIFY(first->predictionId > 0 && first->runId > 0);

        NewCaseRun cancelled = answered(p, QStringLiteral("second"));
        cancelled.status = RunStatus::Cancelled;
        cancelled.answer = QStringLiteral("It's in");
        cancelled.boxes.clear();
        QVERIFY(history.record(cancelled));
        NewCaseRun failed = answered(p, QStringLiteral("third"));
        failed.status = RunStatus::Failed;
        failed.error = QStringLiteral("out of memory");
        failed.boxes.clear();
        QVERIFY(history.record(failed));

        const auto runs = history.forCase(p.caseId);
        QVERIFY2(runs, qPrintable(runs.error()));
        QCOMPARE(runs->size(), 3);
        QCOMPARE(runs->at(0).query, QStringLiteral("third"));
        QCOMPARE(toString(runs->at(0).status), toString(RunStatus::Failed));
        QCOMPARE(runs->at(0).error, QStringLiteral("out of memory"));
        QCOMPARE(runs->at(0).predictionId, 0);
        QCOMPARE(toString(runs->at(1).status), toString(RunStatus::Cancelled));
        QCOMPARE(runs->at(1).answer, QStringLiteral("It's in"));
        const CaseRunInfo &r = runs->at(2);
        QCOMPARE(r.id, first->id);
        QCOMPARE(r.query, QStringLiteral("Find Image-4 in the others"));
        QCOMPARE(r.backend.name, QStringLiteral("Built-in assistant (OpenCV)"));
        QCOMPARE(r.backend.configChecksum, QStringLiteral("opencv"));
        QCOMPARE(r.backend.samplingJson, QStringLiteral("{\"max_new_tokens\":128}"));
        QCOMPARE(r.author, QStringLiteral("ann"));
        QCOMPARE(r.timings.totalMs, 850);
        QCOMPARE(r.timings.firstTokenMs.value_or(-1), 120);
        QCOMPARE(r.timings.engineMs.value_or(-1), 800);
        QVERIFY(r.started.isValid() && r.finished >= r.started);
        QCOMPARE(r.references.size(), 1);
        QCOMPARE(r.references.first().image, 1);
        QCOMPARE(r.references.first().box, (NormBox{0.1, 0.2, 0.3, 0.4}));
        QCOMPARE(r.boxes.size(), 1);
        QCOMPARE(r.boxes.first().image, 3);
        QVERIFY(r.answer.contains(QLatin1String("<|box_start|>")));
        // The run is also a prediction: dashboards and the review queue see it as before.
        const auto predictions = p.store->predictionsForCase(p.caseId);
        QCOMPARE(predictions->size(), 1);
        QCOMPARE(predictions->first().runId, r.runId);
        QCOMPARE(p.store->run(r.runId)->backend, r.backend.name);
        QCOMPARE(history.byPrediction(r.predictionId)->value().id, r.id);
        QVERIFY(!history.byPrediction(999)->has_value());

        // A reference cut from an image that is not in the case is refused.
        NewCaseRun stray = answered(p, QStringLiteral("stray"));
        stray.references.first().imageId = 9999;
        QVERIFY(!history.record(stray));
        NewCaseRun anonymous = answered(p, QStringLiteral("nobody"));
        anonymous.author.clear();
        QVERIFY(!history.record(anonymous));
    }

    void boxesAndReferencesFollowTheirImages()
    {
        Project p = makeProject(QStringLiteral("follow"));
        QVERIFY(p.store);
        RunHistory history(*p.store);
        QVERIFY(history.record(answered(p, QStringLiteral("q"))));
        CaseComposer composer(*p.store);
        QVERIFY(composer.moveImage(p.caseId, 3, 1, kAnn)); // a b c -> c a b
        auto run = history.forCase(p.caseId)->first();
        QCOMPARE(run.boxes.first().image, 1);
        QCOMPARE(run.references.first().image, 2);
        const auto removed = composer.removeImage(p.caseId, 2, kAnn); // the reference's image
        QVERIFY(removed);
        run = history.forCase(p.caseId)->first();
        QCOMPARE(run.references.first().image, 0);
        QCOMPARE(run.boxes.first().image, 1);
    }

    void storesNoCredentials()
    {
        QCOMPARE(RunHistory::safeEndpoint(
                         QStringLiteral("https://user:sk-secret@api.example.com/v1?key=sk-2#x")),
                 QStringLiteral("https://api.example.com/v1"));
        QCOMPARE(RunHistory::safeEndpoint(QStringLiteral("/models/Migician")),
                 QStringLiteral("/models/Migician"));
        Project p = makeProject(QStringLiteral("keys"));
        NewCaseRun run = answered(p, QStringLiteral("q"));
        run.backend.endpoint = QStringLiteral("http://me:hunter2@127.0.0.1:8000/v1?api_key=abc");
        const auto recorded = RunHistory(*p.store).record(run);
        QVERIFY(recorded);
        QCOMPARE(recorded->backend.endpoint, QStringLiteral("http://127.0.0.1:8000/v1"));
        const QByteArray bytes = readAll(p.store->fileName())
                                 + readAll(p.store->fileName() + QStringLiteral("-wal"));
        QVERIFY(!bytes.contains("hunter2"));
        QVERIFY(!bytes.contains("api_key=abc"));
    }

    // An accepted model box says which run and query produced it, in every format with room for
    // it.
    void exportsNameTheRunAndQueryOfALabel()
    {
        Project p = makeProject(QStringLiteral("provenance"));
        QVERIFY(p.store);
        const auto run = RunHistory(*p.store).record(answered(p, QStringLiteral("Find the cup")));
        QVERIFY(run);
        NewAnnotation a;
        a.caseId = p.caseId;
        a.image = 3;
        a.box = NormBox{0.5, 0.5, 0.6, 0.6};
        a.source = AnnotationSource::Model;
        a.predictionId = run->predictionId;
        const auto id = p.store->createAnnotation(a, EditContext{QStringLiteral("model"), 0});
        QVERIFY(id);
        QVERIFY(p.store->acceptAnnotation(*id, kAnn));
        const CaseInfo composed = p.store->caseById(p.caseId).value();
        for (const ImageInfo &image : composed.images)
            QVERIFY(p.store->setImageSize(image.id, 200, 100));

        const QString csv = m_dir.filePath(QStringLiteral("provenance.csv"));
        QVERIFY(exportAnnotations(*p.store, ExportFormat::Csv, csv));
        const QList<QByteArray> lines = readAll(csv).trimmed().split('\n');
        QVERIFY(lines.first().endsWith(",question,run_id,run_query"));
        QVERIFY2(lines.at(1).endsWith(QStringLiteral(",%1,Find the cup").arg(run->runId).toUtf8()),
                 lines.at(1).constData());

        const QString mig = m_dir.filePath(QStringLiteral("provenance.json"));
        QVERIFY(exportAnnotations(*p.store, ExportFormat::MigBench, mig));
        const QJsonObject entry = QJsonDocument::fromJson(readAll(mig)).array().first().toObject();
        QCOMPARE(entry.value("answer_image").toInt(), 3);
        QCOMPARE(entry.value("provenance").toObject().value("run").toInteger(), run->runId);
        QCOMPARE(entry.value("provenance").toObject().value("query").toString(),
                 QStringLiteral("Find the cup"));

        const QString coco = m_dir.filePath(QStringLiteral("provenance.coco.json"));
        QVERIFY(exportAnnotations(*p.store, ExportFormat::Coco, coco));
        const QJsonObject annotation = QJsonDocument::fromJson(readAll(coco))
                                               .object()
                                               .value("annotations")
                                               .toArray()
                                               .first()
                                               .toObject();
        QCOMPARE(annotation.value("migician_run").toInteger(), run->runId);
        QCOMPARE(annotation.value("migician_query").toString(), QStringLiteral("Find the cup"));
        const QJsonArray bbox = annotation.value("bbox").toArray();
        const double expected[4] = {100, 50, 20, 10};
        for (int k = 0; k < 4; ++k)
            QVERIFY(qAbs(bbox.at(k).toDouble() - expected[k]) < 1e-9);

        for (ExportFormat format : {ExportFormat::Odvg, ExportFormat::LlamaFactory}) {
            const QString out = m_dir.filePath(QStringLiteral("provenance.%1").arg(int(format)));
            const auto report = exportAnnotations(*p.store, format, out);
            QVERIFY(report);
            QCOMPARE(report->exported, 1);
        }
    }

    // Composed cases -> MIG-Bench JSON -> import into a new project -> the same cases: images in
    // order, question, task, box and the image holding it.
    void composedCasesRoundTripThroughMigBench()
    {
        Project p = makeProject(QStringLiteral("roundtrip"));
        QVERIFY(p.store);
        CaseComposer composer(*p.store);
        NewComposedCase second;
        second.files = {p.files.at(2), p.files.at(0)};
        second.question = QStringLiteral("Which object of Image-1 is missing in Image-2?");
        second.task = QStringLiteral("diff_user");
        const auto secondId = composer.createCase(second, kAnn);
        QVERIFY(secondId);
        struct Label
        {
            qint64 caseId;
            int image;
            NormBox box;
        };
        const QList<Label> labels{{p.caseId, 2, NormBox{0.125, 0.25, 0.5, 0.75}},
                                  {*secondId, 1, NormBox{0.0, 0.0, 1.0, 0.5}}};
        for (const Label &label : labels) {
            NewAnnotation a;
            a.caseId = label.caseId;
            a.image = label.image;
            a.box = label.box;
            QVERIFY(p.store->createAnnotation(a, kAnn));
        }
        const QString bench = m_dir.filePath(QStringLiteral("roundtrip/composed.json"));
        const auto report = exportAnnotations(*p.store, ExportFormat::MigBench, bench);
        QVERIFY2(report, qPrintable(report.error()));
        QCOMPARE(report->exported, 2);
        const auto parsed = readMigBench(bench);
        QVERIFY2(parsed, qPrintable(parsed.error()));

        auto fresh = ProjectStore::open(m_dir.filePath(QStringLiteral("roundtrip/new.migician")));
        QVERIFY(fresh);
        const auto imported = importMigBench(*fresh.value(), bench,
                                             m_dir.filePath(QStringLiteral("roundtrip")));
        QVERIFY2(imported, qPrintable(imported.error()));
        QCOMPARE(imported->added, 2);
        QVERIFY(imported->missingImages.isEmpty());
        const auto cases = fresh.value()->listCases().value();
        QCOMPARE(cases.size(), 2);
        for (int i = 0; i < 2; ++i) {
            const CaseInfo before = p.store->caseById(labels.at(i).caseId).value();
            const CaseInfo after = fresh.value()->caseById(cases.at(i).id).value();
            QStringList beforePaths, afterPaths;
            for (const ImageInfo &image : before.images)
                beforePaths << image.relativePath;
            for (const ImageInfo &image : after.images)
                afterPaths << image.relativePath;
            QCOMPARE(afterPaths, beforePaths);
            QCOMPARE(after.question, before.question);
            QCOMPARE(after.task, before.task);
            QVERIFY(after.groundTruth);
            QCOMPARE(*after.groundTruth, labels.at(i).box);
            QCOMPARE(after.groundTruthImage, labels.at(i).image);
            // The image-aware scorer reads the same target image.
            QCOMPARE(parsed->cases.at(i).answerImage > 0 ? parsed->cases.at(i).answerImage
                                                         : after.groundTruthImage,
                     labels.at(i).image);
        }
    }
};

MIGICIAN_TEST_CLASS(RunHistoryTest)
#include "tst_run_history.moc"
