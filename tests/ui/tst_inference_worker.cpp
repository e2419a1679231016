// The inference worker on its thread: the tiny fixture checkpoint as the model (streamed ids equal
// the reference's, a cancel mid-generation, a rerun), errors as messages, and the GUI thread's
// longest stall while the worker runs.
#include "model_test_support.h"
#include "support/qt_test_registry.h"

#include "ui/image_decoder.h"
#include "ui/inference_worker.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace migician;

namespace {
const QString kTiny = test::tinyCheckpoint();
using test::StallDetector;
using test::tinyCase;

QList<qint64> ids(const QJsonValue &array)
{
    return test::tokenIds(array);
}
} // namespace

class InferenceWorkerTest : public QObject
{
    Q_OBJECT

    ui::InferenceRequest singleGrounding(const QJsonObject &c)
    {
        ui::InferenceRequest request;
        const QJsonObject image = c.value(QStringLiteral("images")).toArray().first().toObject();
        QString error;
        const auto decoded = ui::decodeImageFile(
                kTiny + QLatin1Char('/') + image.value(QStringLiteral("file")).toString(), &error);
        if (decoded)
            request.caseImages << ui::toQImage(*decoded);
        request.query = c.value(QStringLiteral("query")).toString();
        request.engine.modelDir = kTiny;
        request.engine.minPixels = image.value(QStringLiteral("min_pixels")).toInteger();
        request.engine.maxPixels = image.value(QStringLiteral("max_pixels")).toInteger();
        request.engine.maxNewTokens = 16;
        request.engine.dtype = QStringLiteral("float32"); // the goldens are float32
        return request;
    }

private Q_SLOTS:
    void tinyModelStreamsGoldenIdsCancelsAndReruns()
    {
        const QJsonObject c = tinyCase(QStringLiteral("single_grounding"));
        QVERIFY(!c.isEmpty());
        const QList<qint64> golden = ids(c.value(QStringLiteral("generated_ids_rp")));
        QCOMPARE(golden.size(), 16);

        ui::InferenceThread thread;
        ui::InferenceWorker *worker = thread.worker();
        QSignalSpy finished(worker, &ui::InferenceWorker::finished);
        QSignalSpy failed(worker, &ui::InferenceWorker::failed);
        QSignalSpy progress(worker, &ui::InferenceWorker::loadProgress);
        QSignalSpy stages(worker, &ui::InferenceWorker::stageChanged);

        // Run 1: cancelled from the worker's own thread right after the 3rd token, so the engine
        // must stop at its next decode step.
        int seen = 0;
        auto cancelAtThree = connect(
                worker, &ui::InferenceWorker::textStreamed, worker,
                [&seen, worker](quint64, qint64, const QString &) {
                    if (++seen == 3)
                        worker->cancel();
                },
                Qt::DirectConnection);
        ui::InferenceRequest request = singleGrounding(c);
        QCOMPARE(request.caseImages.size(), 1);
        request.id = 1;
        QVERIFY(thread.submit(request));
        QVERIFY(!thread.submit(request)); // one at a time
        QVERIFY(finished.wait(120000));
        QVERIFY2(failed.isEmpty(),
                 failed.isEmpty() ? "" : qPrintable(failed.first().at(1).toString()));
        const auto cancelled = finished.takeFirst().first().value<ui::InferenceResult>();
        QVERIFY(cancelled.cancelled);
        QCOMPARE(cancelled.tokenIds, golden.mid(0, 3));
        QVERIFY(!progress.isEmpty()); // the model was loaded, with progress
        QCOMPARE(progress.last().first().toDouble(), 1.0);
        disconnect(cancelAtThree);

        // Run 2: the same request to the end; the streamed ids are the golden ones.
        QList<qint64> streamed;
        connect(worker, &ui::InferenceWorker::textStreamed, this,
                [&streamed](quint64, qint64 token, const QString &) { streamed << token; });
        const int loads = int(progress.size());
        request.id = 2;
        QTRY_VERIFY_WITH_TIMEOUT(!thread.isBusy(), 5000);
        QVERIFY(thread.submit(request));
        QVERIFY(finished.wait(120000));
        const auto full = finished.takeFirst().first().value<ui::InferenceResult>();
        QVERIFY(!full.cancelled);
        QCOMPARE(full.tokenIds, golden);
        QCOMPARE(streamed, golden);
        QCOMPARE(progress.size(), loads); // loaded once, lazily
        QStringList stageNames;
        for (const auto &s : stages)
            stageNames << s.at(1).toString();
        QVERIFY(stageNames.contains(QStringLiteral("decode"))
                || stageNames.contains(QStringLiteral("Decode")));
    }

    void badCheckpointIsAMessage()
    {
        QTemporaryDir empty;
        ui::InferenceThread thread;
        QSignalSpy failed(thread.worker(), &ui::InferenceWorker::failed);
        ui::InferenceRequest request;
        request.id = 7;
        request.query = QStringLiteral("Where is the cup?");
        request.engine.modelDir = empty.path();
        QVERIFY(thread.submit(request));
        QVERIFY(failed.wait(30000));
        QCOMPARE(failed.first().first().value<quint64>(), quint64(7));
        const QString message = failed.first().at(1).toString();
        QVERIFY2(message.contains(empty.path()), qPrintable(message));
        QTRY_VERIFY(!thread.isBusy());
    }

    void guiThreadDoesNotStallDuringRuns_data()
    {
        QTest::addColumn<bool>("model");
        QTest::newRow("opencv assistant") << false;
        QTest::newRow("tiny model") << true;
    }

    void guiThreadDoesNotStallDuringRuns()
    {
        QFETCH(bool, model);
        ui::InferenceThread thread;
        QSignalSpy finished(thread.worker(), &ui::InferenceWorker::finished);
        QSignalSpy failed(thread.worker(), &ui::InferenceWorker::failed);
        ui::InferenceRequest request;
        if (model) {
            request = singleGrounding(tinyCase(QStringLiteral("single_grounding")));
        } else {
            QString error;
            for (int i = 1; i <= 4; ++i) {
                const auto image = ui::decodeImageFile(
                        QStringLiteral(MIGICIAN_SOURCE_DIR "/resources/demo/kitchen/view%1.jpg")
                                .arg(i),
                        &error);
                QVERIFY2(image, qPrintable(error));
                request.caseImages << ui::toQImage(*image);
            }
            const QImage &first = request.caseImages.first();
            request.references << ui::VisualReference{
                    1, first.copy(first.width() / 3, first.height() / 4, first.width() / 6,
                                  first.height() / 2)};
            request.query = QStringLiteral("Find Image-5 in the other images.");
        }
        request.id = 1;
        QElapsedTimer clock;
        clock.start();
        StallDetector detector;
        QVERIFY(thread.submit(request));
        QVERIFY(finished.wait(120000));
        QVERIFY(failed.isEmpty());
        const qint64 runMs = clock.elapsed();
        QVERIFY(!finished.first().first().value<ui::InferenceResult>().boxes.isEmpty() || model);
        qInfo("run took %lld ms; longest GUI-thread stall %lld ms of work (%lld ms wall)", runMs,
              detector.longestMs(), detector.longestWallMs());
        QVERIFY(runMs > 20); // the detector really watched a run
        QVERIFY2(detector.longestMs() < 50, qPrintable(QString::number(detector.longestMs())));
    }
};

MIGICIAN_TEST_CLASS(InferenceWorkerTest)
#include "tst_inference_worker.moc"
