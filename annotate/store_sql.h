// Small helpers shared by the annotate/ sources that talk to SQLite (not part of the public API).
#pragma once

#include "annotate/store_result.h"
#include "annotate/store_types.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

#include <initializer_list>

namespace migician::annotate::sql {

// Prepares `statement`, binds `values` positionally and executes it. The error names the file,
// what was being done and SQLite's message.
Status run(QSqlQuery &query, const QString &fileName, const QString &what, const QString &statement,
           std::initializer_list<QVariant> values = {});

// Same, with the values in a list (for statements built at run time).
Status runList(QSqlQuery &query, const QString &fileName, const QString &what,
               const QString &statement, const QVariantList &values);

QVariant nullable(const std::optional<int> &value);
QVariant nullable(const std::optional<qint64> &value);
QVariant idOrNull(qint64 id); // 0 -> NULL

QString nowUtc(); // ISO 8601 with milliseconds, UTC
QDateTime parseUtc(const QString &text);

// {"image":k,"box":[x1,y1,x2,y2]}
QString boxJson(int image, const NormBox &box);

} // namespace migician::annotate::sql
