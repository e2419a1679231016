#include "main_window.h"

#include <QApplication>
#include <QGridLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QStatusBar>
#include <QVBoxLayout>

namespace migician::ui {

MainWindow::MainWindow(const StartupOptions &options, QWidget *parent)
    : QMainWindow(parent)
    , m_options(options)
{
    setWindowTitle(tr("Migician Workbench"));
    buildDemoCase();
    statusBar()->showMessage(tr("Backend: built-in assistant (no Migician checkpoint configured)"));
}

void MainWindow::buildDemoCase()
{
    auto *splitter = new QSplitter(this);
    auto *canvas = new QWidget(splitter);
    auto *grid = new QGridLayout(canvas);
    for (int i = 0; i < 4; ++i) {
        auto *cell = new QWidget(canvas);
        auto *cellLayout = new QVBoxLayout(cell);
        auto *caption = new QLabel(tr("Image-%1").arg(i + 1), cell);
        auto *picture = new QLabel(cell);
        picture->setPixmap(QPixmap(QStringLiteral(":/demo/kitchen/view%1.jpg").arg(i + 1))
                                   .scaled(420, 300, Qt::KeepAspectRatio, Qt::SmoothTransformation));
        cellLayout->addWidget(caption);
        cellLayout->addWidget(picture, 1);
        grid->addWidget(cell, i / 2, i % 2);
    }
    auto *panel = new QWidget(splitter);
    auto *panelLayout = new QVBoxLayout(panel);
    panelLayout->addWidget(new QLabel(tr("Query"), panel));
    auto *query = new QPlainTextEdit(panel);
    query->setPlainText(QStringLiteral(
            "Please recognize <|object_ref_start|>the common person appearing in all these "
            "images<|object_ref_end|> and locate this person in all these image."));
    panelLayout->addWidget(query);
    panelLayout->addWidget(new QLabel(tr("Answer"), panel));
    panelLayout->addWidget(new QPlainTextEdit(panel), 1);
    splitter->addWidget(canvas);
    splitter->addWidget(panel);
    splitter->setStretchFactor(0, 3);
    setCentralWidget(splitter);
}

bool MainWindow::saveScreenshot(const QString &path, QString *error)
{
    QApplication::processEvents();
    const QPixmap pixmap = grab();
    if (pixmap.isNull() || !pixmap.save(path, "PNG")) {
        *error = tr("cannot write the screenshot to %1").arg(path);
        return false;
    }
    return true;
}

} // namespace migician::ui
