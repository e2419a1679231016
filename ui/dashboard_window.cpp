#include "ui/dashboard_window.h"

#include "ui/qcustomplot_include.h"

#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace migician::ui {

namespace {

QColor seriesColour(int index, DashboardSeries::Kind kind)
{
    static const QList<QColor> models{QColor(31, 119, 180), QColor(255, 127, 14),
                                      QColor(148, 103, 189), QColor(140, 86, 75)};
    if (kind == DashboardSeries::Kind::Human)
        return QColor(44, 160, 44);
    if (kind == DashboardSeries::Kind::AssistedHuman)
        return QColor(23, 190, 207);
    return models[index % models.size()];
}

QCustomPlot *newPlot(QWidget *parent)
{
    auto *plot = new QCustomPlot(parent);
    plot->legend->setVisible(true);
    plot->legend->setFont(QFont(plot->font().family(), 8));
    plot->setMinimumSize(480, 320);
    return plot;
}

QStringList tasksOf(const QList<DashboardSeries> &series)
{
    QStringList tasks;
    for (const DashboardSeries &s : series)
        for (auto it = s.scores.perTask.begin(); it != s.scores.perTask.end(); ++it)
            if (!tasks.contains(it.key()))
                tasks << it.key();
    tasks.sort();
    return tasks;
}

// Grouped bars with Wilson error bars: one group per label, one bar per series.
void groupedBars(
        QCustomPlot *plot, const QStringList &labels, const QList<DashboardSeries> &series,
        const std::function<const annotate::Metrics *(const DashboardSeries &, int)> &metric)
{
    const int count = int(series.size());
    const double width = 0.8 / std::max(1, count);
    for (int s = 0; s < count; ++s) {
        auto *bars = new QCPBars(plot->xAxis, plot->yAxis);
        bars->setName(series[s].name);
        bars->setWidth(width);
        const QColor colour = seriesColour(s, series[s].kind);
        bars->setPen(QPen(colour.darker(130)));
        bars->setBrush(colour);
        auto *errors = new QCPErrorBars(plot->xAxis, plot->yAxis);
        errors->removeFromLegend();
        errors->setDataPlottable(bars);
        errors->setPen(QPen(Qt::black));
        QVector<double> keys, values, minus, plus;
        for (int g = 0; g < labels.size(); ++g) {
            const annotate::Metrics *m = metric(series[s], g);
            if (!m)
                continue;
            keys << g + 1 - 0.4 + width * (s + 0.5);
            values << m->acc50 * 100;
            // The mean over tasks has no interval (left at [0, 1]); a real Wilson interval never
            // is.
            const bool hasInterval = !(m->ci50[0] == 0 && m->ci50[1] == 1);
            minus << (hasInterval ? (m->acc50 - m->ci50[0]) * 100 : 0);
            plus << (hasInterval ? (m->ci50[1] - m->acc50) * 100 : 0);
        }
        bars->setData(keys, values);
        errors->setData(minus, plus);
    }
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (int g = 0; g < labels.size(); ++g)
        ticker->addTick(g + 1, labels[g]);
    plot->xAxis->setTicker(ticker);
    plot->xAxis->setTickLabelRotation(labels.size() > 5 ? 30 : 0);
    plot->xAxis->setRange(0.4, labels.size() + 0.6);
    // Headroom above 100 % for the legend.
    plot->yAxis->setRange(0, 125);
    plot->yAxis->setLabel(QObject::tr("Acc@0.5 (%)"));
}

} // namespace

DashboardWindow::DashboardWindow(QWidget *parent)
    : QWidget(parent)
    , m_tabs(new QTabWidget(this))
    , m_table(new QTableWidget(this))
{
    setWindowTitle(tr("Evaluation dashboard"));
    for (int i = 0; i < PlotCount; ++i)
        m_plots[i] = newPlot(this);
    auto *tablePage = new QWidget(this);
    auto *tableLayout = new QVBoxLayout(tablePage);
    tableLayout->addWidget(m_plots[Table1], 3);
    tableLayout->addWidget(m_table, 1);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tabs->addTab(tablePage, tr("Table 1 (Acc@0.5)"));
    m_tabs->addTab(m_plots[IouHistogram], tr("IoU histogram"));
    m_tabs->addTab(m_plots[AccuracyVsThreshold], tr("Accuracy vs IoU threshold"));
    m_tabs->addTab(m_plots[Latency], tr("Latency per case"));
    m_tabs->addTab(m_plots[HumansVsModel], tr("Humans vs model"));

    auto *buttons = new QHBoxLayout;
    auto *png = new QPushButton(tr("Export plot..."), this);
    auto *csv = new QPushButton(tr("Copy table as CSV"), this);
    auto *markdown = new QPushButton(tr("Copy table as Markdown"), this);
    buttons->addWidget(png);
    buttons->addStretch(1);
    buttons->addWidget(csv);
    buttons->addWidget(markdown);
    connect(png, &QPushButton::clicked, this, &DashboardWindow::exportCurrent);
    connect(csv, &QPushButton::clicked, this, &DashboardWindow::copyCsv);
    connect(markdown, &QPushButton::clicked, this, &DashboardWindow::copyMarkdown);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addLayout(buttons);
    resize(1100, 720);
}

void DashboardWindow::setSeries(const QList<DashboardSeries> &series)
{
    m_series = series;
    rebuild();
}

QList<DashboardSeries> DashboardWindow::humansVsModelSeries() const
{
    QList<DashboardSeries> onStudies;
    for (const DashboardSeries &s : m_series)
        if (s.studyId != 0)
            onStudies << s;
    return onStudies.isEmpty() ? m_series : onStudies;
}

QList<DashboardSeries> DashboardWindow::overviewSeries() const
{
    QList<DashboardSeries> overview;
    for (const DashboardSeries &s : m_series)
        if (s.studyId == 0 || s.kind != DashboardSeries::Kind::Model)
            overview << s;
    return overview;
}

void DashboardWindow::rebuild()
{
    for (QCustomPlot *plot : m_plots) {
        plot->clearPlottables();
        plot->clearGraphs();
    }
    buildTable1();
    buildHistogram();
    buildThresholdCurve();
    buildLatency();
    buildHumansVsModel();
    for (QCustomPlot *plot : m_plots)
        plot->replot();
}

void DashboardWindow::buildTable1()
{
    const QList<DashboardSeries> series = overviewSeries();
    QStringList labels = tasksOf(series);
    const int taskCount = int(labels.size());
    labels << tr("AVE");
    groupedBars(m_plots[Table1], labels, series,
                [taskCount, labels](const DashboardSeries &s, int g) -> const annotate::Metrics * {
                    if (g == taskCount)
                        return &s.scores.macro;
                    const auto it = s.scores.perTask.find(labels[g]);
                    return it == s.scores.perTask.end() ? nullptr : &*it;
                });
    m_plots[Table1]->plotLayout()->setRowStretchFactor(0, 1);
    m_plots[Table1]->legend->setFillOrder(QCPLegend::foColumnsFirst);
    m_plots[Table1]->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);

    const QStringList csvRows = table1Csv(series).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    m_table->clear();
    m_table->setRowCount(int(csvRows.size()) - 1);
    if (csvRows.isEmpty())
        return;
    const QStringList header = csvRows.first().split(QLatin1Char(','));
    m_table->setColumnCount(int(header.size()));
    m_table->setHorizontalHeaderLabels(header);
    for (int r = 1; r < csvRows.size(); ++r) {
        const QStringList cells = csvRows[r].split(QLatin1Char(','));
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(r - 1, c, new QTableWidgetItem(cells[c]));
    }
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
}

void DashboardWindow::buildHistogram()
{
    QCustomPlot *plot = m_plots[IouHistogram];
    const QList<DashboardSeries> series = overviewSeries();
    constexpr int kBins = 10;
    const int count = int(series.size());
    const double width = 0.1 * 0.8 / std::max(1, count);
    for (int s = 0; s < count; ++s) {
        QVector<double> keys, values;
        const QList<double> &ious = series[s].ious;
        QVector<int> bins(kBins, 0);
        for (const double iou : ious)
            ++bins[std::clamp(int(iou * kBins), 0, kBins - 1)];
        for (int b = 0; b < kBins; ++b) {
            keys << b * 0.1 + 0.01 + width * (s + 0.5);
            values << (ious.isEmpty() ? 0 : 100.0 * bins[b] / ious.size());
        }
        auto *bars = new QCPBars(plot->xAxis, plot->yAxis);
        bars->setName(series[s].name);
        bars->setWidth(width);
        bars->setBrush(seriesColour(s, series[s].kind));
        bars->setPen(Qt::NoPen);
        bars->setData(keys, values);
    }
    plot->xAxis->setLabel(tr("IoU with the ground truth"));
    plot->yAxis->setLabel(tr("cases (%)"));
    plot->xAxis->setRange(0, 1);
    plot->yAxis->rescale();
    plot->yAxis->setRangeLower(0);
    plot->yAxis->setRangeUpper(plot->yAxis->range().upper * 1.1 + 1);
}

void DashboardWindow::buildThresholdCurve()
{
    QCustomPlot *plot = m_plots[AccuracyVsThreshold];
    const QList<DashboardSeries> series = overviewSeries();
    for (int s = 0; s < series.size(); ++s) {
        QVector<double> keys, values;
        for (int i = 0; i <= 20; ++i) {
            keys << i * 0.05;
            values << accuracyAt(series[s].ious, i * 0.05) * 100;
        }
        QCPGraph *graph = plot->addGraph();
        graph->setName(series[s].name);
        graph->setPen(QPen(seriesColour(s, series[s].kind), 2));
        graph->setData(keys, values);
    }
    plot->xAxis->setLabel(tr("IoU threshold"));
    plot->yAxis->setLabel(tr("accuracy (%)"));
    plot->xAxis->setRange(0, 1);
    plot->yAxis->setRange(0, 105);
}

void DashboardWindow::buildLatency()
{
    QCustomPlot *plot = m_plots[Latency];
    const QList<DashboardSeries> series = overviewSeries();
    double top = 0;
    for (int s = 0; s < series.size(); ++s) {
        QVector<double> keys, values;
        for (int i = 0; i < series[s].seconds.size(); ++i) {
            keys << i + 1;
            values << series[s].seconds[i];
            top = std::max(top, series[s].seconds[i]);
        }
        QCPGraph *graph = plot->addGraph();
        graph->setName(series[s].name);
        graph->setPen(QPen(seriesColour(s, series[s].kind), 1.5));
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 4));
        graph->setData(keys, values);
    }
    plot->xAxis->setLabel(tr("case"));
    plot->yAxis->setLabel(tr("seconds"));
    plot->rescaleAxes();
    plot->yAxis->setRange(0, top * 1.1 + 0.01);
}

void DashboardWindow::buildHumansVsModel()
{
    const QList<DashboardSeries> series = humansVsModelSeries();
    QStringList labels;
    for (const DashboardSeries &s : series)
        labels << s.name;
    // One bar per series at its own position, so the group is the series itself.
    QCustomPlot *plot = m_plots[HumansVsModel];
    QVector<double> keys, values, minus, plus;
    for (int s = 0; s < series.size(); ++s) {
        const annotate::Metrics &m = series[s].scores.micro;
        keys << s + 1;
        values << m.acc50 * 100;
        minus << (m.acc50 - m.ci50[0]) * 100;
        plus << (m.ci50[1] - m.acc50) * 100;
        // Coloured by kind: model, human, assisted human.
        auto *single = new QCPBars(plot->xAxis, plot->yAxis);
        single->removeFromLegend();
        single->setWidth(0.6);
        single->setBrush(seriesColour(s, series[s].kind));
        single->setPen(Qt::NoPen);
        single->addData(s + 1, m.acc50 * 100);
    }
    // An outline over them carries the error bars, drawn last so they stay visible.
    auto *bars = new QCPBars(plot->xAxis, plot->yAxis);
    bars->setName(tr("all cases, Acc@0.5 with 95% interval"));
    bars->setWidth(0.6);
    auto *errors = new QCPErrorBars(plot->xAxis, plot->yAxis);
    bars->setData(keys, values);
    bars->setBrush(Qt::NoBrush);
    errors->removeFromLegend();
    errors->setDataPlottable(bars);
    errors->setData(minus, plus);
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (int s = 0; s < labels.size(); ++s)
        ticker->addTick(s + 1, labels[s]);
    plot->xAxis->setTicker(ticker);
    plot->xAxis->setRange(0.4, labels.size() + 0.6);
    plot->yAxis->setRange(0, 105);
    plot->yAxis->setLabel(tr("Acc@0.5 (%)"));
    plot->legend->setVisible(false);
}

bool DashboardWindow::exportPlot(Plot which, const QString &file) const
{
    QCustomPlot *plot = m_plots[which];
    const int width = std::max(plot->width(), 900), height = std::max(plot->height(), 560);
    if (file.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
        return plot->savePdf(file, width, height);
    return plot->savePng(file, width, height);
}

void DashboardWindow::copyCsv() const
{
    QApplication::clipboard()->setText(table1Csv(overviewSeries()));
}

void DashboardWindow::copyMarkdown() const
{
    QApplication::clipboard()->setText(table1Markdown(overviewSeries()));
}

void DashboardWindow::exportCurrent()
{
    int index = m_tabs->currentIndex();
    const QString file = QFileDialog::getSaveFileName(
            this, tr("Export plot"), QString(), tr("PNG image (*.png);;PDF document (*.pdf)"));
    if (!file.isEmpty() && index >= 0 && index < PlotCount)
        exportPlot(Plot(index), file);
}

} // namespace migician::ui
