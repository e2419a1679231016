#include "settings_dialog.h"

#include "model/engine.h"
#include "ui/remote_backend.h"

#include <QButtonGroup>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QRadioButton>
#include <QRegularExpression>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace migician::ui {

SettingsDialog::SettingsDialog(const AppSettings &settings, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_folder(new QLineEdit(settings.engine.modelDir, this))
    , m_folderStatus(new QLabel(this))
    , m_device(new QComboBox(this))
    , m_dtype(new QComboBox(this))
    , m_minPixels(new QSpinBox(this))
    , m_maxPixels(new QSpinBox(this))
    , m_maxNewTokens(new QSpinBox(this))
    , m_author(new QLineEdit(settings.author, this))
    , m_language(new QComboBox(this))
    , m_backend(new QButtonGroup(this))
    , m_localBox(new QGroupBox(tr("Local checkpoint"), this))
    , m_remoteBox(
              new QGroupBox(tr("Remote endpoint (vLLM, SGLang, llama.cpp, migician serve)"), this))
    , m_url(new QLineEdit(settings.engine.remote.url, this))
    , m_servedModel(new QLineEdit(settings.engine.remote.servedModel, this))
    , m_apiKeyFile(new QLineEdit(settings.engine.remote.apiKeyFile, this))
    , m_connectTimeout(new QDoubleSpinBox(this))
    , m_idleTimeout(new QDoubleSpinBox(this))
    , m_moreUrls(new QLineEdit(settings.engine.remote.moreUrls.join(QLatin1Char(' ')), this))
    , m_concurrency(new QSpinBox(this))
    , m_testConnection(new QPushButton(tr("Test connection"), this))
    , m_connectionStatus(new QLabel(this))
{
    setWindowTitle(tr("Settings"));
    m_folder->setObjectName(QStringLiteral("checkpointFolder"));
    m_dtype->setObjectName(QStringLiteral("precision"));
    auto *outer = new QVBoxLayout(this);

    // Backend: one of three, with the fields of the chosen one enabled.
    auto *backendBox = new QGroupBox(tr("Backend"), this);
    auto *backendRow = new QHBoxLayout(backendBox);
    const std::pair<BackendKind, QString> kinds[]
            = {{BackendKind::Local, tr("Local checkpoint")},
               {BackendKind::Remote, tr("Remote endpoint")},
               {BackendKind::Assistant, tr("Built-in assistant (OpenCV)")}};
    for (const auto &[kind, text] : kinds) {
        auto *button = new QRadioButton(text, backendBox);
        button->setObjectName(QStringLiteral("backend_") + backendKindName(kind));
        m_backend->addButton(button, int(kind));
        backendRow->addWidget(button);
    }
    m_backend->button(int(settings.engine.backend))->setChecked(true);
    outer->addWidget(backendBox);

    auto *form = new QFormLayout(m_localBox);
    auto *folderRow = new QHBoxLayout;
    m_folder->setPlaceholderText(tr("empty: built-in assistant only"));
    auto *browse = new QPushButton(tr("Browse..."), this);
    connect(browse, &QPushButton::clicked, this, &SettingsDialog::browse);
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);
    form->addRow(tr("Migician checkpoint folder:"), folderRow);
    m_folderStatus->setWordWrap(true);
    form->addRow(QString(), m_folderStatus);

    m_device->addItem(tr("CPU"), QStringLiteral("cpu"));
    m_device->addItem(tr("CUDA GPU"), QStringLiteral("cuda"));
    m_device->setCurrentIndex(std::max(0, m_device->findData(settings.engine.device)));
    form->addRow(tr("Device:"), m_device);
    m_dtype->addItem(autoPrecisionLabel(settings.engine.modelDir, settings.engine.device),
                     QStringLiteral("auto"));
    m_dtype->addItem(QStringLiteral("float32"), QStringLiteral("float32"));
    m_dtype->addItem(QStringLiteral("bfloat16"), QStringLiteral("bfloat16"));
    m_dtype->addItem(QStringLiteral("float16 (CUDA)"), QStringLiteral("float16"));
    m_dtype->setCurrentIndex(std::max(0, m_dtype->findData(settings.engine.dtype)));
    form->addRow(tr("Precision:"), m_dtype);
    outer->addWidget(m_localBox);

    // Remote endpoint.
    auto *remote = new QFormLayout(m_remoteBox);
    m_url->setObjectName(QStringLiteral("endpointUrl"));
    m_url->setPlaceholderText(QStringLiteral("http://gpu-server:8000"));
    remote->addRow(tr("Base URL:"), m_url);
    m_servedModel->setObjectName(QStringLiteral("servedModel"));
    m_servedModel->setPlaceholderText(tr("empty: the first model the server lists"));
    remote->addRow(tr("Served model:"), m_servedModel);
    m_apiKeyFile->setObjectName(QStringLiteral("apiKeyFile"));
    m_apiKeyFile->setPlaceholderText(tr("empty: MIGICIAN_API_KEY, or no key"));
    m_apiKeyFile->setToolTip(tr("A file holding the key. The key itself is never stored in the "
                                "settings, projects or exports."));
    auto *keyRow = new QHBoxLayout;
    auto *keyBrowse = new QPushButton(tr("Browse..."), this);
    connect(keyBrowse, &QPushButton::clicked, this, [this] {
        const QString file
                = QFileDialog::getOpenFileName(this, tr("API key file"), m_apiKeyFile->text());
        if (!file.isEmpty())
            m_apiKeyFile->setText(file);
    });
    keyRow->addWidget(m_apiKeyFile, 1);
    keyRow->addWidget(keyBrowse);
    remote->addRow(tr("API key file:"), keyRow);
    m_connectTimeout->setRange(1, 600);
    m_connectTimeout->setSuffix(tr(" s"));
    m_connectTimeout->setValue(settings.engine.remote.connectTimeoutSeconds);
    m_idleTimeout->setRange(1, 7200);
    m_idleTimeout->setSuffix(tr(" s"));
    m_idleTimeout->setValue(settings.engine.remote.idleTimeoutSeconds);
    auto *timeoutRow = new QHBoxLayout;
    timeoutRow->addWidget(m_connectTimeout);
    timeoutRow->addWidget(new QLabel(tr("silence allowed:"), this));
    timeoutRow->addWidget(m_idleTimeout);
    timeoutRow->addStretch(1);
    remote->addRow(tr("Connect timeout:"), timeoutRow);
    m_moreUrls->setObjectName(QStringLiteral("moreEndpoints"));
    m_moreUrls->setPlaceholderText(tr("more servers of the same model, for batch evaluation"));
    m_concurrency->setRange(1, 256);
    m_concurrency->setValue(settings.engine.remote.concurrency);
    auto *batchRow = new QHBoxLayout;
    batchRow->addWidget(m_moreUrls, 1);
    batchRow->addWidget(new QLabel(tr("in flight each:"), this));
    batchRow->addWidget(m_concurrency);
    remote->addRow(tr("More endpoints:"), batchRow);
    m_testConnection->setObjectName(QStringLiteral("testConnection"));
    m_connectionStatus->setObjectName(QStringLiteral("connectionStatus"));
    m_connectionStatus->setWordWrap(true);
    m_connectionStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_testConnection);
    testRow->addWidget(m_connectionStatus, 1);
    remote->addRow(QString(), testRow);
    connect(m_testConnection, &QPushButton::clicked, this, &SettingsDialog::startConnectionTest);
    outer->addWidget(m_remoteBox);

    form = new QFormLayout;
    outer->addLayout(form);

    // Pixel budgets are edited in units of 28x28 patches' worth of pixels (784), as Qwen2-VL
    // counts.
    m_minPixels->setRange(4, 16384);
    m_minPixels->setSuffix(tr(" x 28x28 px"));
    m_minPixels->setValue(int(settings.engine.minPixels / 784));
    form->addRow(tr("Min pixels per image:"), m_minPixels);
    m_maxPixels->setRange(4, 16384);
    m_maxPixels->setSuffix(tr(" x 28x28 px"));
    m_maxPixels->setValue(int(settings.engine.maxPixels / 784));
    form->addRow(tr("Max pixels per image:"), m_maxPixels);
    m_maxNewTokens->setRange(1, 4096);
    m_maxNewTokens->setValue(settings.engine.maxNewTokens);
    form->addRow(tr("Max new tokens:"), m_maxNewTokens);
    form->addRow(tr("Author name:"), m_author);
    m_language->addItem(tr("System default"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    m_language->addItem(QStringLiteral("한국어"), QStringLiteral("ko"));
    m_language->setCurrentIndex(std::max(0, m_language->findData(settings.language)));
    form->addRow(tr("Language (after restart):"), m_language);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
    connect(m_folder, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    connect(m_backend, &QButtonGroup::idClicked, this, &SettingsDialog::validate);
    connect(m_device, &QComboBox::currentIndexChanged, this, &SettingsDialog::validate);
    validate();
}

QString SettingsDialog::checkFolder(const QString &folder)
{
    if (folder.isEmpty())
        return {};
    QStringList lines;
    for (const std::string &problem : model::checkCheckpointFolder(folder.toStdString()))
        lines << QString::fromStdString(problem);
    return lines.join(QLatin1Char('\n'));
}

QString SettingsDialog::autoPrecisionLabel(const QString &folder, const QString &device)
{
    // What "auto" becomes for this folder and device: the checkpoint's config.json torch_dtype,
    // through the engine's own rule (a float16 checkpoint runs in bfloat16 on the CPU).
    const QString config = folder + QStringLiteral("/config.json");
    if (folder.isEmpty() || !QFileInfo::exists(config))
        return tr("Automatic (the checkpoint's dtype)");
    try {
        const auto parsed = model::ModelConfig::fromFile(config.toStdString());
        const auto resolved = model::resolveDType(
                model::DType::Auto, parsed,
                device == QLatin1String("cuda") ? model::Device::Cuda : model::Device::Cpu);
        return tr("Automatic (%1)").arg(QString::fromLatin1(model::dtypeName(resolved)));
    } catch (const std::exception &) {
        return tr("Automatic (the checkpoint's dtype)");
    }
}

void SettingsDialog::browse()
{
    const QString folder = QFileDialog::getExistingDirectory(
            this, tr("Choose the Migician checkpoint folder"), m_folder->text());
    if (!folder.isEmpty())
        m_folder->setText(folder);
}

BackendKind SettingsDialog::backend() const
{
    return BackendKind(m_backend->checkedId());
}

RemoteSettings SettingsDialog::remoteSettings() const
{
    RemoteSettings remote = m_settings.engine.remote;
    remote.url = m_url->text().trimmed();
    remote.servedModel = m_servedModel->text().trimmed();
    remote.apiKeyFile = m_apiKeyFile->text().trimmed();
    remote.connectTimeoutSeconds = m_connectTimeout->value();
    remote.idleTimeoutSeconds = m_idleTimeout->value();
    remote.moreUrls = m_moreUrls->text().split(QRegularExpression(QStringLiteral("[\\s,]+")),
                                               Qt::SkipEmptyParts);
    remote.concurrency = m_concurrency->value();
    return remote;
}

QString SettingsDialog::testConnection(const RemoteSettings &remote, bool *ok)
{
    *ok = false;
    try {
        RemoteEndpoint endpoint(endpointSettings(remote, remote.url));
        QElapsedTimer timer;
        timer.start();
        const std::vector<std::string> models = endpoint.listModels();
        const qint64 ms = timer.elapsed();
        QStringList names;
        for (const std::string &name : models)
            names << QString::fromStdString(name);
        const QString served = remote.servedModel.trimmed();
        if (!served.isEmpty() && !names.contains(served))
            return tr("The server answered in %1 ms but does not serve '%2'; it serves: %3")
                    .arg(ms)
                    .arg(served, names.join(QStringLiteral(", ")));
        *ok = true;
        return tr("Connected in %1 ms. Models: %2").arg(ms).arg(names.join(QStringLiteral(", ")));
    } catch (const std::exception &error) {
        return tr("No connection: %1").arg(QString::fromUtf8(error.what()));
    }
}

void SettingsDialog::startConnectionTest()
{
    m_testConnection->setEnabled(false);
    m_connectionStatus->setText(tr("Connecting to %1...").arg(m_url->text().trimmed()));
    auto *watcher = new QFutureWatcher<std::pair<QString, bool>>(this);
    connect(watcher, &QFutureWatcher<std::pair<QString, bool>>::finished, this, [this, watcher] {
        const auto [text, ok] = watcher->result();
        m_connectionStatus->setText(text);
        m_connectionStatus->setProperty("connected", ok);
        m_testConnection->setEnabled(true);
        watcher->deleteLater();
    });
    // The request runs on a pool thread and needs nothing of the dialog; when the dialog is
    // closed first, the watcher goes with it and the answer is dropped.
    watcher->setFuture(QtConcurrent::run([remote = remoteSettings()] {
        bool ok = false;
        QString text = testConnection(remote, &ok);
        return std::make_pair(text, ok);
    }));
}

void SettingsDialog::validate()
{
    m_localBox->setEnabled(backend() == BackendKind::Local);
    m_remoteBox->setEnabled(backend() == BackendKind::Remote);
    m_dtype->setItemText(
            m_dtype->findData(QStringLiteral("auto")),
            autoPrecisionLabel(m_folder->text().trimmed(), m_device->currentData().toString()));
    const QString problems = checkFolder(m_folder->text().trimmed());
    if (m_folder->text().trimmed().isEmpty())
        m_folderStatus->setText(tr("No checkpoint: the built-in assistant (OpenCV) answers."));
    else if (problems.isEmpty())
        m_folderStatus->setText(tr("The folder looks like a usable checkpoint."));
    else
        m_folderStatus->setText(tr("Not usable: %1").arg(problems));
}

AppSettings SettingsDialog::settings() const
{
    AppSettings s = m_settings;
    s.engine.backend = backend();
    s.engine.remote = remoteSettings();
    s.engine.modelDir = m_folder->text().trimmed();
    s.engine.device = m_device->currentData().toString();
    s.engine.dtype = m_dtype->currentData().toString();
    s.engine.minPixels = qint64(m_minPixels->value()) * 784;
    s.engine.maxPixels = qint64(std::max(m_maxPixels->value(), m_minPixels->value())) * 784;
    s.engine.maxNewTokens = m_maxNewTokens->value();
    s.author = m_author->text().trimmed().isEmpty() ? QStringLiteral("annotator")
                                                    : m_author->text().trimmed();
    s.language = m_language->currentData().toString();
    return s;
}

} // namespace migician::ui
