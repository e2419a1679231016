// The workbench's side of issue 16, wired like CompositionActions: the estimate under the query
// (refreshed as the query, the case's images, the references or the settings change), the
// confirmation before a run that is too long or too big, the short speed calibration on request,
// and the determinate progress bar during the model stages. GUI thread only; estimates read
// config.json and tokenizer.json, never the weights.
#pragma once

#include "ui/run_estimate_service.h"
#include "ui/run_progress.h"

#include <QObject>
#include <QPointer>

class QTimer;

namespace migician::ui {

class QueryPanel;
class WorkbenchController;
struct InferenceResult;

class RunEstimateActions : public QObject
{
    Q_OBJECT
public:
    RunEstimateActions(WorkbenchController *controller, QueryPanel *query, QWidget *window);

    // Before a run: true to go on (possibly after lowering the pixel limit in the settings);
    // false when the user cancelled or chose the remote endpoint (remoteRunRequested).
    bool confirmRun(const QString &query);
    // The estimate of the run the Run button would start now; nullopt without a checkpoint.
    std::optional<RunEstimateResult> currentEstimate(QString *error = nullptr);
    // The remote endpoint offered in the confirmation (its display URL; empty: none).
    void setRemoteEndpoint(const QString &endpoint) { m_remoteEndpoint = endpoint; }
    RunEstimateService *service() const { return m_service; }

public Q_SLOTS:
    void refreshSoon(); // debounced
    void refresh();
    void measureSpeed();

Q_SIGNALS:
    void remoteRunRequested(const QString &query);
    void speedMeasured();
    void message(const QString &text);

private:
    QList<QSize> inputSizes() const;
    void onProgress(quint64 id, const QString &stage, int done, int total);
    void onFinished(const InferenceResult &result);

    WorkbenchController *m_controller;
    QueryPanel *m_query;
    QPointer<QWidget> m_window;
    RunEstimateService *m_service;
    QTimer *m_debounce;
    RunProgress m_progress;
    QString m_remoteEndpoint;
    quint64 m_calibrationId = 0; // the calibration run in progress; 0: none
    quint64 m_calibrations = 0;
};

} // namespace migician::ui
