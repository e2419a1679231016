#include "annotate/evaluation_protocol.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QtEndian>

namespace migician::annotate {

namespace {

const char *samplingName(EvaluationProtocol::Sampling sampling)
{
    return sampling == EvaluationProtocol::Sampling::Greedy ? "greedy" : "generation_config";
}

// The 8-byte length and the JSON header of a single-file safetensors checkpoint: its tensor
// names, shapes, dtypes and offsets (what an index file says for a sharded one).
QByteArray safetensorsHeader(const QString &file)
{
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        return {};
    const QByteArray length = in.read(8);
    if (length.size() != 8)
        return {};
    const quint64 size = qFromLittleEndian<quint64>(length.constData());
    if (size > (quint64(100) << 20))
        return {};
    return length + in.read(qint64(size));
}

} // namespace

QString EvaluationProtocol::officialFormatSuffix()
{
    return QStringLiteral(
            "Format:<|box_start|>(x1,y1),(x2,y2)<|box_start|>. Don't generate addtional words.");
}

QString EvaluationProtocol::question(const BenchCase &benchCase) const
{
    return formatSuffix ? benchCase.question + officialFormatSuffix() : benchCase.question;
}

QStringList EvaluationProtocol::deviations() const
{
    const EvaluationProtocol official;
    QStringList list;
    if (!formatSuffix)
        list << QStringLiteral("--no-format-suffix");
    if (sampling == Sampling::Greedy)
        list << QStringLiteral("--greedy");
    if (maxNewTokens != official.maxNewTokens)
        list << QStringLiteral("--max-new-tokens %1").arg(maxNewTokens);
    if (minPixels != official.minPixels)
        list << QStringLiteral("--min-pixels %1").arg(minPixels);
    if (maxPixels != official.maxPixels)
        list << QStringLiteral("--max-pixels %1").arg(maxPixels);
    if (!migicianRescale
        && backend.value(QLatin1String("name")).toString() == QLatin1String("migician"))
        list << QStringLiteral("no Migician rescaling");
    const QString name = backend.value(QLatin1String("name")).toString();
    if (!name.isEmpty() && name != QLatin1String("migician"))
        list << QStringLiteral("backend %1 instead of the Migician model").arg(name);
    return list;
}

QJsonObject EvaluationProtocol::toJson() const
{
    const QStringList deviating = deviations();
    return QJsonObject{
            {QStringLiteral("reference"),
             QStringLiteral("eval/MIG_bench_eval.py of the Migician repository (qwen2_process, "
                            "qwen2_respond, migician_eval)")},
            {QStringLiteral("official"), deviating.isEmpty()},
            {QStringLiteral("deviations"), QJsonArray::fromStringList(deviating)},
            {QStringLiteral("prompt"),
             QJsonObject{{QStringLiteral("images"), QStringLiteral("every image of the case, in "
                                                                   "order, then the text")},
                         {QStringLiteral("format_suffix"),
                          formatSuffix ? QJsonValue(officialFormatSuffix()) : QJsonValue()},
                         {QStringLiteral("every_case"), formatSuffix},
                         {QStringLiteral("reads_need_format"), false}}},
            {QStringLiteral("generation"),
             QJsonObject{{QStringLiteral("sampling"), QLatin1String(samplingName(sampling))},
                         {QStringLiteral("max_new_tokens"), maxNewTokens}}},
            {QStringLiteral("decoding"),
             QJsonObject{{QStringLiteral("skip_special_tokens"), true},
                         {QStringLiteral("box"),
                          QStringLiteral("the first match of the official patterns")}}},
            {QStringLiteral("images"), QJsonObject{{QStringLiteral("min_pixels"), minPixels},
                                                   {QStringLiteral("max_pixels"), maxPixels}}},
            {QStringLiteral("scoring"),
             QJsonObject{{QStringLiteral("migician_rescale"), migicianRescale}}},
            {QStringLiteral("backend"), backend},
    };
}

QJsonObject EvaluationProtocol::identity() const
{
    return QJsonObject{{QStringLiteral("format_suffix"), formatSuffix},
                       {QStringLiteral("sampling"), QLatin1String(samplingName(sampling))},
                       {QStringLiteral("max_new_tokens"), maxNewTokens},
                       {QStringLiteral("min_pixels"), minPixels},
                       {QStringLiteral("max_pixels"), maxPixels},
                       {QStringLiteral("dtype"), dtype},
                       {QStringLiteral("device"), device}};
}

QString checkpointChecksum(const QString &folder)
{
    const QDir dir(folder);
    QFile config(dir.filePath(QStringLiteral("config.json")));
    if (!config.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(config.readAll());
    QFile index(dir.filePath(QStringLiteral("model.safetensors.index.json")));
    if (index.open(QIODevice::ReadOnly))
        hash.addData(index.readAll());
    else
        hash.addData(safetensorsHeader(dir.filePath(QStringLiteral("model.safetensors"))));
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace migician::annotate
