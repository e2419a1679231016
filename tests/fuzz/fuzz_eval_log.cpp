// Fuzz target: the progress file of a batch evaluation (annotate/evaluation_log.h, the
// `<out>.partial` sidecar `migician eval` and the GUI resume from). Input: the file's bytes; when
// the first byte is odd, the header line of the evaluation opening it is put in front (so most
// inputs get past the header check). Invariants: nothing throws; a refusal names the file; the
// records that are kept have case indices >= 0 under their own index; opening the same file again
// keeps the same cases; a record appended after opening is read back unchanged.
#include "fuzz_support.h"

#include "annotate/evaluation_log.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>

using namespace migician;

namespace {

annotate::EvalIdentity identity()
{
    annotate::EvalIdentity id;
    id.benchFile = QStringLiteral("/data/MIG_data.json");
    id.backend = QStringLiteral("migician");
    id.model = QStringLiteral("/models/Migician");
    id.indices = {0, 1, 2, 5, 8};
    return id;
}

QString progressPath()
{
    static QTemporaryDir dir; // one folder for the whole run, removed at exit
    FUZZ_CHECK(dir.isValid(), "no temporary folder");
    return dir.filePath(QStringLiteral("results.json.partial"));
}

QList<int> openAndList(const QString &path, bool *opened)
{
    auto log = annotate::openSidecarLog(path, identity());
    *opened = log.ok();
    if (!log) {
        FUZZ_CHECK(log.error().contains(path), log.error().toStdString());
        return {};
    }
    const auto &finished = (*log)->finished();
    for (auto it = finished.begin(); it != finished.end(); ++it)
        FUZZ_CHECK(it.key() >= 0 && it.key() == it->index, "record under the wrong index");
    return finished.keys();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    QByteArray bytes;
    if (data[0] & 1)
        bytes = QJsonDocument(QJsonObject{{QStringLiteral("evaluation"), identity().toJson()}})
                        .toJson(QJsonDocument::Compact)
                + '\n';
    bytes.append(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const QString path = progressPath();
    {
        QFile file(path);
        FUZZ_CHECK(file.open(QIODevice::WriteOnly | QIODevice::Truncate), "cannot write the input");
        FUZZ_CHECK(file.write(bytes) == bytes.size(), "cannot write the input");
    }

    bool opened = false;
    const QList<int> first = openAndList(path, &opened);
    if (!opened)
        return 0;
    bool reopened = false;
    const QList<int> second = openAndList(path, &reopened);
    FUZZ_CHECK(reopened && first == second, "opening the file again changed the finished cases");

    annotate::EvalRecord record;
    record.index = 8;
    record.answer = QString::fromUtf8(bytes.left(64)); // arbitrary text must survive the file
    record.boxes = {annotate::PredictedBox{2, annotate::NormBox{0.25, 0.5, 0.75, 1.0}, {}}};
    record.seconds = 1.5;
    record.finished = QDateTime::fromMSecsSinceEpoch(1700000000123, Qt::UTC);
    {
        auto log = annotate::openSidecarLog(path, identity());
        FUZZ_CHECK(log.ok(), log.error().toStdString());
        const auto appended = (*log)->append(record);
        FUZZ_CHECK(appended.ok(), appended.error().toStdString());
    }
    auto log = annotate::openSidecarLog(path, identity());
    FUZZ_CHECK(log.ok(), log.error().toStdString());
    const auto &finished = (*log)->finished();
    FUZZ_CHECK(finished.contains(8), "the appended record is lost");
    const annotate::EvalRecord &back = finished.value(8);
    FUZZ_CHECK(back.answer == record.answer && back.boxes.size() == 1
                       && back.boxes.first().image == 2
                       && back.boxes.first().box == record.boxes.first().box
                       && back.seconds == record.seconds && back.finished == record.finished,
               "the appended record does not read back unchanged");
    return 0;
}
