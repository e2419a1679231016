// Glue between the store, the open case, the undo stack, the inference thread and the views.
// It owns the data side of the workbench; MainWindow owns the widgets and wires them to it.
// GUI thread only.
#pragma once

#include "annotate/project_store.h"
#include "annotate/run_history.h"
#include "ui/app_settings.h"
#include "ui/case_scene.h"
#include "ui/inference_worker.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMap>
#include <QObject>
#include <QUndoStack>

#include <memory>

namespace migician::ui {

class CaseComposition;
class CaseListModel;
class CaseSession;
struct CaseEntry;

// How "Open image folder" turns a folder into cases.
enum class FolderRule {
    CasePerImage,     // every image is a case of its own (made when first opened)
    CasePerSubfolder, // every subfolder is one case of the images below it
    OneCase,          // one case of all the folder's images
};

class WorkbenchController : public QObject
{
    Q_OBJECT
public:
    explicit WorkbenchController(QObject *parent = nullptr);
    ~WorkbenchController() override;

    CaseSession *session() const { return m_session; }
    CaseListModel *cases() const { return m_cases; }
    CaseComposition *composition() const { return m_composition; }
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
    // A folder of images, kept in a project file under AppDataLocation: one case per image
    // (made when first opened), per subfolder, or of all images; the case list shows the
    // project's cases first, then the folder's images (to compose new cases from).
    bool openFolder(const QString &folder, QString *error,
                    FolderRule rule = FolderRule::CasePerImage);
    bool isFolderMode() const { return m_folderMode; }
    QString folder() const { return m_folder; }
    bool openDemo(QString *error, const QString &demoFolder = {}, const QString &sourceFolder = {});
    bool showCase(int row, QString *error);
    // The row of `caseId` in the case list; false (and *error) when it is not in it.
    bool showCaseById(qint64 caseId, QString *error);
    int currentRow() const { return m_row; }
    // The list entry of a case of the open project (title, thumbnail, image count).
    CaseEntry entryForCase(qint64 caseId) const;

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
    // Replaces the references by those of a history entry (those whose image is still in the
    // case); returns how many could not be restored.
    int setReferences(const QList<annotate::RunReference> &references);

    // The runs of the open case, newest first, and which run each prediction belongs to.
    const QList<annotate::CaseRunInfo> &history() const { return m_history; }
    QHash<qint64, qint64> runByPrediction() const;

    QString renderedPrompt(const QString &query) const;
    // Starts a run; false (and *error) when one is running or no case is open.
    bool run(const QString &query, QString *error);
    // The same query on the configured remote endpoint, whatever the backend setting says (the
    // run confirmation offers it for a local run that would take too long).
    bool runOnRemote(const QString &query, QString *error);
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
    void historyChanged();
    // After a change of the case's images: old name number -> new one (0 = gone), for the case's
    // images and the visual references after them (Image-(n+1)...), only the names that changed.
    void imageNamesChanged(const QMap<int, int> &renamed);
    void runFailed(const QString &message);
    void errorOccurred(const QString &message);

private:
    bool runWith(const EngineSettings &engine, const QString &query, QString *error);
    void onFinished(const InferenceResult &result);
    void recordRun(annotate::RunStatus status, const InferenceResult &result, const QString &error);
    void reloadHistory();
    void onLayoutChanged(const QList<int> &newPositionOfOld);
    bool installStore(const QString &file, std::unique_ptr<annotate::ProjectStore> store,
                      QList<CaseEntry> entries, bool folderMode, QString *error);
    QList<CaseEntry> projectEntries() const;
    qint64 takeEditDuration();

    std::unique_ptr<annotate::ProjectStore> m_store;
    CaseSession *m_session;
    CaseListModel *m_cases;
    CaseComposition *m_composition;
    QUndoStack *m_undo;
    InferenceThread *m_inference;
    AppSettings m_settings;
    QList<Reference> m_references;
    int m_row = -1;
    quint64 m_nextRequest = 1;
    quint64 m_currentRequest = 0;
    qint64 m_currentQueryCase = 0;
    QString m_currentQuery;
    EngineSettings m_currentEngine; // the backend the current run went to
    QList<annotate::RunReference> m_currentReferences;
    QList<qint64> m_runImageIds; // the case's images as the running query got them
    QElapsedTimer m_runClock;
    std::optional<qint64> m_firstTokenMs;
    QList<annotate::CaseRunInfo> m_history;
    bool m_folderMode = false;
    QString m_folder;
    QElapsedTimer m_reviewClock;
};

} // namespace migician::ui
