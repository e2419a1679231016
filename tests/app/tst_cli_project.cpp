// `migician project create|import-migbench|export` run as a user would: the SQLite file, the
// real MIG-Bench import (read back from the database) and every export format read back.
#include "cli_files.h"
#include "support/qt_test_registry.h"

#include "annotate/project_store.h"

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <array>
#include <cmath>

using namespace migician::test;

namespace {

constexpr int kRealCases = kRealBenchCases;

// RFC 4180: quoted fields may hold commas, doubled quotes and line breaks.
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size()
                && text.at(i + 1) == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row << field;
            field.clear();
        } else if (c == QLatin1Char('\n')) {
            row << field;
            rows << row;
            row.clear();
            field.clear();
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !row.isEmpty())
        rows << (row << field);
    return rows;
}

// The README's per-task counts of MIG_data.json.
const QMap<QString, int> kRealTaskCounts{
        {QStringLiteral("region"), 1203},         {QStringLiteral("common_object"), 816},
        {QStringLiteral("object_tracking"), 550}, {QStringLiteral("diff"), 528},
        {QStringLiteral("group_grounding"), 499}, {QStringLiteral("multi_view"), 288},
        {QStringLiteral("correspondence"), 117},  {QStringLiteral("reasoning"), 101},
        {QStringLiteral("refer_grounding"), 99},  {QStringLiteral("view_diff"), 94},
};

QString ordinalWord(int image)
{
    static const QStringList words{QStringLiteral("first"), QStringLiteral("second"),
                                   QStringLiteral("third"), QStringLiteral("fourth"),
                                   QStringLiteral("fifth"), QStringLiteral("sixth")};
    return image >= 1 && image <= words.size() ? words.at(image - 1) : QString();
}

// Counts of the project's tables, read straight from the SQLite file.
struct StoreCounts
{
    qint64 cases = -1, images = -1, missingImages = -1;
    QMap<QString, int> perTask;
    int userVersion = -1;
};

StoreCounts readStore(const QString &file)
{
    StoreCounts counts;
    const QString connection = QStringLiteral("tst_cli_project_score");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(file);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT COUNT(*) FROM cases")) && q.next())
                counts.cases = q.value(0).toLongLong();
            if (q.exec(QStringLiteral("SELECT COUNT(*), SUM(missing) FROM images")) && q.next()) {
                counts.images = q.value(0).toLongLong();
                counts.missingImages = q.value(1).toLongLong();
            }
            if (q.exec(QStringLiteral("SELECT task, COUNT(*) FROM cases GROUP BY task")))
                while (q.next())
                    counts.perTask.insert(q.value(0).toString(), q.value(1).toInt());
            if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
                counts.userVersion = q.value(0).toInt();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return counts;
}

} // namespace

class CliProjectTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    // A project holding the whole real bench, with an empty images root.
    QString importRealBench(const QString &name, ProcessResult *first = nullptr)
    {
        const QString project = path(name);
        const QString root = path(name + QStringLiteral("-images"));
        if (!QDir().mkpath(root))
            return {};
        const auto result = runMigician(
                {QStringLiteral("project"), QStringLiteral("import-migbench"), project,
                 QStringLiteral("--bench"), kRealBench, QStringLiteral("--images-root"), root});
        if (first)
            *first = result;
        return result.exitCode == 0 ? project : QString();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void projectCreateWritesASqliteFile()
    {
        const QString project = path(QStringLiteral("created.migician"));
        const auto result
                = runMigician({QStringLiteral("project"), QStringLiteral("create"), project});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QVERIFY(readFile(project).startsWith(QByteArray("SQLite format 3\0", 16)));
        const StoreCounts counts = readStore(project);
        QCOMPARE(counts.userVersion, migician::annotate::ProjectStore::kSchemaVersion);
        QCOMPARE(counts.cases, qint64(0));

        // Creating over an existing project fails.
        const auto again
                = runMigician({QStringLiteral("project"), QStringLiteral("create"), project});
        QVERIFY(again.exitCode > 0);
        QVERIFY2(again.err.contains(project), qPrintable(again.err));
    }

    void projectCreateLeavesANonSqliteFileAlone()
    {
        const QString file = path(QStringLiteral("notes.migician"));
        const QByteArray content("these are my notes, not a database\n");
        QVERIFY(writeFile(file, content));
        const auto result
                = runMigician({QStringLiteral("project"), QStringLiteral("create"), file});
        QVERIFY(result.exitCode > 0);
        QVERIFY2(result.err.contains(file), qPrintable(result.err));
        QCOMPARE(readFile(file), content);
        // Importing into it is refused as well, and leaves it alone.
        const auto import
                = runMigician({QStringLiteral("project"), QStringLiteral("import-migbench"), file,
                               QStringLiteral("--bench"), kRealBench,
                               QStringLiteral("--images-root"), m_dir.path()});
        QVERIFY(import.exitCode > 0);
        QVERIFY2(import.err.contains(file), qPrintable(import.err));
        QCOMPARE(readFile(file), content);
    }

    void projectImportsTheRealBenchOnce()
    {
        ProcessResult first;
        const QString project = importRealBench(QStringLiteral("real.migician"), &first);
        QVERIFY2(!project.isEmpty(), qPrintable(first.err));
        const QString out = QString::fromUtf8(first.out);
        QVERIFY2(out.contains(QStringLiteral("imported 4295 new cases (0 already present)")),
                 qPrintable(out));
        for (auto it = kRealTaskCounts.begin(); it != kRealTaskCounts.end(); ++it)
            QVERIFY2(out.contains(QRegularExpression(
                             QStringLiteral("\\n  %1 +%2\\n").arg(it.key()).arg(it.value()))),
                     qPrintable(it.key()));

        // Every distinct image path is missing (the images root is empty) and reported.
        QSet<QString> distinctImages;
        for (const auto &value : readJson(kRealBench).array())
            for (const auto &image : value.toObject().value(QLatin1String("images")).toArray())
                distinctImages.insert(QDir::cleanPath(image.toString()));
        QVERIFY2(out.contains(
                         QStringLiteral("missing image files: %1\n").arg(distinctImages.size())),
                 qPrintable(out));

        const StoreCounts counts = readStore(project);
        QCOMPARE(counts.cases, qint64(kRealCases));
        QCOMPARE(counts.perTask, kRealTaskCounts);
        QCOMPARE(counts.images, qint64(distinctImages.size()));
        QCOMPARE(counts.missingImages, qint64(distinctImages.size()));

        // A second import of the same file adds nothing.
        const auto second = runMigician(
                {QStringLiteral("project"), QStringLiteral("import-migbench"), project,
                 QStringLiteral("--bench"), kRealBench, QStringLiteral("--images-root"),
                 path(QStringLiteral("real.migician-images"))});
        QVERIFY2(second.exitCode == 0, qPrintable(second.err));
        QVERIFY2(second.out.contains("imported 0 new cases (4295 already present)"),
                 second.out.constData());
        const StoreCounts after = readStore(project);
        QCOMPARE(after.cases, qint64(kRealCases));
        QCOMPARE(after.images, counts.images);
    }

    void projectExportsTheRealBenchInEveryFormat()
    {
        const QString project = importRealBench(QStringLiteral("export.migician"));
        QVERIFY(!project.isEmpty());
        const QJsonArray bench = readJson(kRealBench).array();
        const auto exportTo = [&](const QString &format) {
            const QString out = path(QStringLiteral("export.") + format);
            const auto result = runMigician({QStringLiteral("project"), QStringLiteral("export"),
                                             project, QStringLiteral("--format"), format,
                                             QStringLiteral("--out"), out});
            if (result.exitCode != 0)
                qWarning("export %s: %s", qPrintable(format), qPrintable(result.err));
            return result.exitCode == 0 ? out : QString();
        };

        // migbench: the same list, entry for entry and field for field.
        const QString migbench = exportTo(QStringLiteral("migbench"));
        QVERIFY(!migbench.isEmpty());
        const QJsonDocument exported = readJson(migbench);
        QVERIFY(exported.isArray());
        QCOMPARE(exported.array().size(), kRealCases);
        for (int i = 0; i < kRealCases; ++i) {
            const QJsonObject a = exported.array().at(i).toObject();
            const QJsonObject b = bench.at(i).toObject();
            QVERIFY2(a == b, qPrintable(QStringLiteral("case %1 differs").arg(i)));
        }

        // csv: a header and one row per case, in bench order.
        const QString csv = exportTo(QStringLiteral("csv"));
        QVERIFY(!csv.isEmpty());
        const QList<QStringList> rows = parseCsv(QString::fromUtf8(readFile(csv)));
        QCOMPARE(rows.size(), kRealCases + 1);
        const QStringList header = rows.first();
        QCOMPARE(header.join(QLatin1Char(',')),
                 QStringLiteral("case_id,source,source_index,task,image,image_path,x1,y1,x2,y2,"
                                "width,height,px1,py1,px2,py2,origin,question"));
        QMap<int, int> csvImage; // source_index -> target image
        for (int r = 1; r < rows.size(); ++r) {
            const QStringList &row = rows.at(r);
            QCOMPARE(row.size(), header.size());
            const int index = row.at(2).toInt();
            QCOMPARE(index, r - 1);
            const QJsonObject b = bench.at(index).toObject();
            QCOMPARE(row.at(3), b.value(QLatin1String("task")).toString());
            QCOMPARE(row.at(17), b.value(QLatin1String("question")).toString());
            const QJsonArray a = b.value(QLatin1String("answer")).toArray();
            for (int k = 0; k < 4; ++k)
                QCOMPARE(row.at(6 + k).toDouble(), a.at(k).toDouble());
            csvImage.insert(index, row.at(4).toInt());
        }
        // Target images by the image-aware rule: "1th image" / "2th image" in cases 0 and 1,
        // additional_info "It is in the fourth image." in case 1462, region = 1, diff unknown.
        QCOMPARE(csvImage.value(0), 1);
        QCOMPARE(csvImage.value(1), 2);
        QVERIFY(bench.at(1462)
                        .toObject()
                        .value(QLatin1String("additional_info"))
                        .toString()
                        .startsWith(QLatin1String("It is in the fourth image.")));
        QCOMPARE(csvImage.value(1462), 4);

        // llamafactory: images + conversations with one <image> per image and the answer on the
        // 0-1000 scale, naming the target image when it is known.
        const QString llama = exportTo(QStringLiteral("llamafactory"));
        QVERIFY(!llama.isEmpty());
        const QJsonArray samples = readJson(llama).array();
        QCOMPARE(samples.size(), kRealCases);
        const QRegularExpression answerForm(
                QStringLiteral("^(?:It's in the (\\w+) image\\. )?<\\|box_start\\|>\\((\\d+),(\\d+)"
                               "\\),\\((\\d+),(\\d+)\\)<\\|box_end\\|>$"));
        for (int i = 0; i < kRealCases; ++i) {
            const QJsonObject sample = samples.at(i).toObject();
            const QJsonObject b = bench.at(i).toObject();
            const QJsonArray benchImages = b.value(QLatin1String("images")).toArray();
            const QJsonArray images = sample.value(QLatin1String("images")).toArray();
            QCOMPARE(images.size(), benchImages.size());
            for (int k = 0; k < images.size(); ++k)
                QCOMPARE(images.at(k).toString(), QDir::cleanPath(benchImages.at(k).toString()));
            const QJsonArray conversation = sample.value(QLatin1String("conversations")).toArray();
            QCOMPARE(conversation.size(), 2);
            const QString prompt
                    = conversation.at(0).toObject().value(QLatin1String("value")).toString();
            QCOMPARE(prompt, QStringLiteral("<image>").repeated(int(images.size()))
                                     + b.value(QLatin1String("question")).toString());
            const QString answer
                    = conversation.at(1).toObject().value(QLatin1String("value")).toString();
            const QRegularExpressionMatch match = answerForm.match(answer);
            QVERIFY2(match.hasMatch(),
                     qPrintable(QStringLiteral("case %1: %2").arg(i).arg(answer)));
            const QJsonArray a = b.value(QLatin1String("answer")).toArray();
            for (int k = 0; k < 4; ++k)
                QCOMPARE(match.captured(2 + k).toInt(), qRound(a.at(k).toDouble() * 1000));
            const QString task = b.value(QLatin1String("task")).toString();
            const int target = csvImage.value(i);
            if (task == QLatin1String("diff"))
                QCOMPARE(target, 0);
            if (task == QLatin1String("region"))
                QCOMPARE(target, 1);
            QCOMPARE(match.captured(1), ordinalWord(target));
        }

        // coco and odvg need pixel sizes; none are known with an empty images root, so the files
        // are valid and empty (the pixel values are checked with real images below).
        const QString coco = exportTo(QStringLiteral("coco"));
        QVERIFY(!coco.isEmpty());
        const QJsonObject cocoObject = readJson(coco).object();
        for (const char *key : {"images", "annotations", "categories"})
            QVERIFY2(cocoObject.value(QLatin1String(key)).isArray(), key);
        const QString odvg = exportTo(QStringLiteral("odvg"));
        QVERIFY(!odvg.isEmpty());
        QVERIFY(QFileInfo::exists(odvg));

        // An unknown format is refused and writes nothing.
        const QString yolo = path(QStringLiteral("export.yolo"));
        const auto unknown = runMigician({QStringLiteral("project"), QStringLiteral("export"),
                                          project, QStringLiteral("--format"),
                                          QStringLiteral("yolo"), QStringLiteral("--out"), yolo});
        QVERIFY(unknown.exitCode > 0);
        QVERIFY2(unknown.err.contains(QLatin1String("yolo")), qPrintable(unknown.err));
        QVERIFY(!QFileInfo::exists(yolo));
    }

    // With the image files present, COCO and ODVG carry pixel boxes of the target image.
    void projectExportsPixelBoxesWhenImagesExist()
    {
        const QString root = path(QStringLiteral("pixel-images"));
        QVERIFY(QDir().mkpath(root + QStringLiteral("/imgs")));
        QImage a(200, 100, QImage::Format_RGB32);
        a.fill(Qt::darkGreen);
        QVERIFY(a.save(root + QStringLiteral("/imgs/a.png")));
        QImage b(300, 200, QImage::Format_RGB32);
        b.fill(Qt::darkBlue);
        QVERIFY(b.save(root + QStringLiteral("/imgs/b.jpg"), "JPG"));
        const QJsonArray images{QStringLiteral("./imgs/a.png"), QStringLiteral("./imgs/b.jpg")};
        const auto benchCaseWithImages
                = [&](const QString &task, const QString &question, const QJsonArray &answer) {
                      return QJsonObject{{QStringLiteral("task"), task},
                                         {QStringLiteral("images"), images},
                                         {QStringLiteral("question"), question},
                                         {QStringLiteral("answer"), answer},
                                         {QStringLiteral("additional_info"), QString()},
                                         {QStringLiteral("need_format"), true}};
                  };
        const QJsonArray bench{
                // target image 2 (b.jpg, 300x200): x 0.1*300 = 30, y 0.2*200 = 40,
                // w 0.4*300 = 120, h 0.4*200 = 80
                benchCaseWithImages(QStringLiteral("common_object"),
                                    QStringLiteral("Locate the object in the second image."),
                                    {0.1, 0.2, 0.5, 0.6}),
                // region: target image 1 (a.png, 200x100): x 50, y 50, w 100, h 50
                benchCaseWithImages(QStringLiteral("region"),
                                    QStringLiteral("Find the region of the first image in the "
                                                   "second image."),
                                    {0.25, 0.5, 0.75, 1.0}),
        };
        const QString benchFile = path(QStringLiteral("pixel_bench.json"));
        QVERIFY(writeFile(benchFile, compact(bench)));
        const QString project = path(QStringLiteral("pixel.migician"));
        const auto import = runMigician(
                {QStringLiteral("project"), QStringLiteral("import-migbench"), project,
                 QStringLiteral("--bench"), benchFile, QStringLiteral("--images-root"), root});
        QVERIFY2(import.exitCode == 0, qPrintable(import.err));
        QVERIFY2(import.out.contains("imported 2 new cases"), import.out.constData());
        QVERIFY2(import.out.contains("missing image files: 0\n"), import.out.constData());
        QVERIFY2(import.out.contains("image sizes read: 2\n"), import.out.constData());

        const auto exportTo = [&](const char *format) {
            const QString out = path(QStringLiteral("pixel.") + QLatin1String(format));
            const auto result = runMigician({QStringLiteral("project"), QStringLiteral("export"),
                                             project, QStringLiteral("--format"),
                                             QLatin1String(format), QStringLiteral("--out"), out});
            if (result.exitCode != 0)
                qWarning("export %s: %s", format, qPrintable(result.err));
            return result.exitCode == 0 ? out : QString();
        };
        const auto near = [](const QVariant &value, double expected) {
            bool ok = false;
            const double v = value.toDouble(&ok);
            return ok && std::abs(v - expected) < 1e-9;
        };

        const QString coco = exportTo("coco");
        QVERIFY(!coco.isEmpty());
        const QJsonObject cocoObject = readJson(coco).object();
        const QJsonArray cocoImages = cocoObject.value(QLatin1String("images")).toArray();
        const QJsonArray annotations = cocoObject.value(QLatin1String("annotations")).toArray();
        const QJsonArray categories = cocoObject.value(QLatin1String("categories")).toArray();
        QCOMPARE(cocoImages.size(), 2);
        QCOMPARE(annotations.size(), 2);
        QCOMPARE(categories.size(), 2); // one per distinct label: here the two tasks
        QMap<int, QJsonObject> imageById;
        for (const auto &image : cocoImages)
            imageById.insert(image.toObject().value(QLatin1String("id")).toInt(), image.toObject());
        QCOMPARE(imageById.keys(), (QList<int>{1, 2}));
        const QList<std::array<double, 4>> expectedBoxes{{30, 40, 120, 80}, {50, 50, 100, 50}};
        const QStringList expectedFiles{QStringLiteral("imgs/b.jpg"), QStringLiteral("imgs/a.png")};
        const QList<QSize> expectedSizes{QSize(300, 200), QSize(200, 100)};
        for (int i = 0; i < 2; ++i) {
            const QJsonObject annotation = annotations.at(i).toObject();
            QCOMPARE(annotation.value(QLatin1String("id")).toInt(), i + 1);
            const QJsonObject image
                    = imageById.value(annotation.value(QLatin1String("image_id")).toInt());
            QCOMPARE(image.value(QLatin1String("file_name")).toString(), expectedFiles.at(i));
            QCOMPARE(image.value(QLatin1String("width")).toInt(), expectedSizes.at(i).width());
            QCOMPARE(image.value(QLatin1String("height")).toInt(), expectedSizes.at(i).height());
            const QJsonArray bbox = annotation.value(QLatin1String("bbox")).toArray();
            QCOMPARE(bbox.size(), 4);
            for (int k = 0; k < 4; ++k)
                QVERIFY2(near(bbox.at(k).toVariant(), expectedBoxes.at(i)[k]),
                         qPrintable(QStringLiteral("annotation %1 bbox[%2] = %3")
                                            .arg(i + 1)
                                            .arg(k)
                                            .arg(bbox.at(k).toDouble())));
        }

        // odvg: one JSON line per case, corners in pixels.
        const QString odvg = exportTo("odvg");
        QVERIFY(!odvg.isEmpty());
        const QList<QByteArray> lines = readFile(odvg).trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        for (int i = 0; i < 2; ++i) {
            const QJsonObject line = QJsonDocument::fromJson(lines.at(i)).object();
            QCOMPARE(line.value(QLatin1String("filename")).toString(), expectedFiles.at(i));
            QCOMPARE(line.value(QLatin1String("width")).toInt(), expectedSizes.at(i).width());
            QCOMPARE(line.value(QLatin1String("height")).toInt(), expectedSizes.at(i).height());
            const QJsonObject grounding = line.value(QLatin1String("grounding")).toObject();
            QCOMPARE(grounding.value(QLatin1String("caption")).toString(),
                     bench.at(i).toObject().value(QLatin1String("question")).toString());
            const QJsonArray regions = grounding.value(QLatin1String("regions")).toArray();
            QCOMPARE(regions.size(), 1);
            const QJsonArray bbox = regions.at(0).toObject().value(QLatin1String("bbox")).toArray();
            const auto &e = expectedBoxes.at(i);
            const double corners[4] = {e[0], e[1], e[0] + e[2], e[1] + e[3]};
            for (int k = 0; k < 4; ++k)
                QVERIFY2(near(bbox.at(k).toVariant(), corners[k]), lines.at(i).constData());
        }

        // csv: the pixel columns are filled in as well.
        const QString csv = exportTo("csv");
        QVERIFY(!csv.isEmpty());
        const QList<QStringList> rows = parseCsv(QString::fromUtf8(readFile(csv)));
        QCOMPARE(rows.size(), 3);
        const double pixelColumns[6] = {300, 200, 30, 40, 150, 120}; // width, height, corners
        for (int k = 0; k < 6; ++k)
            QVERIFY2(near(rows.at(1).at(10 + k), pixelColumns[k]),
                     qPrintable(rows.at(1).join(QLatin1Char(','))));

        // llamafactory: the target image by name.
        const QString llama = exportTo("llamafactory");
        QVERIFY(!llama.isEmpty());
        const QJsonArray samples = readJson(llama).array();
        QCOMPARE(samples.size(), 2);
        const auto answerOf = [&](int i) {
            return samples.at(i)
                    .toObject()
                    .value(QLatin1String("conversations"))
                    .toArray()
                    .at(1)
                    .toObject()
                    .value(QLatin1String("value"))
                    .toString();
        };
        QCOMPARE(answerOf(0),
                 QStringLiteral(
                         "It's in the second image. <|box_start|>(100,200),(500,600)<|box_end|>"));
        QCOMPARE(answerOf(1),
                 QStringLiteral(
                         "It's in the first image. <|box_start|>(250,500),(750,1000)<|box_end|>"));
    }
};

MIGICIAN_TEST_CLASS(CliProjectTest)
#include "tst_cli_project.moc"
