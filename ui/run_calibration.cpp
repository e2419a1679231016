#include "run_calibration.h"

#include <QSettings>

namespace migician::ui {

namespace {

QSettings settingsFile()
{
    // Fixed names, not the running application's: the CLI reads what the workbench measured.
    return QSettings(QSettings::IniFormat, QSettings::UserScope, QStringLiteral("Migician"),
                     QStringLiteral("Migician Workbench"));
}

QString key(model::Device device, model::DType dtype, const char *what)
{
    return QStringLiteral("estimate/speed/%1-%2/%3")
            .arg(QLatin1String(model::deviceName(device)), QLatin1String(model::dtypeName(dtype)),
                 QLatin1String(what));
}

} // namespace

EstimateSettings EstimateSettings::load()
{
    QSettings s = settingsFile();
    EstimateSettings e;
    e.confirmAboveSeconds
            = s.value(QStringLiteral("estimate/confirmAboveSeconds"), e.confirmAboveSeconds)
                      .toDouble();
    return e;
}

void EstimateSettings::save() const
{
    QSettings s = settingsFile();
    s.setValue(QStringLiteral("estimate/confirmAboveSeconds"), confirmAboveSeconds);
}

model::SpeedCalibration SpeedCalibrationStore::load(model::Device device, model::DType dtype)
{
    QSettings s = settingsFile();
    model::SpeedCalibration c;
    c.visionFlops = s.value(key(device, dtype, "visionFlops"), 0.0).toDouble();
    c.prefillFlops = s.value(key(device, dtype, "prefillFlops"), 0.0).toDouble();
    c.decodeFlops = s.value(key(device, dtype, "decodeFlops"), 0.0).toDouble();
    c.measured = c.visionFlops > 0 || c.prefillFlops > 0 || c.decodeFlops > 0;
    return c;
}

void SpeedCalibrationStore::save(model::Device device, model::DType dtype,
                                 const model::SpeedCalibration &calibration)
{
    QSettings s = settingsFile();
    s.setValue(key(device, dtype, "visionFlops"), calibration.visionFlops);
    s.setValue(key(device, dtype, "prefillFlops"), calibration.prefillFlops);
    s.setValue(key(device, dtype, "decodeFlops"), calibration.decodeFlops);
}

model::SpeedCalibration SpeedCalibrationStore::record(model::Device device, model::DType dtype,
                                                      const model::WorkEstimate &work,
                                                      const model::StageTimings &timings)
{
    const model::SpeedCalibration next = model::SpeedCalibration::fromRun(work, timings);
    if (!next.measured)
        return load(device, dtype);
    const model::SpeedCalibration merged = load(device, dtype).mergedWith(next);
    save(device, dtype, merged);
    return merged;
}

void SpeedCalibrationStore::forget(model::Device device, model::DType dtype)
{
    QSettings s = settingsFile();
    s.remove(QStringLiteral("estimate/speed/%1-%2")
                     .arg(QLatin1String(model::deviceName(device)),
                          QLatin1String(model::dtypeName(dtype))));
}

} // namespace migician::ui
