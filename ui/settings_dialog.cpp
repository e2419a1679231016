#include "settings_dialog.h"

#include "model/engine.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
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
{
    setWindowTitle(tr("Settings"));
    auto *form = new QFormLayout(this);
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
    m_dtype->addItem(tr("Automatic (the checkpoint's dtype)"), QStringLiteral("auto"));
    m_dtype->addItem(QStringLiteral("float32"), QStringLiteral("float32"));
    m_dtype->addItem(QStringLiteral("bfloat16"), QStringLiteral("bfloat16"));
    m_dtype->addItem(QStringLiteral("float16 (CUDA)"), QStringLiteral("float16"));
    m_dtype->setCurrentIndex(std::max(0, m_dtype->findData(settings.engine.dtype)));
    form->addRow(tr("Precision:"), m_dtype);

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

void SettingsDialog::browse()
{
    const QString folder = QFileDialog::getExistingDirectory(
            this, tr("Choose the Migician checkpoint folder"), m_folder->text());
    if (!folder.isEmpty())
        m_folder->setText(folder);
}

void SettingsDialog::validate()
{
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
