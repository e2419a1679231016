// `migician eval --endpoint URL --endpoint URL --concurrency N` against two real `migician serve`
// processes of the tiny fixture on loopback ports the OS picks: the predictions equal the local
// eval's, the protocol block names both endpoints and the served model, and killing one server
// in the middle of a run still answers every case exactly once.
#include "cli_files.h"
#include "fixture_bench.h"
#include "serve_process.h"
#include "support/qt_test_registry.h"

#include "annotate/project_store.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using migician::test::appBinary;
using migician::test::kTinyModel;
using migician::test::readJson;
using migician::test::runProcess;
using migician::test::ServeProcess;
using migician::test::writeFile;

namespace {

// Short answers keep the run to seconds; a recorded deviation, the same for both sides.
const QStringList kCommon{QStringLiteral("--max-new-tokens"), QStringLiteral("24"),
                          QStringLiteral("--quiet")};

QStringList evalArguments(const QString &bench, const QString &out)
{
    return QStringList{QStringLiteral("eval"),
                       QStringLiteral("--bench"),
                       bench,
                       QStringLiteral("--images-root"),
                       kTinyModel,
                       QStringLiteral("--out"),
                       out}
           + kCommon;
}

// index -> {answer, boxes} of a results file's predictions.
QMap<int, QJsonObject> answersOf(const QJsonObject &results)
{
    QMap<int, QJsonObject> answers;
    for (const QJsonValue &value : results.value(QLatin1String("predictions")).toArray()) {
        const QJsonObject p = value.toObject();
        answers.insert(p.value(QLatin1String("index")).toInt(),
                       QJsonObject{{QStringLiteral("answer"), p.value(QLatin1String("answer"))},
                                   {QStringLiteral("boxes"), p.value(QLatin1String("boxes"))}});
    }
    return answers;
}

// The fixture bench `copies` times over: enough cases that a server dies with cases in flight and
// cases still queued.
QJsonArray repeatedBench(int copies)
{
    QJsonArray cases;
    for (int copy = 0; copy < copies; ++copy)
        for (const QJsonValue &c : migician::test::fixtureBench())
            cases.append(c);
    return cases;
}

// Waits until a running `migician eval` (without --quiet) prints its first "case" line; false
// when it ended first.
bool firstCaseAnswered(QProcess &eval)
{
    QByteArray printed;
    QElapsedTimer timer;
    timer.start();
    while (!printed.contains("case ") && timer.elapsed() < 300000
           && eval.state() == QProcess::Running) {
        eval.waitForReadyRead(20);
        printed += eval.readAllStandardOutput();
    }
    return eval.state() == QProcess::Running;
}

// Prediction rows in a project and the distinct cases they answer ({-1, -1}: unreadable).
std::pair<int, int> predictionRows(const QString &projectFile)
{
    auto store = migician::annotate::ProjectStore::open(
            projectFile, migician::annotate::ProjectStore::OpenMode::OpenExisting);
    if (!store.ok())
        return {-1, -1};
    QSqlQuery counts((*store)->database());
    if (!counts.exec(QStringLiteral("SELECT COUNT(*), COUNT(DISTINCT case_id) FROM predictions"))
        || !counts.next())
        return {-1, -1};
    return {counts.value(0).toInt(), counts.value(1).toInt()};
}

} // namespace

class CliEvalRemoteTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void twoServersGiveTheLocalPredictions()
    {
        QVERIFY(m_dir.isValid());
        const QString bench = m_dir.filePath(QStringLiteral("bench.json"));
        QVERIFY(writeFile(bench, QJsonDocument(migician::test::fixtureBench()).toJson()));

        const QString local = m_dir.filePath(QStringLiteral("local.json"));
        const auto ranLocal
                = runProcess(appBinary("migician"),
                             evalArguments(bench, local)
                                     << QStringLiteral("--model") << kTinyModel
                                     << QStringLiteral("--dtype") << QStringLiteral("float32"),
                             {}, 900000);
        QVERIFY2(ranLocal.exitCode == 0, qPrintable(ranLocal.err));

        ServeProcess first;
        ServeProcess second;
        QVERIFY2(first.isRunning(), qPrintable(first.firstLine() + first.errors()));
        QVERIFY2(second.isRunning(), qPrintable(second.firstLine() + second.errors()));
        const QString remote = m_dir.filePath(QStringLiteral("remote.json"));
        const auto ranRemote = runProcess(appBinary("migician"),
                                          evalArguments(bench, remote)
                                                  << QStringLiteral("--endpoint") << first.url()
                                                  << QStringLiteral("--endpoint") << second.url()
                                                  << QStringLiteral("--concurrency")
                                                  << QStringLiteral("2")
                                                  // only its generation_config.json is read
                                                  << QStringLiteral("--model") << kTinyModel,
                                          {}, 900000);
        QVERIFY2(ranRemote.exitCode == 0, qPrintable(ranRemote.err));

        const QJsonObject localResults = readJson(local).object();
        const QJsonObject remoteResults = readJson(remote).object();
        const auto localAnswers = answersOf(localResults);
        QCOMPARE(localAnswers.size(), migician::test::fixtureBench().size());
        QCOMPARE(answersOf(remoteResults), localAnswers);
        QCOMPARE(remoteResults.value(QLatin1String("scores")),
                 localResults.value(QLatin1String("scores")));

        const QJsonObject protocol = remoteResults.value(QLatin1String("protocol")).toObject();
        const QJsonObject backend = protocol.value(QLatin1String("backend")).toObject();
        QCOMPARE(backend.value(QLatin1String("name")).toString(), QStringLiteral("remote"));
        QCOMPARE(backend.value(QLatin1String("concurrency")).toInt(), 2);
        const QJsonArray endpoints = backend.value(QLatin1String("endpoints")).toArray();
        QCOMPARE(endpoints.size(), 2);
        QSet<QString> urls;
        for (const QJsonValue &endpoint : endpoints) {
            urls << endpoint.toObject().value(QLatin1String("url")).toString();
            QCOMPARE(endpoint.toObject().value(QLatin1String("served_model")).toString(),
                     QStringLiteral("qwen2vl-tiny"));
        }
        QCOMPARE(urls, (QSet<QString>{first.url(), second.url()}));
        QCOMPARE(backend.value(QLatin1String("served_model")).toString(),
                 QStringLiteral("qwen2vl-tiny"));
        // The same sampling as the local run's generation_config.json, sent explicitly.
        QCOMPARE(backend.value(QLatin1String("sampling"))
                         .toObject()
                         .value(QLatin1String("repetition_penalty"))
                         .toDouble(),
                 1.05);
    }

    void killingOneServerStillAnswersEveryCaseOnce()
    {
        // 24 cases: enough that one server dies with cases in flight and cases still queued.
        const QJsonArray cases = repeatedBench(6);
        const QString bench = m_dir.filePath(QStringLiteral("bench24.json"));
        QVERIFY(writeFile(bench, QJsonDocument(cases).toJson()));
        const QString out = m_dir.filePath(QStringLiteral("kill.json"));
        const QString projectFile = m_dir.filePath(QStringLiteral("kill.migician"));

        ServeProcess doomed;
        ServeProcess survivor;
        QVERIFY2(doomed.isRunning(), qPrintable(doomed.firstLine() + doomed.errors()));
        QVERIFY2(survivor.isRunning(), qPrintable(survivor.firstLine() + survivor.errors()));
        QProcess eval;
        QStringList arguments = evalArguments(bench, out);
        arguments.removeAll(QStringLiteral("--quiet")); // a line per case tells when to kill
        eval.start(appBinary("migician"),
                   arguments << QStringLiteral("--project") << projectFile
                             << QStringLiteral("--endpoint") << doomed.url()
                             << QStringLiteral("--endpoint") << survivor.url()
                             << QStringLiteral("--concurrency") << QStringLiteral("2"));
        QVERIFY(eval.waitForStarted());
        // Kill the first server as soon as the run has answered a case.
        QVERIFY2(firstCaseAnswered(eval), "the run ended before a server was killed");
        ::kill(pid_t(doomed.process().processId()), SIGKILL);
        QVERIFY(eval.waitForFinished(900000));
        const QString errors = QString::fromUtf8(eval.readAllStandardError());
        QVERIFY2(eval.exitStatus() == QProcess::NormalExit && eval.exitCode() == 0,
                 qPrintable(errors));
        // The run noticed: the cases that were on the killed server went to the other one.
        QVERIFY2(errors.contains(doomed.url()), qPrintable(errors));

        const QJsonObject results = readJson(out).object();
        QCOMPARE(results.value(QLatin1String("predictions")).toArray().size(), cases.size());
        QCOMPARE(results.value(QLatin1String("failed")).toArray().size(), 0);
        // Every case answered exactly once in the project: no case lost, none answered twice.
        QCOMPARE(predictionRows(projectFile), std::make_pair(int(cases.size()), int(cases.size())));
        // Copies of one case have one answer, whichever server gave it.
        const auto answers = answersOf(results);
        const int distinct = int(migician::test::fixtureBench().size());
        for (int i = distinct; i < cases.size(); ++i)
            QCOMPARE(answers.value(i), answers.value(i % distinct));
        QVERIFY(survivor.isRunning());
    }

    // The only endpoint dies: the cases not answered yet are failed cases (exit status 3, results
    // written, the reason kept), and the same command against a new server finishes them without
    // redoing any answered one.
    void lostEndpointLeavesFailedCasesARerunFinishes()
    {
        const QJsonArray cases = repeatedBench(6);
        const QString bench = m_dir.filePath(QStringLiteral("bench-lost.json"));
        QVERIFY(writeFile(bench, QJsonDocument(cases).toJson()));
        const QString out = m_dir.filePath(QStringLiteral("lost.json"));
        const QString projectFile = m_dir.filePath(QStringLiteral("lost.migician"));
        QStringList arguments = evalArguments(bench, out);
        arguments.removeAll(QStringLiteral("--quiet"));
        arguments << QStringLiteral("--project") << projectFile << QStringLiteral("--concurrency")
                  << QStringLiteral("1");

        int answeredFirst = 0;
        {
            ServeProcess only;
            QVERIFY2(only.isRunning(), qPrintable(only.firstLine() + only.errors()));
            QProcess eval;
            eval.start(appBinary("migician"),
                       QStringList(arguments) << QStringLiteral("--endpoint") << only.url());
            QVERIFY(eval.waitForStarted());
            QVERIFY2(firstCaseAnswered(eval), "the run ended before the server died");
            ::kill(pid_t(only.process().processId()), SIGKILL);
            QVERIFY(eval.waitForFinished(300000));
            const QString errors = QString::fromUtf8(eval.readAllStandardError());
            QCOMPARE(eval.exitCode(), 3); // finished with failed cases
            const QJsonObject results = readJson(out).object();
            answeredFirst = int(results.value(QLatin1String("predictions")).toArray().size());
            const QJsonArray failed = results.value(QLatin1String("failed")).toArray();
            QVERIFY2(answeredFirst >= 1 && !failed.isEmpty(), qPrintable(errors));
            QCOMPARE(answeredFirst + int(failed.size()), int(cases.size()));
            for (const QJsonValue &f : failed)
                QVERIFY2(!f.toObject().value(QLatin1String("reason")).toString().isEmpty(),
                         qPrintable(QJsonDocument(f.toObject()).toJson()));
        }
        ServeProcess fresh;
        QVERIFY2(fresh.isRunning(), qPrintable(fresh.firstLine() + fresh.errors()));
        const auto rerun = runProcess(
                appBinary("migician"),
                QStringList(arguments) << QStringLiteral("--endpoint") << fresh.url(), {}, 900000);
        QVERIFY2(rerun.exitCode == 0, qPrintable(rerun.err));
        QVERIFY2(rerun.out.contains(QStringLiteral("%1 already done").arg(answeredFirst).toUtf8()),
                 rerun.out.constData());
        QCOMPARE(readJson(out).object().value(QLatin1String("predictions")).toArray().size(),
                 cases.size());
        QCOMPARE(predictionRows(projectFile), std::make_pair(int(cases.size()), int(cases.size())));
    }
};

MIGICIAN_TEST_CLASS(CliEvalRemoteTest)
#include "tst_cli_eval_remote.moc"
