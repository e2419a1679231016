// "Open image folder": the folder and how its images become cases (one per image, one per
// subfolder, or one of all images).
#pragma once

#include "ui/workbench_controller.h"

#include <QDialog>

class QButtonGroup;
class QLineEdit;

namespace migician::ui {

class OpenFolderDialog : public QDialog
{
    Q_OBJECT
public:
    explicit OpenFolderDialog(const QString &folder = {}, QWidget *parent = nullptr);

    QString folder() const;
    void setFolder(const QString &folder);
    FolderRule rule() const;
    void setRule(FolderRule rule);

private:
    QLineEdit *m_folder;
    QButtonGroup *m_rules;
};

} // namespace migician::ui
