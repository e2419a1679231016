// Export of a project to the formats of annotate/ (migbench, coco, csv, odvg, llamafactory).
#pragma once

#include "annotate/annotation_export.h"

#include <QDialog>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;

namespace migician::ui {

class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    using Exporter = std::function<annotate::Result<annotate::ExportReport>(
            annotate::ProjectStore &, const QString &format, const QString &file)>;

    explicit ExportDialog(annotate::ProjectStore *store, QWidget *parent = nullptr);

    static QStringList formats();
    static QString defaultSuffix(const QString &format);
    // The function that writes the file; by default annotate::exportAnnotations.
    void setExporter(Exporter exporter) { m_exporter = std::move(exporter); }
    void setFormat(const QString &format);
    void setFileName(const QString &file);
    // Runs the export with the current choices; the result is also shown in the dialog.
    annotate::Result<annotate::ExportReport> exportNow();

private:
    void browse();
    void formatChanged();

    annotate::ProjectStore *m_store;
    Exporter m_exporter;
    QComboBox *m_format;
    QLineEdit *m_file;
    QLabel *m_description;
    QLabel *m_result;
};

} // namespace migician::ui
