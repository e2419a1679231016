#include "ui/natural_order.h"

namespace migician::ui {

bool naturalLess(const QString &a, const QString &b)
{
    int i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i].isDigit() && b[j].isDigit()) {
            int ei = i, ej = j;
            while (ei < a.size() && a[ei].isDigit())
                ++ei;
            while (ej < b.size() && b[ej].isDigit())
                ++ej;
            // Skip leading zeros (keeping one digit) so that "007" and "7" compare by value.
            while (ei - i > 1 && a[i] == QLatin1Char('0'))
                ++i;
            while (ej - j > 1 && b[j] == QLatin1Char('0'))
                ++j;
            const QStringView ta = QStringView(a).mid(i, ei - i);
            const QStringView tb = QStringView(b).mid(j, ej - j);
            if (ta.size() != tb.size())
                return ta.size() < tb.size();
            if (ta != tb)
                return ta < tb;
            i = ei;
            j = ej;
            continue;
        }
        const QChar ca = a[i].toCaseFolded(), cb = b[j].toCaseFolded();
        if (ca != cb)
            return ca < cb;
        ++i;
        ++j;
    }
    return (a.size() - i) < (b.size() - j);
}

} // namespace migician::ui
