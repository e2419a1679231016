// File names in the order people expect: "img2" before "img10" (digit runs compare by value,
// the rest case-insensitively). QCollator's numeric mode is not available in every locale, e.g.
// the C locale of a test run.
#pragma once

#include <QString>

namespace migician::ui {

bool naturalLess(const QString &a, const QString &b);

} // namespace migician::ui
