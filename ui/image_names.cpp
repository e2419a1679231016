#include "image_names.h"

#include "model/answer_parser.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

namespace migician::ui {

namespace {
const QRegularExpression &imageName()
{
    static const QRegularExpression pattern(QStringLiteral("\\bImage-(\\d+)\\b"));
    return pattern;
}

} // namespace

QStringList staleImageNames(const QString &text, const QMap<int, int> &renamed)
{
    QList<int> named;
    for (auto it = imageName().globalMatch(text); it.hasNext();)
        named << it.next().captured(1).toInt();
    for (int k : model::imageMentions(text.toStdString()))
        named << k;
    QStringList messages;
    QSet<int> seen;
    for (int k : std::as_const(named)) {
        if (seen.contains(k) || !renamed.contains(k))
            continue;
        seen.insert(k);
        const int now = renamed.value(k);
        messages << (now > 0 ? QCoreApplication::translate("migician::ui::ImageNames",
                                                           "Image-%1 is now Image-%2")
                                       .arg(k)
                                       .arg(now)
                             : QCoreApplication::translate("migician::ui::ImageNames",
                                                           "Image-%1 is no longer in the case")
                                       .arg(k));
    }
    return messages;
}

QString renumberImageNames(const QString &text, const QMap<int, int> &renamed)
{
    QString out;
    qsizetype last = 0;
    for (auto it = imageName().globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const int k = m.captured(1).toInt();
        out += text.mid(last, m.capturedStart() - last);
        const int now = renamed.value(k, k);
        out += now > 0 ? QStringLiteral("Image-%1").arg(now) : m.captured(0);
        last = m.capturedEnd();
    }
    out += text.mid(last);
    return out;
}

} // namespace migician::ui
