// Glue between the store, the open case, the undo stack, the inference thread and the views.
// It owns the data side of the workbench; MainWindow owns the widgets and wires them to it.
// GUI thread only.
#pragma once

#include "annotate/project_store.h"
#include "ui/app_settings.h"
#include "ui/case_scene.h"
#include "ui/inference_worker.h"

#include <QObject>
#include <QUndoStack>

#include <memory>

namespace migician::ui {

class CaseListModel;
class CaseSession;

class WorkbenchController : public QObject
{
    Q_OBJECT
public:
    explicit WorkbenchController(QObject *parent = nullptr);
    ~WorkbenchController() override;

    CaseSession *session() const { return m_session; }
    CaseListModel *cases() const { return m_cases; }
    QUndoStack *undoStack() const { return m_undo; }
    InferenceThread *inference() const { return m_inference; }
    // The engine the workbench loads, shared with the batch evaluation (one copy of the weights).
    const std::shared_ptr<model::SharedEngine> &sharedEngine() const
    {
        return m_inference->engines();
    }
    annotate::ProjectStore *store() const { return m_store.get(); }
    AppSettings &settings() { return m_settings; }
    void setSettings(const AppSettings &settings);

    bool openProject(const QString &file, QString *error);
    // A folder of images: one case per image, kept in a project file under AppDataLocation.
    bool openFolder(const QString &folder, QString *error);
    bool openDemo(QString *error, const QString &demoFolder = {}, const QString &sourceFolder = {});
    bool showCase(int row, QString *error);
    // The row of `caseId` in the case list; false (and *error) when it is not in it.
    bool showCaseById(qint64 caseId, QString *error);
    int currentRow() const { return m_row; }

    // Visual references: crops of the current case's images, numbered after them.
    struct Reference
    {
        int sourceImage = 0;
        annotate::NormBox box;
        QImage crop;
    };
    const QList<Reference> &references() const { return m_references; }
    QString referenceName(int index) const; // "Image-(n+1+index)"
    void addReference(int image, const annotate::NormBox &box);
    void removeReference(int index);

    QString renderedPrompt(const QString &query) const;
    // Starts a run; false (and *error) when one is running or no case is open.
    bool run(const QString &query, QString *error);
    void cancel();
    bool isRunning() const { return m_inference->isBusy(); }

    // Edits, pushed on the undo stack (durations measured by the scene).
    void createBox(int image, const annotate::NormBox &box, qint64 durationMs);
    void editBox(qint64 id, int image, const annotate::NormBox &box, qint64 durationMs);
    void deleteBox(qint64 id);
    void reviewBox(qint64 id, annotate::ReviewState state);
    // Puts the boxes of a stored prediction of the open case on it as model boxes (not user
    // edits: not on the undo stack, logged as "model"); moving one then records a correction.
    void addModelBoxes(qint64 predictionId, const QList<annotate::PredictedBox> &boxes);

Q_SIGNALS:
    void projectOpened(const QString &file);
    void caseShown(int row);
    void referencesChanged();
    void runStarted();
    void answerReady(const migician::ui::InferenceResult &result);
    void runFailed(const QString &message);
    void errorOccurred(const QString &message);

private:
    void onFinished(const InferenceResult &result);
    void recordAnswer(const InferenceResult &result);
    qint64 takeEditDuration();

    std::unique_ptr<annotate::ProjectStore> m_store;
    CaseSession *m_session;
    CaseListModel *m_cases;
    QUndoStack *m_undo;
    InferenceThread *m_inference;
    AppSettings m_settings;
    QList<Reference> m_references;
    int m_row = -1;
    quint64 m_nextRequest = 1;
    quint64 m_currentRequest = 0;
    qint64 m_currentQueryCase = 0;
    QString m_currentQuery;
    bool m_folderMode = false;
    QElapsedTimer m_reviewClock;
};

} // namespace migician::ui
