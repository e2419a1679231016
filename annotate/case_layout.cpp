#include "annotate/case_layout.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace migician::annotate::layout {

QString idsJson(const QList<qint64> &ids)
{
    QJsonArray array;
    for (qint64 id : ids)
        array << id;
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<qint64> idsFromJson(const QString &json)
{
    QList<qint64> ids;
    for (const QJsonValue &value : QJsonDocument::fromJson(json.toUtf8()).array())
        ids << qint64(value.toDouble());
    return ids;
}

int translate(int image, const QList<qint64> &then, const QList<qint64> &now)
{
    if (then == now)
        return image >= 0 && image <= now.size() ? image : 0;
    if (image < 1 || image > then.size())
        return 0;
    const qsizetype at = now.indexOf(then.at(image - 1));
    return at < 0 ? 0 : int(at) + 1;
}

} // namespace migician::annotate::layout
