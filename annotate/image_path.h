// Image paths of benches and projects are relative to an images root and must stay inside it:
// lexically (no absolute path, no "..") and through symbolic links when the file exists, so that a
// bench file or a link inside the root cannot make the program read files elsewhere.
#pragma once

#include "annotate/store_result.h"

namespace migician::annotate {

// The cleaned relative path (with '/' separators) of `path` under `root`, or an error naming the
// path, the root and, for a link, where it leads.
Result<QString> imagePathInsideRoot(const QString &root, const QString &path);

} // namespace migician::annotate
