// Where estimates get this machine's speed and the user's patience: the measured FLOP/s per device
// and dtype (updated after every finished model run, or by a short calibration run on request)
// and the time above which a run asks before it starts. Shared by the workbench and the
// `migician` CLI (one settings file: organisation "Migician", application "Migician Workbench",
// group "estimate"), so `ground --dry-run` uses what the workbench measured.
#pragma once

#include "model/run_estimate.h"

#include <QString>

namespace migician::ui {

struct EstimateSettings
{
    double confirmAboveSeconds = 60.0; // runs estimated longer than this ask first

    static EstimateSettings load();
    void save() const;
};

class SpeedCalibrationStore
{
public:
    static model::SpeedCalibration load(model::Device device, model::DType dtype);
    static void save(model::Device device, model::DType dtype,
                     const model::SpeedCalibration &calibration);
    // Folds a finished run's stage timings into the stored calibration; returns the new one.
    static model::SpeedCalibration record(model::Device device, model::DType dtype,
                                          const model::WorkEstimate &work,
                                          const model::StageTimings &timings);
    static void forget(model::Device device, model::DType dtype);
};

} // namespace migician::ui
