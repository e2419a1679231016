// Settings: checkpoint folder (checked before it is accepted), device, dtype, min/max pixels,
// max new tokens, author name and language.
#pragma once

#include "ui/app_settings.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace migician::ui {

class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(const AppSettings &settings, QWidget *parent = nullptr);
    AppSettings settings() const;

    // Problems with a checkpoint folder, one per line (empty when it looks usable or is empty).
    static QString checkFolder(const QString &folder);
    // "Automatic (bfloat16)": the precision "auto" resolves to for this checkpoint and device
    // ("cpu" or "cuda"); without a readable config.json, "Automatic (the checkpoint's dtype)".
    static QString autoPrecisionLabel(const QString &folder, const QString &device);

private:
    void browse();
    void validate();

    AppSettings m_settings;
    QLineEdit *m_folder;
    QLabel *m_folderStatus;
    QComboBox *m_device;
    QComboBox *m_dtype;
    QSpinBox *m_minPixels;
    QSpinBox *m_maxPixels;
    QSpinBox *m_maxNewTokens;
    QLineEdit *m_author;
    QComboBox *m_language;
};

} // namespace migician::ui
