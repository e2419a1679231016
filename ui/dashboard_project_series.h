// The dashboard's series of an open project: one per batch-evaluation run stored in it (scored
// on the cases it predicted, with their latencies) and, per human study, its humans and the
// runs scored on the study's cases (the rows of the study report).
#pragma once

#include "ui/dashboard_data.h"

namespace migician::ui {

// A run's predictions over the project's cases. `migicianRescale` follows the run's backend.
annotate::Result<DashboardSeries> seriesFromRun(const annotate::ProjectStore &store, qint64 runId);

// Every evaluation run (runs created by batch evaluation) and every study of the project
// (studySeries()).
annotate::Result<QList<DashboardSeries>> projectSeries(const annotate::ProjectStore &store);

} // namespace migician::ui
