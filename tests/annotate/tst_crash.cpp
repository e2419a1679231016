// Crash test: a writer process commits corrections in a loop and reports each commit on stdout;
// it is killed with SIGKILL at random moments (50 times, 500 with MIGICIAN_STRESS=1). After every
// kill the project must pass integrity_check and hold every reported commit.
#include "annotate_test_util.h"
#include "support/qt_test_registry.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace migician::annotate;
using namespace migician::test;

class CrashTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void killedWriterLosesNothing()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("crash.migician"));
        qint64 caseId = 0;
        {
            auto store = ProjectStore::open(file);
            QVERIFY2(store, qPrintable(store.error()));
            NewCase c;
            c.task = QStringLiteral("t");
            c.question = QStringLiteral("q");
            c.imagePaths = {QStringLiteral("a.jpg"), QStringLiteral("b.jpg")};
            caseId = store.value()->addCase(c).value();
        }
        const int kills = qEnvironmentVariableIntValue("MIGICIAN_STRESS") == 1 ? 500 : 50;
        QRandomGenerator random(20250101);
        QHash<qint64, int> reportedMoves;
        QSet<qint64> reportedCreates;
        int totalReported = 0;
        for (int round = 0; round < kills; ++round) {
            QProcess writer;
            writer.start(QStringLiteral(MIGICIAN_CRASH_WRITER), {file, QString::number(caseId)});
            QVERIFY2(writer.waitForStarted(10000), qPrintable(writer.errorString()));
            // Kill at a random moment: every tenth round while it starts (opening the project),
            // the others mid-loop, after its first commit.
            if (round % 10 != 0)
                QVERIFY(writer.waitForReadyRead(20000));
            QThread::msleep(random.bounded(0, 30));
            writer.kill(); // SIGKILL
            QVERIFY(writer.waitForFinished(10000));
            QCOMPARE(writer.exitStatus(), QProcess::CrashExit);
            const QList<QByteArray> lines = writer.readAllStandardOutput().split('\n');
            QSet<qint64> touched; // checked now; everything is checked again at the end
            // The last element is the unterminated tail (usually empty): not a full report.
            for (int i = 0; i + 1 < lines.size(); ++i) {
                const QList<QByteArray> parts = lines.at(i).split(' ');
                QCOMPARE(parts.size(), 2);
                const qint64 id = parts.at(1).toLongLong();
                touched.insert(id);
                if (parts.at(0) == "C")
                    reportedCreates.insert(id);
                else
                    reportedMoves[id] += 1;
                ++totalReported;
            }

            auto store = ProjectStore::open(file, ProjectStore::OpenMode::OpenExisting);
            QVERIFY2(store, qPrintable(store.error()));
            QSqlQuery q(store.value()->database());
            QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
            QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_key_check")));
            QVERIFY(!q.next());
            if (round == kills - 1)
                touched = reportedCreates;
            for (qint64 id : std::as_const(touched)) {
                const auto history = store.value()->editHistory(id);
                QVERIFY2(history && !history->isEmpty(), qPrintable(QString::number(id)));
                QVERIFY(history->first().action == EditAction::Create);
                const int moves = int(
                        std::count_if(history->begin(), history->end(), [](const EditLogEntry &e) {
                            return e.action == EditAction::Move;
                        }));
                QVERIFY(moves >= reportedMoves.value(id));
                if (reportedMoves.value(id) > 0)
                    QVERIFY(store.value()->annotation(id)->source == AnnotationSource::Human);
            }
        }
        qInfo("%d kills, %d reported commits all present", kills, totalReported);
        QVERIFY(totalReported > kills); // the writer did get work done between kills
    }
};

MIGICIAN_TEST_CLASS(CrashTest)
#include "tst_crash.moc"
