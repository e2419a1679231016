// The progress file of `migician eval` (annotate::openSidecarLog): what survives a damaged file.
#include "annotate_test_util.h"
#include "support/qt_test_registry.h"

#include "annotate/evaluation_log.h"
#include "annotate/evaluation_protocol.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace migician::annotate;
using namespace migician::test;

class EvaluationLogTest : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    static EvalIdentity identity()
    {
        EvalIdentity id;
        id.benchFile = QStringLiteral("/data/bench.json");
        id.backend = QStringLiteral("opencv");
        id.indices = {0, 1, 2, 3, 4};
        return id;
    }

    static EvalRecord record(int index)
    {
        EvalRecord r;
        r.index = index;
        r.answer = QStringLiteral("(%1,10),(20,30)").arg(index);
        r.seconds = 0.5 + index;
        r.finished = QDateTime::currentDateTimeUtc();
        return r;
    }

private Q_SLOTS:
    void protocolIsTheOfficialOneUnlessAskedOtherwise()
    {
        EvaluationProtocol protocol;
        BenchCase plain;
        plain.question = QStringLiteral("Where is it? ");
        plain.needFormat = false; // the official script never reads it
        QCOMPARE(protocol.question(plain),
                 QStringLiteral("Where is it? Format:<|box_start|>(x1,y1),(x2,y2)<|box_start|>. "
                                "Don't generate addtional words."));
        protocol.backend = QJsonObject{{QStringLiteral("name"), QStringLiteral("migician")}};
        QVERIFY(protocol.isOfficial());
        QJsonObject json = protocol.toJson();
        QCOMPARE(json.value("official").toBool(), true);
        QCOMPARE(json.value("generation").toObject().value("max_new_tokens").toInt(), 128);
        QCOMPARE(json.value("backend").toObject().value("name").toString(),
                 QStringLiteral("migician"));

        EvaluationProtocol deviating = protocol;
        deviating.formatSuffix = false;
        deviating.sampling = EvaluationProtocol::Sampling::Greedy;
        deviating.maxNewTokens = 64;
        deviating.maxPixels = 1003520;
        QCOMPARE(deviating.question(plain), plain.question);
        QCOMPARE(deviating.deviations(),
                 (QStringList{"--no-format-suffix", "--greedy", "--max-new-tokens 64",
                              "--max-pixels 1003520"}));
        json = deviating.toJson();
        QCOMPARE(json.value("official").toBool(), false);
        QVERIFY(json.value("prompt").toObject().value("format_suffix").isNull());
        // Only what decides the answers identifies a run: the backend's facts do not.
        QVERIFY(deviating.identity() != protocol.identity());
        EvaluationProtocol sameRun = protocol;
        sameRun.backend = QJsonObject{{QStringLiteral("engine_version"), QStringLiteral("x")}};
        QCOMPARE(sameRun.identity(), protocol.identity());
    }

    void checkpointChecksumCoversConfigAndIndex()
    {
        const QString dir = m_dir.filePath(QStringLiteral("checkpoint"));
        QVERIFY(QDir().mkpath(dir));
        writeFile(dir + QStringLiteral("/config.json"), "{\"hidden_size\": 64}");
        QCOMPARE(checkpointChecksum(dir + QStringLiteral("/nowhere")), QString());
        // A single-file checkpoint: config.json and the safetensors header (length + JSON).
        const QByteArray header = "{\"a\": {\"dtype\": \"BF16\", \"shape\": [1], "
                                  "\"data_offsets\": [0, 2]}}";
        QByteArray file(8, '\0');
        qToLittleEndian<quint64>(quint64(header.size()), file.data());
        writeFile(dir + QStringLiteral("/model.safetensors"), file + header + "xx");
        QCryptographicHash single(QCryptographicHash::Sha256);
        single.addData("{\"hidden_size\": 64}");
        single.addData(file + header);
        QCOMPARE(checkpointChecksum(dir), QString::fromLatin1(single.result().toHex()));
        // A sharded one: config.json and the index.
        writeFile(dir + QStringLiteral("/model.safetensors.index.json"), "{\"weight_map\": {}}");
        QCryptographicHash sharded(QCryptographicHash::Sha256);
        sharded.addData("{\"hidden_size\": 64}");
        sharded.addData("{\"weight_map\": {}}");
        QCOMPARE(checkpointChecksum(dir), QString::fromLatin1(sharded.result().toHex()));
    }

    void malformedMiddleLineIsSkippedNotTheRest()
    {
        const QString path = m_dir.filePath(QStringLiteral("damaged.json.partial"));
        {
            auto log = openSidecarLog(path, identity());
            QVERIFY2(log, qPrintable(log.error()));
            for (int i = 0; i < 4; ++i)
                QVERIFY((*log)->append(record(i)));
        }
        // Line 3 (the record of case 1) damaged in place, and a torn line at the end as a
        // kill while writing leaves it.
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QList<QByteArray> lines = file.readAll().split('\n');
        file.close();
        QCOMPARE(lines.size(), 6); // header, 4 records, empty after the last newline
        lines[2] = "{\"index\": 1, \"answer\": \"(1,10),(20,3";
        lines.last() = "{\"index\": 4, \"ans";
        writeFile(path, lines.join('\n'));

        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QRegularExpression::escape(path)
                                                + QStringLiteral(": line 3: .*skipped")));
        auto reopened = openSidecarLog(path, identity());
        QVERIFY2(reopened, qPrintable(reopened.error()));
        const auto &finished = (*reopened)->finished();
        QCOMPARE(finished.keys(), (QList<int>{0, 2, 3}));
        QCOMPARE(finished.value(3).answer, record(3).answer);
        QCOMPARE(finished.value(3).seconds, record(3).seconds);

        // New records go after the good ones (the torn tail is gone) and read back.
        QVERIFY((*reopened)->append(record(1)));
        QVERIFY((*reopened)->append(record(4)));
        reopened->reset();
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("line 3: .*skipped")));
        auto again = openSidecarLog(path, identity());
        QVERIFY2(again, qPrintable(again.error()));
        QCOMPARE((*again)->finished().keys(), (QList<int>{0, 1, 2, 3, 4}));
    }
};

MIGICIAN_TEST_CLASS(EvaluationLogTest)
#include "tst_evaluation_log.moc"
