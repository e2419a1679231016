// The order of a case's images as a list of image ids, and how an image number of one order
// (1-based, as stored in prediction boxes and history at the time) reads in another. Shared by
// the annotate/ sources that keep image numbers of an earlier order (not part of the public API).
#pragma once

#include <QList>
#include <QString>
#include <QtGlobal>

namespace migician::annotate::layout {

QString idsJson(const QList<qint64> &ids); // "[12,7,9]"
QList<qint64> idsFromJson(const QString &json);

// Image `image` (1-based) of the order `then`, numbered in the order `now`; 0 when that image is
// no longer in the case (or `image` is 0 or out of range). When an image occurs twice in a case
// and the orders differ, the first occurrence wins.
int translate(int image, const QList<qint64> &then, const QList<qint64> &now);

} // namespace migician::annotate::layout
