#include "annotate/migbench_file.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <cmath>

namespace migician::annotate {

namespace {

Result<QByteArray> readAll(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return Result<QByteArray>::failure(
                QStringLiteral("%1: cannot read: %2").arg(file, f.errorString()));
    return f.readAll();
}

Result<QJsonArray> parseList(const QByteArray &json, const QString &name)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return Result<QJsonArray>::failure(QStringLiteral("%1: malformed JSON at byte %2: %3")
                                                   .arg(name)
                                                   .arg(error.offset)
                                                   .arg(error.errorString()));
    if (!document.isArray())
        return Result<QJsonArray>::failure(
                QStringLiteral("%1: expected a JSON list of cases at the top level").arg(name));
    return document.array();
}

// Four finite numbers, or an error text.
QString readBox(const QJsonValue &value, NormBox &box)
{
    if (!value.isArray() || value.toArray().size() != 4)
        return QStringLiteral("must be a list of 4 numbers");
    const QJsonArray array = value.toArray();
    double v[4];
    for (int i = 0; i < 4; ++i) {
        if (!array.at(i).isDouble())
            return QStringLiteral("must be a list of 4 numbers (element %1 is not a number)")
                    .arg(i);
        v[i] = array.at(i).toDouble();
        if (!std::isfinite(v[i]))
            return QStringLiteral("element %1 is not finite").arg(i);
    }
    box = NormBox{v[0], v[1], v[2], v[3]};
    return {};
}

} // namespace

Result<BenchFile> parseMigBench(const QByteArray &json, const QString &name)
{
    const Result<QJsonArray> list = parseList(json, name);
    if (!list)
        return list.status();
    BenchFile file;
    for (int i = 0; i < list->size(); ++i) {
        auto fail = [&](const QString &why) {
            return Result<BenchFile>::failure(
                    QStringLiteral("%1: case %2: %3").arg(name).arg(i).arg(why));
        };
        const QJsonValue value = list->at(i);
        if (!value.isObject())
            return fail(QStringLiteral("is not a JSON object"));
        const QJsonObject object = value.toObject();
        BenchCase c;
        const QJsonValue task = object.value(QLatin1String("task"));
        if (!task.isString() || task.toString().trimmed().isEmpty())
            return fail(QStringLiteral("'task' must be a non-empty string"));
        c.task = task.toString();
        const QJsonValue images = object.value(QLatin1String("images"));
        if (!images.isArray() || images.toArray().isEmpty())
            return fail(QStringLiteral("'images' must be a non-empty list of paths"));
        for (const QJsonValue &image : images.toArray()) {
            if (!image.isString() || image.toString().isEmpty())
                return fail(QStringLiteral("'images' must hold only non-empty strings"));
            c.images << image.toString();
        }
        const QJsonValue question = object.value(QLatin1String("question"));
        if (!question.isString())
            return fail(QStringLiteral("'question' must be a string"));
        c.question = question.toString();
        if (const QString why = readBox(object.value(QLatin1String("answer")), c.answer);
            !why.isEmpty())
            return fail(QStringLiteral("'answer' %1").arg(why));
        const NormBox &a = c.answer;
        // Values beyond 2 are not a normalised box at all (pixels or the 0-1000 scale); the
        // official file does hold a few values just above 1 and swapped corners, kept as is.
        for (double v : {a.x1, a.y1, a.x2, a.y2})
            if (v < 0 || v >= 2)
                return fail(QStringLiteral("'answer' value %1 is outside 0..1 (expected a box "
                                           "normalised to the image)")
                                    .arg(v));
        if (!a.isValid())
            file.warnings << QStringLiteral("case %1: ground truth [%2, %3, %4, %5] is not an "
                                            "ordered box inside 0..1 (kept as is)")
                                     .arg(i)
                                     .arg(a.x1)
                                     .arg(a.y1)
                                     .arg(a.x2)
                                     .arg(a.y2);
        const QJsonValue info = object.value(QLatin1String("additional_info"));
        if (!info.isUndefined() && !info.isNull() && !info.isString())
            return fail(QStringLiteral("'additional_info' must be a string"));
        c.additionalInfo = info.toString();
        const QJsonValue needFormat = object.value(QLatin1String("need_format"));
        if (!needFormat.isUndefined() && !needFormat.isBool())
            return fail(QStringLiteral("'need_format' must be true or false"));
        c.needFormat = needFormat.toBool();
        file.cases << c;
    }
    return file;
}

Result<BenchFile> readMigBench(const QString &file)
{
    const Result<QByteArray> bytes = readAll(file);
    if (!bytes)
        return bytes.status();
    return parseMigBench(*bytes, file);
}

Result<QList<BenchPrediction>> parsePredictions(const QByteArray &json, const QString &name,
                                                int caseCount)
{
    using R = Result<QList<BenchPrediction>>;
    QJsonArray entries;
    const QJsonDocument document = QJsonDocument::fromJson(json);
    if (document.isObject()) {
        // A results file of `migician eval`: its predictions and its failed cases.
        const QJsonObject results = document.object();
        const QJsonValue listed = results.value(QLatin1String("predictions"));
        if (!listed.isArray())
            return R::failure(QStringLiteral("%1: a JSON object of predictions needs a "
                                             "'predictions' list (a results file of migician "
                                             "eval)")
                                      .arg(name));
        entries = listed.toArray();
        for (const QJsonValue &value : results.value(QLatin1String("failed")).toArray()) {
            QJsonObject failed = value.toObject();
            failed.insert(QStringLiteral("failed"), failed.value(QLatin1String("reason")));
            failed.remove(QStringLiteral("reason"));
            failed.remove(QStringLiteral("task"));
            failed.remove(QStringLiteral("attempts"));
            entries.append(failed);
        }
    } else {
        const Result<QJsonArray> list = parseList(json, name);
        if (!list)
            return list.status();
        entries = *list;
    }
    QList<BenchPrediction> predictions;
    QSet<int> seen;
    for (int i = 0; i < entries.size(); ++i) {
        auto fail = [&](const QString &why) {
            return R::failure(QStringLiteral("%1: prediction %2: %3").arg(name).arg(i).arg(why));
        };
        if (!entries.at(i).isObject())
            return fail(QStringLiteral("is not a JSON object"));
        const QJsonObject object = entries.at(i).toObject();
        BenchPrediction p;
        const QJsonValue index = object.value(QLatin1String("index"));
        const double indexValue = index.toDouble(-1);
        if (!index.isDouble() || indexValue != std::floor(indexValue) || indexValue < 0
            || indexValue >= caseCount)
            return fail(QStringLiteral("'index' must be an integer case index in 0..%1")
                                .arg(caseCount - 1));
        p.index = int(indexValue);
        if (seen.contains(p.index))
            return fail(QStringLiteral("case index %1 is predicted twice").arg(p.index));
        seen.insert(p.index);
        const QJsonValue answer = object.value(QLatin1String("answer"));
        const QJsonValue box = object.value(QLatin1String("box"));
        const QJsonValue failed = object.value(QLatin1String("failed"));
        if (int(!answer.isUndefined()) + int(!box.isUndefined()) + int(!failed.isUndefined()) != 1)
            return fail(QStringLiteral("needs exactly one of 'answer' (text), 'box' and 'failed' "
                                       "(the reason a case has no answer)"));
        if (!failed.isUndefined()) {
            if (!failed.isString() || failed.toString().isEmpty())
                return fail(QStringLiteral("'failed' must be the reason, a non-empty string"));
            p.failure = failed.toString();
        } else if (!answer.isUndefined()) {
            if (!answer.isString())
                return fail(QStringLiteral("'answer' must be a string"));
            p.answer = answer.toString();
        } else {
            NormBox b;
            if (const QString why = readBox(box, b); !why.isEmpty())
                return fail(QStringLiteral("'box' %1").arg(why));
            if (!b.isValid())
                return fail(QStringLiteral("'box' [%1, %2, %3, %4] must be ordered "
                                           "(x1<=x2, y1<=y2) and inside 0..1")
                                    .arg(b.x1)
                                    .arg(b.y1)
                                    .arg(b.x2)
                                    .arg(b.y2));
            p.box = b;
        }
        const QJsonValue image = object.value(QLatin1String("image"));
        if (!image.isUndefined() && !image.isNull()) {
            const double k = image.toDouble(-1);
            if (!image.isDouble() || k != std::floor(k) || k < 1 || k > 64)
                return fail(QStringLiteral("'image' must be a 1-based image number"));
            p.image = int(k);
        }
        predictions << p;
    }
    return predictions;
}

Result<QList<BenchPrediction>> readPredictions(const QString &file, int caseCount)
{
    const Result<QByteArray> bytes = readAll(file);
    if (!bytes)
        return bytes.status();
    return parsePredictions(*bytes, file, caseCount);
}

} // namespace migician::annotate
