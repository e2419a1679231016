// The evaluation dashboard: the Table-1 view (per-task Acc@0.5 per run and per human group, with
// Wilson 95% error bars), IoU histograms, accuracy against the IoU threshold, latency per case,
// and humans vs model vs model-assisted humans. Each plot exports to PNG and PDF; the table
// copies as CSV and Markdown.
#pragma once

#include "ui/dashboard_data.h"

#include <QWidget>

class QCustomPlot;
class QTabWidget;
class QTableWidget;

namespace migician::ui {

class DashboardWindow : public QWidget
{
    Q_OBJECT
public:
    explicit DashboardWindow(QWidget *parent = nullptr);

    void setSeries(const QList<DashboardSeries> &series);
    const QList<DashboardSeries> &series() const { return m_series; }
    // What the humans-vs-model plot shows: the series scored on a study's cases (its humans and
    // the runs on the same cases, the study report's rows) when there are any, else all.
    QList<DashboardSeries> humansVsModelSeries() const;
    // What the other views show: every series but the copies of runs scored on a study's cases.
    QList<DashboardSeries> overviewSeries() const;

    enum Plot { Table1, IouHistogram, AccuracyVsThreshold, Latency, HumansVsModel, PlotCount };
    QCustomPlot *plot(Plot which) const { return m_plots[which]; }
    QTabWidget *tabs() const { return m_tabs; }
    QTableWidget *table() const { return m_table; }

    // Writes a plot as PNG or PDF (by the file's extension); false when it cannot be written.
    bool exportPlot(Plot which, const QString &file) const;

public Q_SLOTS:
    void copyCsv() const;
    void copyMarkdown() const;
    void exportCurrent(); // asks for a file name

private:
    void rebuild();
    void buildTable1();
    void buildHistogram();
    void buildThresholdCurve();
    void buildLatency();
    void buildHumansVsModel();

    QList<DashboardSeries> m_series;
    QTabWidget *m_tabs;
    QCustomPlot *m_plots[PlotCount];
    QTableWidget *m_table;
};

} // namespace migician::ui
