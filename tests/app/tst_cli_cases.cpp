// `migician project add-case` and `migician project cases --json` run as a script would: composed
// cases with paths relative to the images root (set on first use), files outside it, bad input
// refused with nothing written, an edited file reported, and composed cases that go through a
// MIG-Bench export, `import-migbench` into a new project and `migician eval`.
#include "cli_files.h"
#include "support/qt_test_registry.h"

#include "annotate/project_store.h"

#include <QDir>
#include <QImage>
#include <QJsonArray>
#include <QJsonObject>
#include <QPainter>
#include <QTemporaryDir>
#include <QTest>

using namespace migician::test;

namespace {

QString makeImage(const QString &path, const QColor &colour)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QImage image(160, 120, QImage::Format_RGB32);
    image.fill(colour);
    QPainter painter(&image);
    painter.fillRect(QRect(40, 30, 30, 30), colour.darker(300));
    painter.end();
    return image.save(path) ? path : QString();
}

QJsonArray casesJson(const QString &project, ProcessResult *result = nullptr)
{
    const auto listed = runMigician({QStringLiteral("project"), QStringLiteral("cases"), project,
                                     QStringLiteral("--json")});
    if (result)
        *result = listed;
    return QJsonDocument::fromJson(listed.out).array();
}

QStringList imagePaths(const QJsonObject &c)
{
    QStringList paths;
    for (const QJsonValue &image : c.value(QLatin1String("images")).toArray())
        paths << QDir::cleanPath(image.toObject().value(QLatin1String("path")).toString());
    return paths;
}

} // namespace

class CliCasesTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_root;
    QStringList m_images;

    ProcessResult addCase(const QString &project, const QStringList &images,
                          const QStringList &more = {})
    {
        QStringList arguments{QStringLiteral("project"), QStringLiteral("add-case"), project};
        for (const QString &image : images)
            arguments << QStringLiteral("--image") << image;
        return runMigician(arguments + more);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_root = m_dir.filePath(QStringLiteral("photos"));
        const QList<QColor> colours{Qt::red, Qt::green, Qt::blue, Qt::yellow};
        for (int i = 0; i < colours.size(); ++i) {
            const QString name
                    = i == 3 ? QStringLiteral("sub/shot%1.png") : QStringLiteral("shot%1.png");
            m_images << makeImage(QDir(m_root).filePath(name.arg(i + 1)), colours.at(i));
            QVERIFY(!m_images.last().isEmpty());
        }
    }

    void addCasePrintsItsIdAndCasesListsItsImagesInOrder()
    {
        const QString project = m_dir.filePath(QStringLiteral("my.migician"));
        const auto added = addCase(project, {m_images.at(2), m_images.at(0), m_images.at(3)},
                                   {QStringLiteral("--question"),
                                    QStringLiteral("Where is the square of Image-1 in Image-3?"),
                                    QStringLiteral("--images-root"), m_root});
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        QCOMPARE(added.out.trimmed(), QByteArray("1"));
        // A second case, paths relative to the working directory's view of the same files.
        const auto second = addCase(project, {m_images.at(1), m_images.at(2)});
        QVERIFY2(second.exitCode == 0, qPrintable(second.err));
        QCOMPARE(second.out.trimmed(), QByteArray("2"));

        ProcessResult listed;
        const QJsonArray cases = casesJson(project, &listed);
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.err));
        QCOMPARE(cases.size(), 2);
        const QJsonObject first = cases.at(0).toObject();
        QCOMPARE(first.value("id").toInt(), 1);
        QCOMPARE(first.value("source").toString(), QStringLiteral("composed"));
        QCOMPARE(first.value("task").toString(), QStringLiteral("user"));
        QCOMPARE(first.value("question").toString(),
                 QStringLiteral("Where is the square of Image-1 in Image-3?"));
        QCOMPARE(imagePaths(first),
                 (QStringList{QStringLiteral("shot3.png"), QStringLiteral("shot1.png"),
                              QStringLiteral("sub/shot4.png")}));
        const QJsonArray images = first.value("images").toArray();
        for (int i = 0; i < images.size(); ++i) {
            QCOMPARE(images.at(i).toObject().value("position").toInt(), i + 1);
            QCOMPARE(images.at(i).toObject().value("state").toString(), QStringLiteral("ok"));
            QCOMPARE(images.at(i).toObject().value("sha256").toString().size(), 64);
        }
        QVERIFY(first.value("box").isUndefined());
        QCOMPARE(first.value("runs").toInt(), 0);

        // The human listing says the same.
        const auto text
                = runMigician({QStringLiteral("project"), QStringLiteral("cases"), project});
        QVERIFY(text.exitCode == 0);
        QVERIFY2(text.out.contains("case 1  user  3 image(s)"), text.out.constData());
        QVERIFY(text.out.contains("  Image-3  sub/shot4.png\n"));

        // An edited file is reported, not silently listed as before.
        const QString edited = m_dir.filePath(QStringLiteral("edited.migician"));
        const QString copy = QDir(m_root).filePath(QStringLiteral("copy.png"));
        QVERIFY(QFile::copy(m_images.at(0), copy));
        QVERIFY(addCase(edited, {copy, m_images.at(1)}, {QStringLiteral("--images-root"), m_root})
                        .exitCode
                == 0);
        QVERIFY(makeImage(copy, Qt::magenta) == copy);
        const QJsonArray after = casesJson(edited).at(0).toObject().value("images").toArray();
        QCOMPARE(after.at(0).toObject().value("state").toString(), QStringLiteral("changed"));
        QCOMPARE(after.at(1).toObject().value("state").toString(), QStringLiteral("ok"));
        QVERIFY(QFile::remove(copy));
        QCOMPARE(
                casesJson(edited).at(0).toObject().value("images").toArray().at(0).toObject().value(
                        "state"),
                QJsonValue(QStringLiteral("missing")));
    }

    void badInputIsRefusedAndWritesNothing()
    {
        const QString project = m_dir.filePath(QStringLiteral("strict.migician"));
        QVERIFY(addCase(project, {m_images.at(0)}, {QStringLiteral("--images-root"), m_root})
                        .exitCode
                == 0);
        const QString missing = QDir(m_root).filePath(QStringLiteral("nope.png"));
        const auto noFile = addCase(project, {m_images.at(1), missing});
        QCOMPARE(noFile.exitCode, 1);
        QVERIFY2(noFile.err.contains(missing) && noFile.err.contains(QLatin1String("no such")),
                 qPrintable(noFile.err));
        const QString text = QDir(m_root).filePath(QStringLiteral("notes.png"));
        QVERIFY(writeFile(text, "not an image"));
        const auto notImage = addCase(project, {text});
        QCOMPARE(notImage.exitCode, 1);
        QVERIFY2(notImage.err.contains(text), qPrintable(notImage.err));
        // The images root is set on first use only.
        const auto otherRoot = addCase(project, {m_images.at(1)},
                                       {QStringLiteral("--images-root"), m_dir.path()});
        QCOMPARE(otherRoot.exitCode, 1);
        QVERIFY2(otherRoot.err.contains(QLatin1String("first use")), qPrintable(otherRoot.err));
        const auto usage
                = runMigician({QStringLiteral("project"), QStringLiteral("add-case"), project});
        QCOMPARE(usage.exitCode, 2);
        QCOMPARE(casesJson(project).size(), 1);

        // A file outside the root is kept with its absolute path, with a warning.
        const QString outside
                = makeImage(m_dir.filePath(QStringLiteral("elsewhere/x.png")), Qt::cyan);
        const auto far = addCase(project, {outside, m_images.at(0)});
        QVERIFY2(far.exitCode == 0, qPrintable(far.err));
        QVERIFY2(far.err.contains(QLatin1String("outside the images root")), qPrintable(far.err));
        QCOMPARE(imagePaths(casesJson(project).at(1).toObject()),
                 (QStringList{QDir::cleanPath(outside), QStringLiteral("shot1.png")}));
    }

    // Composed cases become a benchmark: MIG-Bench export, import into a new project (same
    // cases), and `migician eval` reads the file.
    void composedCasesRoundTripAndEvaluate()
    {
        const QString project = m_dir.filePath(QStringLiteral("bench-src.migician"));
        QVERIFY(addCase(project, {m_images.at(0), m_images.at(1), m_images.at(2)},
                        {QStringLiteral("--question"), QStringLiteral("Find the square."),
                         QStringLiteral("--images-root"), m_root})
                        .exitCode
                == 0);
        QVERIFY(addCase(project, {m_images.at(3), m_images.at(0)},
                        {QStringLiteral("--question"), QStringLiteral("Which one is in Image-2?"),
                         QStringLiteral("--task"), QStringLiteral("mine")})
                        .exitCode
                == 0);
        // Labels, as a GUI user would have accepted them.
        {
            auto store = migician::annotate::ProjectStore::open(project);
            QVERIFY2(store, qPrintable(store.error()));
            const QList<std::tuple<qint64, int, migician::annotate::NormBox>> labels{
                    {1, 3, {0.25, 0.25, 0.4375, 0.5}}, {2, 1, {0.25, 0.25, 0.4375, 0.5}}};
            for (const auto &[caseId, image, box] : labels) {
                migician::annotate::NewAnnotation a;
                a.caseId = caseId;
                a.image = image;
                a.box = box;
                QVERIFY(store.value()->createAnnotation(a, {QStringLiteral("tester"), 100}));
            }
        }
        const QString bench = m_dir.filePath(QStringLiteral("composed-bench.json"));
        const auto exported
                = runMigician({QStringLiteral("project"), QStringLiteral("export"), project,
                               QStringLiteral("--format"), QStringLiteral("migbench"),
                               QStringLiteral("--out"), bench});
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        const QString copy = m_dir.filePath(QStringLiteral("bench-copy.migician"));
        const auto imported = runMigician(
                {QStringLiteral("project"), QStringLiteral("import-migbench"), copy,
                 QStringLiteral("--bench"), bench, QStringLiteral("--images-root"), m_root});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QVERIFY2(imported.out.contains("missing image files: 0"), imported.out.constData());
        const QJsonArray before = casesJson(project), after = casesJson(copy);
        QCOMPARE(after.size(), before.size());
        for (int i = 0; i < before.size(); ++i) {
            const QJsonObject a = before.at(i).toObject(), b = after.at(i).toObject();
            QCOMPARE(imagePaths(b), imagePaths(a));
            QCOMPARE(b.value("question"), a.value("question"));
            QCOMPARE(b.value("task"), a.value("task"));
            // The label became the ground truth, on the same image.
            QCOMPARE(b.value("box").toObject().value("image"),
                     a.value("box").toObject().value("image"));
            QCOMPARE(b.value("box").toObject().value("box"),
                     a.value("box").toObject().value("box"));
            QCOMPARE(b.value("box").toObject().value("origin").toString(),
                     QStringLiteral("ground_truth"));
        }

        const QString results = m_dir.filePath(QStringLiteral("composed-results.json"));
        const auto evaluated
                = runMigician({QStringLiteral("eval"), QStringLiteral("--bench"), bench,
                               QStringLiteral("--images-root"), m_root,
                               QStringLiteral("--assistant"), QStringLiteral("opencv"),
                               QStringLiteral("--out"), results, QStringLiteral("--quiet")});
        QVERIFY2(evaluated.exitCode == 0, qPrintable(evaluated.err));
        const QJsonObject output = readJson(results).object();
        QCOMPARE(output.value("predictions").toArray().size(), 2);
        QVERIFY(output.value("scores").toObject().contains(QLatin1String("official")));
    }
};

MIGICIAN_TEST_CLASS(CliCasesTest)
#include "tst_cli_cases.moc"
