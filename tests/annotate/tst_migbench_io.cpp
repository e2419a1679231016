// MIG-Bench import (the real file), export in every format and reading back, bad input.
#include "annotate_test_util.h"
#include "support/qt_test_registry.h"

#include "annotate/annotation_export.h"
#include "annotate/migbench_file.h"
#include "annotate/migbench_import.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace migician::annotate;
using namespace migician::test;

namespace {

const char *const kBench = "data/mig-bench/MIG_data.json";

QByteArray smallBench(const QString &answer = QStringLiteral("[0.1, 0.2, 0.3, 0.4]"),
                      const QString &secondPath = QStringLiteral("./imgs/b.jpg"))
{
    return QStringLiteral(R"([
 {"task": "common_object", "images": ["./imgs/a.jpg", "%2"],
  "question": "Locate it in the second image.", "answer": %1, "additional_info": "",
  "need_format": true},
 {"task": "region", "images": ["./imgs/a.jpg", "./imgs/c.jpg"],
  "question": "Locate the 1th region.", "answer": [0.5, 0.5, 0.6, 0.7],
  "additional_info": "x", "need_format": false}])")
            .arg(answer, secondPath)
            .toUtf8();
}

} // namespace

class MigBenchIoTest : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void importsTheRealBenchAndRoundTrips()
    {
        auto store = ProjectStore::open(m_dir.filePath(QStringLiteral("real.migician")));
        QVERIFY2(store, qPrintable(store.error()));
        const auto report = importMigBench(*store.value(), sharedFile(kBench), m_dir.path());
        QVERIFY2(report, qPrintable(report.error()));
        QCOMPARE(report->added, 4295);
        const QMap<QString, int> expected{{"region", 1203},         {"common_object", 816},
                                          {"object_tracking", 550}, {"diff", 528},
                                          {"group_grounding", 499}, {"multi_view", 288},
                                          {"correspondence", 117},  {"reasoning", 101},
                                          {"refer_grounding", 99},  {"view_diff", 94}};
        QCOMPARE(report->perTask, expected);
        for (auto it = expected.begin(); it != expected.end(); ++it)
            QCOMPARE(store.value()->caseCount(it.key()).value(), it.value());
        QCOMPARE(report->missingImages.size(), 5887); // the images are not shipped
        QCOMPARE(report->warnings.size(), 7);         // swapped or >1 ground truths, kept

        const auto again = importMigBench(*store.value(), sharedFile(kBench), m_dir.path());
        QVERIFY2(again, qPrintable(again.error()));
        QCOMPARE(again->added, 0);
        QCOMPARE(again->alreadyPresent, 4295);
        QCOMPARE(store.value()->caseCount().value(), 4295);

        // group_grounding's target image comes from additional_info.
        const auto first = store.value()->caseIdBySource(QStringLiteral("MIG_data.json"), 0);
        QCOMPARE(store.value()->caseById(*first)->groundTruthImage, 1); // "the 1th image"

        const QString out = m_dir.filePath(QStringLiteral("export.json"));
        const auto exported = exportAnnotations(*store.value(), ExportFormat::MigBench, out);
        QVERIFY2(exported, qPrintable(exported.error()));
        QCOMPARE(exported->exported, 4295);
        const auto original = readMigBench(sharedFile(kBench));
        const auto readBack = readMigBench(out);
        QVERIFY2(readBack, qPrintable(readBack.error()));
        QCOMPARE(readBack->cases.size(), original->cases.size());
        for (int i = 0; i < original->cases.size(); ++i) {
            const BenchCase &a = original->cases.at(i), &b = readBack->cases.at(i);
            QVERIFY2(a.task == b.task && a.images == b.images && a.question == b.question
                             && a.answer == b.answer && a.additionalInfo == b.additionalInfo
                             && a.needFormat == b.needFormat,
                     qPrintable(QString::number(i)));
        }
        auto copy = ProjectStore::open(m_dir.filePath(QStringLiteral("copy.migician")));
        const auto reimported = importMigBench(*copy.value(), out, m_dir.path());
        QVERIFY2(reimported, qPrintable(reimported.error()));
        QCOMPARE(reimported->perTask, expected);
    }

    void exportsCorrectionsInEveryFormat()
    {
        QDir(m_dir.path()).mkpath(QStringLiteral("small/imgs"));
        const QString root = m_dir.filePath(QStringLiteral("small"));
        writeFile(root + QStringLiteral("/imgs/a.jpg"), "fake a");
        writeFile(m_dir.filePath(QStringLiteral("small.json")), smallBench());
        auto store = ProjectStore::open(m_dir.filePath(QStringLiteral("small.migician")));
        const auto report = importMigBench(*store.value(),
                                           m_dir.filePath(QStringLiteral("small.json")), root);
        QVERIFY2(report, qPrintable(report.error()));
        QCOMPARE(report->missingImages, (QStringList{"imgs/b.jpg", "imgs/c.jpg"}));
        const auto cases = store.value()->listCases();
        const qint64 c1 = cases->at(0).id;
        const auto c = store.value()->caseById(c1);
        QCOMPARE(c->groundTruthImage, 2);
        QVERIFY(!c->images.at(0).contentHash.isEmpty());
        QVERIFY(store.value()->setImageSize(c->images.at(1).id, 1000, 500));
        QVERIFY(store.value()->setImageSize(c->images.at(0).id, 200, 100));
        NewAnnotation a;
        a.caseId = c1;
        a.image = 2;
        a.box = NormBox{0.25, 0.5, 0.75, 1.0};
        a.label = QStringLiteral("red cup");
        QVERIFY(store.value()->createAnnotation(a, EditContext{QStringLiteral("ann"), 10}));

        // Training format: the correction, read back.
        const QString train = m_dir.filePath(QStringLiteral("train.json"));
        QVERIFY(exportAnnotations(*store.value(), ExportFormat::LlamaFactory, train));
        const auto samples = readLlamaFactory(train);
        QVERIFY2(samples, qPrintable(samples.error()));
        QCOMPARE(samples->size(), 2);
        QCOMPARE(samples->at(0).images, (QStringList{"imgs/a.jpg", "imgs/b.jpg"}));
        QCOMPARE(samples->at(0).question, QStringLiteral("Locate it in the second image."));
        QCOMPARE(samples->at(0).image, 2);
        QCOMPARE(samples->at(0).box, (NormBox{0.25, 0.5, 0.75, 1.0}));
        QCOMPARE(samples->at(1).image, 1); // region: the source image
        QFile trainFile(train);
        QVERIFY(trainFile.open(QIODevice::ReadOnly));
        const QJsonArray list = QJsonDocument::fromJson(trainFile.readAll()).array();
        const QJsonArray turns = list.at(0).toObject().value("conversations").toArray();
        QCOMPARE(turns.at(0).toObject().value("value").toString(),
                 QStringLiteral("<image><image>Locate it in the second image."));
        QCOMPARE(turns.at(1).toObject().value("value").toString(),
                 QStringLiteral("It's in the second image. "
                                "<|box_start|>(250,500),(750,1000)<|box_end|>"));

        // MIG-Bench: the corrected answer.
        const QString mig = m_dir.filePath(QStringLiteral("corrected.json"));
        QVERIFY(exportAnnotations(*store.value(), ExportFormat::MigBench, mig));
        QCOMPARE(readMigBench(mig)->cases.at(0).answer, (NormBox{0.25, 0.5, 0.75, 1.0}));
        QCOMPARE(readMigBench(mig)->cases.at(1).answer, (NormBox{0.5, 0.5, 0.6, 0.7}));

        // COCO: pixels, ids from 1; the region case's image 1 has a size too.
        const QString coco = m_dir.filePath(QStringLiteral("coco.json"));
        const auto cocoReport = exportAnnotations(*store.value(), ExportFormat::Coco, coco);
        QVERIFY(cocoReport);
        QCOMPARE(cocoReport->exported, 2);
        QFile cocoFile(coco);
        QVERIFY(cocoFile.open(QIODevice::ReadOnly));
        const QJsonObject cocoJson = QJsonDocument::fromJson(cocoFile.readAll()).object();
        const QJsonObject ann0 = cocoJson.value("annotations").toArray().at(0).toObject();
        QCOMPARE(ann0.value("id").toInt(), 1);
        QCOMPARE(ann0.value("image_id").toInt(), 1);
        QCOMPARE(ann0.value("bbox").toArray(), (QJsonArray{250.0, 250.0, 500.0, 250.0}));
        QCOMPARE(cocoJson.value("categories").toArray().at(0).toObject().value("name").toString(),
                 QStringLiteral("red cup"));
        QCOMPARE(cocoJson.value("categories").toArray().at(1).toObject().value("name").toString(),
                 QStringLiteral("region"));
        QCOMPARE(cocoJson.value("images").toArray().at(0).toObject().value("width").toInt(), 1000);

        // ODVG lines and CSV rows.
        const QString odvg = m_dir.filePath(QStringLiteral("odvg.jsonl"));
        QVERIFY(exportAnnotations(*store.value(), ExportFormat::Odvg, odvg));
        QFile odvgFile(odvg);
        QVERIFY(odvgFile.open(QIODevice::ReadOnly));
        const QJsonObject line = QJsonDocument::fromJson(odvgFile.readLine()).object();
        QCOMPARE(line.value("filename").toString(), QStringLiteral("imgs/b.jpg"));
        QCOMPARE(line.value("grounding")
                         .toObject()
                         .value("regions")
                         .toArray()
                         .at(0)
                         .toObject()
                         .value("bbox")
                         .toArray(),
                 (QJsonArray{250.0, 250.0, 750.0, 500.0}));
        const QString csv = m_dir.filePath(QStringLiteral("out.csv"));
        QVERIFY(exportAnnotations(*store.value(), ExportFormat::Csv, csv));
        QFile csvFile(csv);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        const QStringList rows
                = QString::fromUtf8(csvFile.readAll()).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(rows.size(), 3);
        QVERIFY2(rows.at(1).contains(QLatin1String(",2,imgs/b.jpg,0.25,0.5,0.75,1,1000,500,250,"
                                                   "250,750,500,annotation,")),
                 qPrintable(rows.at(1)));
    }

    void badBenchFilesWriteNothing_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("malformed") << QByteArray("[{\"task\": \"x\",") << "malformed JSON";
        QTest::newRow("not a list") << QByteArray("{\"task\": 1}") << "JSON list";
        QTest::newRow("answer string") << smallBench("\"0.1 0.2 0.3 0.4\"")
                                       << "case 0: 'answer' must be a list of 4 numbers";
        QTest::newRow("answer short")
                << smallBench("[0.1, 0.2, 0.3]") << "case 0: 'answer' must be a list of 4 numbers";
        QTest::newRow("answer pixels")
                << smallBench("[10, 20, 300, 400]") << "case 0: 'answer' value 10 is outside 0..1";
        QTest::newRow("negative") << smallBench("[-0.1, 0.2, 0.3, 0.4]")
                                  << "case 0: 'answer' value -0.1 is outside 0..1";
        QTest::newRow("dotdot") << smallBench("[0.1, 0.2, 0.3, 0.4]", "./imgs/../../secret.jpg")
                                << "case 0: image path './imgs/../../secret.jpg' resolves "
                                   "outside the images root";
        QTest::newRow("absolute") << smallBench("[0.1, 0.2, 0.3, 0.4]", "/etc/passwd")
                                  << "case 0: image path '/etc/passwd' resolves outside";
        QTest::newRow("task type")
                << QByteArray(R"([{"task": 3, "images": ["a.jpg"], "question": "q",
                                   "answer": [0,0,1,1]}])")
                << "case 0: 'task' must be a non-empty string";
        QTest::newRow("need_format type")
                << QByteArray(R"([{"task": "t", "images": ["a.jpg"], "question": "q",
                                   "answer": [0,0,1,1], "need_format": "yes"}])")
                << "case 0: 'need_format' must be true or false";
    }

    void badBenchFilesWriteNothing()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        const QString bench = m_dir.filePath(QStringLiteral("bad.json"));
        writeFile(bench, json);
        const QString project = m_dir.filePath(QStringLiteral("bad.migician"));
        auto store = ProjectStore::open(project);
        QVERIFY(store);
        const auto report = importMigBench(*store.value(), bench, m_dir.path());
        QVERIFY(!report);
        QVERIFY2(report.error().contains(bench) && report.error().contains(expected),
                 qPrintable(report.error()));
        QCOMPARE(countRows(*store.value(), QStringLiteral("cases")), 0);
        QCOMPARE(countRows(*store.value(), QStringLiteral("images")), 0);
        QCOMPARE(countRows(*store.value(), QStringLiteral("case_images")), 0);
    }

    void importsAnImageFolder()
    {
        const QString root = m_dir.filePath(QStringLiteral("photos"));
        QDir(m_dir.path()).mkpath(QStringLiteral("photos/trip/day2"));
        writeFile(root + QStringLiteral("/trip/one.JPG"), "1");
        writeFile(root + QStringLiteral("/trip/day2/two.png"), "2");
        writeFile(root + QStringLiteral("/trip/notes.txt"), "no");
        auto store = ProjectStore::open(m_dir.filePath(QStringLiteral("photos.migician")));
        QVERIFY(store.value()->setImagesRoot(root));
        const auto report = store.value()->importImageFolder(root + QStringLiteral("/trip"),
                                                             QStringLiteral("trip"));
        QVERIFY2(report, qPrintable(report.error()));
        QCOMPARE(report->added, 2);
        QCOMPARE(report->skipped.size(), 1);
        const auto images = store.value()->listImages(report->imageSetId);
        QCOMPARE(images->size(), 2);
        QCOMPARE(images->at(0).relativePath, QStringLiteral("trip/day2/two.png"));
        QCOMPARE(images->at(1).contentHash,
                 QString::fromLatin1(
                         QCryptographicHash::hash("1", QCryptographicHash::Sha256).toHex()));
        const auto again = store.value()->importImageFolder(root + QStringLiteral("/trip"),
                                                            QStringLiteral("trip again"));
        QCOMPARE(again->reused, 2);
        QCOMPARE(store.value()->listImages()->size(), 2);
        QVERIFY(!store.value()->importImageFolder(m_dir.path(), QStringLiteral("outside")));
    }
};

MIGICIAN_TEST_CLASS(MigBenchIoTest)
#include "tst_migbench_io.moc"
