#include "annotate/store_sql.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>

namespace migician::annotate::sql {

Status runList(QSqlQuery &query, const QString &fileName, const QString &what,
               const QString &statement, const QVariantList &values)
{
    if (!query.prepare(statement))
        return Status::failure(QStringLiteral("%1: cannot prepare %2: %3")
                                       .arg(fileName, what, query.lastError().text()));
    for (const QVariant &value : values) {
        // A null QString would bind as SQL NULL; text columns mean "" by it.
        if (value.typeId() == QMetaType::QString && value.toString().isNull())
            query.addBindValue(QString(QLatin1String("")));
        else
            query.addBindValue(value);
    }
    if (!query.exec())
        return Status::failure(
                QStringLiteral("%1: %2 failed: %3").arg(fileName, what, query.lastError().text()));
    return {};
}

Status run(QSqlQuery &query, const QString &fileName, const QString &what, const QString &statement,
           std::initializer_list<QVariant> values)
{
    return runList(query, fileName, what, statement, QVariantList(values));
}

QVariant nullable(const std::optional<int> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType(QMetaType::Int));
}

QVariant nullable(const std::optional<qint64> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType(QMetaType::LongLong));
}

QVariant idOrNull(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType(QMetaType::LongLong));
}

QString nowUtc()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QDateTime parseUtc(const QString &text)
{
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    time.setTimeSpec(Qt::UTC);
    return time;
}

QString boxJson(int image, const NormBox &box)
{
    const QJsonObject object{{QStringLiteral("image"), image},
                             {QStringLiteral("box"), QJsonArray{box.x1, box.y1, box.x2, box.y2}}};
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace migician::annotate::sql
