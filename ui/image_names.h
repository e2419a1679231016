// "Image-k" names in a query after the case's images were reordered, removed or added: which
// names the text uses that now mean another image, and the text with those names renumbered.
// Only the literal "Image-k" form is rewritten; ordinal words ("the second image") are reported
// but left to the user. Pure functions.
#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

namespace migician::ui {

// One message per image the text names (by "Image-k" or an ordinal) whose number changed:
// "Image-2 is now Image-3", "Image-5 is no longer in the case".
QStringList staleImageNames(const QString &text, const QMap<int, int> &renamed);

// The text with every "Image-k" of `renamed` replaced by its new number (all at once, so a swap
// is a swap); names of removed images are kept.
QString renumberImageNames(const QString &text, const QMap<int, int> &renamed);

} // namespace migician::ui
