// Settings. Backend: which one answers (local checkpoint, remote endpoint, built-in assistant);
// for the local one the checkpoint folder (checked before it is accepted), device and precision;
// for the remote one the base URL, served model, API key file (the key itself is never stored),
// timeouts, more endpoints for batch evaluation, and a Test connection button that lists the
// server's models with the round-trip time (on a worker thread). Then min/max pixels, max new
// tokens, author name and language.
#pragma once

#include "ui/app_settings.h"

#include <QDialog>

class QButtonGroup;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
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

    // The outcome of Test connection for `remote` (blocking: call it off the GUI thread): "models:
    // a, b (12 ms)" or the error, and whether the server answered.
    static QString testConnection(const RemoteSettings &remote, bool *ok);

private:
    void browse();
    void validate();
    void startConnectionTest();
    BackendKind backend() const;
    RemoteSettings remoteSettings() const;

    AppSettings m_settings;
    QButtonGroup *m_backend;
    QGroupBox *m_localBox;
    QGroupBox *m_remoteBox;
    QLineEdit *m_url;
    QLineEdit *m_servedModel;
    QLineEdit *m_apiKeyFile;
    QDoubleSpinBox *m_connectTimeout;
    QDoubleSpinBox *m_idleTimeout;
    QLineEdit *m_moreUrls;
    QSpinBox *m_concurrency;
    QPushButton *m_testConnection;
    QLabel *m_connectionStatus;
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
