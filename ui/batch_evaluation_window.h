// Batch evaluation: choose a MIG-Bench JSON and its images root, a backend (the Migician model
// when a checkpoint is configured, on the workbench's already loaded engine, with its device and
// precision; else the built-in assistant), a subset of tasks and a limit (the first N cases or a
// seeded sample), then run it under the official MIG-Bench protocol in BatchEvaluationWorker's
// thread with a progress bar, an ETA, pause/resume and cancel. Predictions go into the project
// (an interrupted run, or one with failed cases, is resumed by starting it again); at the end the
// results file can be opened in the dashboard.
#pragma once

#include "ui/batch_evaluation_worker.h"
#include "ui/inference_worker.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace migician::ui {

class BatchEvaluationWindow : public QWidget
{
    Q_OBJECT
public:
    explicit BatchEvaluationWindow(QWidget *parent = nullptr);
    ~BatchEvaluationWindow() override;

    enum class State { Idle, Running, Pausing, Paused, Finished };
    State state() const { return m_state; }

    // The project that receives the predictions (the workbench's open one); empty: none.
    void setProjectFile(const QString &file);
    // The Migician backend is offered when engine.modelDir is set; its device and precision
    // start as the workbench's.
    void setEngineSettings(const EngineSettings &engine);
    // The workbench's engine: the Migician backend runs on it instead of loading another copy.
    void setSharedEngine(std::shared_ptr<model::SharedEngine> engines);
    // Reads the bench and lists its tasks; false (and the error shown) when it cannot be read.
    bool setBenchFile(const QString &file);
    void setImagesRoot(const QString &folder);
    void setResultsFile(const QString &file);
    QString resultsFile() const;
    BatchEvaluationRequest request() const;

    // For tests and screenshots.
    BatchEvaluationWorker *worker() const { return m_thread->worker(); }
    QComboBox *backendCombo() const { return m_backend; }
    QComboBox *deviceCombo() const { return m_device; }
    QComboBox *dtypeCombo() const { return m_dtype; }
    QLabel *protocolLabel() const { return m_protocol; }
    QListWidget *taskList() const { return m_tasks; }
    QSpinBox *limitSpin() const { return m_limit; }
    QCheckBox *seededCheck() const { return m_seeded; }
    QSpinBox *seedSpin() const { return m_seed; }
    QPushButton *startButton() const { return m_start; }
    QPushButton *pauseButton() const { return m_pause; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *dashboardButton() const { return m_dashboard; }
    QProgressBar *progressBar() const { return m_progress; }
    QLabel *etaLabel() const { return m_eta; }
    QString errorText() const;

public Q_SLOTS:
    void start();
    void togglePause();
    void cancel();

Q_SIGNALS:
    void dashboardRequested(const QString &resultsFile, const QString &benchFile);
    // The project received new predictions (and possibly the bench's cases).
    void projectChanged(const QString &projectFile);

private:
    void setState(State state);
    void log(const QString &line);
    void showError(const QString &message);
    void chooseBench();
    void chooseImagesRoot();
    void chooseResults();
    void onProgress(int done, int total, double eta, int caseIndex, double seconds);

    BatchEvaluationThread *m_thread;
    State m_state = State::Idle;
    QString m_projectFile;
    EngineSettings m_engine;
    std::shared_ptr<model::SharedEngine> m_engines;
    QString m_loadedBench; // the bench whose tasks are listed
    bool m_resultsChosen = false;

    QLabel *m_project;
    QLineEdit *m_bench;
    QLineEdit *m_imagesRoot;
    QComboBox *m_backend;
    QComboBox *m_device;
    QComboBox *m_dtype;
    QLineEdit *m_endpoints;
    QSpinBox *m_concurrency;
    QLabel *m_protocol;
    QListWidget *m_tasks;
    QSpinBox *m_limit;
    QCheckBox *m_seeded;
    QSpinBox *m_seed;
    QLineEdit *m_results;
    QProgressBar *m_progress;
    QLabel *m_eta;
    QLabel *m_error;
    QPlainTextEdit *m_log;
    QPushButton *m_start;
    QPushButton *m_pause;
    QPushButton *m_cancel;
    QPushButton *m_dashboard;
    QList<QWidget *> m_browseButtons;
};

} // namespace migician::ui
