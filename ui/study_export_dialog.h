// Export for annotator...: a copy of one annotator's cases of a study for their own machine
// (annotate/study_exchange.h), written in a worker thread with its own connection to the
// project, with a progress bar and Cancel (the partial file is removed). GUI thread only.
#pragma once

#include "annotate/study.h"

#include <QDialog>

#include <atomic>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QThread;

namespace migician::ui {

class StudyExportDialog : public QDialog
{
    Q_OBJECT
public:
    StudyExportDialog(const QString &projectFile, const annotate::StudyInfo &study,
                      QWidget *parent = nullptr);
    ~StudyExportDialog() override; // cancels a running export and waits for it

    bool isRunning() const { return m_thread != nullptr; }
    QString resultText() const;

    QComboBox *annotatorCombo() const { return m_annotator; }
    QLineEdit *fileEdit() const { return m_file; }
    QCheckBox *copyImagesBox() const { return m_copy; }
    QPushButton *exportButton() const { return m_export; }

public Q_SLOTS:
    void startExport();
    void cancel();

Q_SIGNALS:
    void exportFinished(bool ok, const QString &message);

private:
    void suggestFile();
    void finish(bool ok, const QString &message);

    QString m_projectFile;
    annotate::StudyInfo m_study;
    bool m_fileEdited = false;
    std::shared_ptr<std::atomic_bool> m_cancel;
    QThread *m_thread = nullptr;
    QComboBox *m_annotator;
    QLineEdit *m_file;
    QCheckBox *m_copy;
    QProgressBar *m_progress;
    QLabel *m_result;
    QPushButton *m_export;
    QPushButton *m_close;
};

} // namespace migician::ui
