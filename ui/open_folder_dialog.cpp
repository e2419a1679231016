#include "open_folder_dialog.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace migician::ui {

OpenFolderDialog::OpenFolderDialog(const QString &folder, QWidget *parent)
    : QDialog(parent)
    , m_folder(new QLineEdit(folder, this))
    , m_rules(new QButtonGroup(this))
{
    setWindowTitle(tr("Open image folder"));
    auto *layout = new QVBoxLayout(this);
    auto *row = new QHBoxLayout;
    m_folder->setObjectName(QStringLiteral("folderEdit"));
    row->addWidget(m_folder, 1);
    auto *browse = new QPushButton(tr("Browse..."), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString chosen = QFileDialog::getExistingDirectory(this, tr("Open image folder"),
                                                                 m_folder->text());
        if (!chosen.isEmpty())
            m_folder->setText(chosen);
    });
    row->addWidget(browse);
    auto *form = new QFormLayout;
    form->addRow(tr("Folder:"), row);
    layout->addLayout(form);

    const std::pair<FolderRule, QString> rules[] = {
            {FolderRule::CasePerImage, tr("One case per image (compose cases from them later)")},
            {FolderRule::CasePerSubfolder, tr("One case per subfolder")},
            {FolderRule::OneCase, tr("One case of all images")},
    };
    for (const auto &[rule, text] : rules) {
        auto *button = new QRadioButton(text, this);
        m_rules->addButton(button, int(rule));
        layout->addWidget(button);
    }
    m_rules->button(int(FolderRule::CasePerImage))->setChecked(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

QString OpenFolderDialog::folder() const
{
    return m_folder->text().trimmed();
}

void OpenFolderDialog::setFolder(const QString &folder)
{
    m_folder->setText(folder);
}

FolderRule OpenFolderDialog::rule() const
{
    return FolderRule(m_rules->checkedId());
}

void OpenFolderDialog::setRule(FolderRule rule)
{
    m_rules->button(int(rule))->setChecked(true);
}

} // namespace migician::ui
