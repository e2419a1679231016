// Undo support for the workbench's box editing, on top of ProjectStore: bring back a deleted
// annotation (same id, so the edit log stays one history) and put back a review state.
// The forward edits are logged by ProjectStore; these two restore an earlier state exactly and
// log it as the inverse action where the log has one (restore = "create").
#pragma once

#include "annotate/project_store.h"

namespace migician::annotate {

// Marks a deleted annotation as present again and logs a "create" row.
Status restoreAnnotation(ProjectStore &store, qint64 annotationId, const EditContext &edit);

// Sets the review state back (e.g. pending after an undone accept). Logs "accept"/"reject" when
// the new state is one of those; returning to pending is not an action of the log.
Status setReviewState(ProjectStore &store, qint64 annotationId, ReviewState state,
                      const EditContext &edit);

} // namespace migician::annotate
