// migician-compose-bench: how responsive composing cases stays on a large folder. Opens a folder
// of N images (default 1,000, drawn here as distinct 640x480 JPEGs unless --folder is given) in
// the real main window, waits for the first paint of the case list, selects K images (default
// 50) spread over the folder and makes one case of them, as Ctrl+N does; prints the times as
// JSON. The GUI thread does all of it, so each time is also how long the window could not react.
// Timings, not a test: nothing is asserted.
#include "ui/case_canvas.h"
#include "ui/case_composition.h"
#include "ui/case_list_model.h"
#include "ui/case_list_view.h"
#include "ui/composition_actions.h"
#include "ui/main_window.h"
#include "ui/workbench_controller.h"

#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QWindow>

#include <algorithm>
#include <cstdio>
#include <random>

namespace {

// Counts paint events of a widget, so that "painted" means what the user sees.
class PaintWatch : public QObject
{
public:
    explicit PaintWatch(QWidget *widget) { widget->installEventFilter(this); }
    int paints = 0;

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++paints;
        return false;
    }
};

// Processes events until `done` holds (or 30 s pass); returns the time it took.
template<typename Done>
qint64 waitFor(Done done)
{
    QElapsedTimer clock;
    clock.start();
    while (!done() && clock.elapsed() < 30000)
        QApplication::processEvents(QEventLoop::AllEvents, 5);
    return clock.elapsed();
}

bool makeFolder(const QString &folder, int count)
{
    QDir().mkpath(folder);
    QRandomGenerator random(11);
    for (int i = 0; i < count; ++i) {
        QImage image(640, 480, QImage::Format_RGB32);
        image.fill(QColor::fromHsv(int(random.bounded(360)), 90, 210));
        QPainter painter(&image);
        for (int k = 0; k < 8; ++k)
            painter.fillRect(QRect(int(random.bounded(600)), int(random.bounded(440)), 60, 40),
                             QColor::fromHsv(int(random.bounded(360)), 200, 120));
        painter.end();
        if (!image.save(QDir(folder).filePath(QStringLiteral("img%1.jpg").arg(i)), "JPEG", 85))
            return false;
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    // Settings and the folder's project go to a temporary place, not the user's.
    QTemporaryDir home;
    qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toUtf8());
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toUtf8());
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("migician-compose-bench"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
            "Times opening a large image folder and composing one case of many of its images."));
    parser.addHelpOption();
    const QCommandLineOption images(QStringLiteral("images"),
                                    QStringLiteral("Images to draw (default 1000)."),
                                    QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption select(QStringLiteral("select"),
                                    QStringLiteral("Images in the case (default 50)."),
                                    QStringLiteral("K"), QStringLiteral("50"));
    const QCommandLineOption folderOption(QStringLiteral("folder"),
                                          QStringLiteral("Use this folder instead of drawing one."),
                                          QStringLiteral("DIR"));
    parser.addOptions({images, select, folderOption});
    parser.process(app);

    QString folder = parser.value(folderOption);
    QElapsedTimer clock;
    qint64 drawMs = 0;
    if (folder.isEmpty()) {
        folder = home.filePath(QStringLiteral("photos"));
        clock.start();
        if (!makeFolder(folder, parser.value(images).toInt())) {
            std::fprintf(stderr, "migician-compose-bench: cannot write images to %s\n",
                         qPrintable(folder));
            return 1;
        }
        drawMs = clock.elapsed();
    }

    migician::ui::StartupOptions options;
    options.openDemo = false;
    migician::ui::MainWindow window(options);
    window.resize(1400, 900);
    window.show();
    waitFor([&] { return window.windowHandle() && window.windowHandle()->isExposed(); });
    migician::ui::WorkbenchController *controller = window.controller();
    PaintWatch listPaints(window.caseList()->viewport());
    PaintWatch canvasPaints(window.canvas()->viewport());

    // Open the folder: until the case list shows its first screen.
    QString error;
    clock.restart();
    if (!controller->openFolder(folder, &error)) {
        std::fprintf(stderr, "migician-compose-bench: %s\n", qPrintable(error));
        return 1;
    }
    const qint64 openMs = clock.elapsed();
    const int listBefore = listPaints.paints;
    waitFor([&] { return listPaints.paints > listBefore; });
    const qint64 firstPaintMs = clock.elapsed();
    const int rows = controller->cases()->rowCount();

    // Select K images spread over the folder, in a shuffled order.
    const int k = std::min(parser.value(select).toInt(), rows);
    QList<int> chosen;
    for (int i = 0; i < k; ++i)
        chosen << int(qint64(i) * rows / std::max(1, k));
    std::shuffle(chosen.begin(), chosen.end(), std::mt19937(5));
    QItemSelectionModel *selection = window.caseList()->selectionModel();
    clock.restart();
    selection->clearSelection();
    for (int row : std::as_const(chosen))
        selection->select(controller->cases()->index(row), QItemSelectionModel::Select);
    const qint64 selectMs = clock.elapsed();

    // Make the case (as Ctrl+N): hashed and decoded on the thread pool, then stored, laid out
    // and painted. The GUI thread's longest gap between two 5 ms ticks says how responsive the
    // window stayed meanwhile.
    bool created = false;
    QObject::connect(controller->composition(), &migician::ui::CaseComposition::caseCreated,
                     [&] { created = true; });
    QElapsedTimer tick;
    qint64 longestGapMs = 0;
    QTimer ticker;
    ticker.setInterval(5);
    QObject::connect(&ticker, &QTimer::timeout,
                     [&] { longestGapMs = std::max(longestGapMs, tick.restart()); });
    const int canvasBefore = canvasPaints.paints;
    clock.restart();
    tick.start();
    ticker.start();
    window.composition()->newCaseAction()->trigger();
    const qint64 createMs = clock.elapsed();
    waitFor([&] { return created && canvasPaints.paints > canvasBefore; });
    const qint64 createPaintMs = clock.elapsed();
    ticker.stop();
    const bool made = controller->cases()->entry(0).caseId > 0
                      && controller->cases()->entry(0).imageCount == k;

    const QJsonObject result{
            {QStringLiteral("images"), rows},
            {QStringLiteral("case_images"), k},
            {QStringLiteral("case_made"), made},
            {QStringLiteral("threads"), QThread::idealThreadCount()},
            {QStringLiteral("platform"), QGuiApplication::platformName()},
            {QStringLiteral("draw_folder_ms"), drawMs},
            {QStringLiteral("open_folder_ms"), openMs},
            {QStringLiteral("first_list_paint_ms"), firstPaintMs},
            {QStringLiteral("select_ms"), selectMs},
            {QStringLiteral("create_case_ms"), createMs},
            {QStringLiteral("create_case_painted_ms"), createPaintMs},
            {QStringLiteral("longest_gui_gap_ms"), longestGapMs},
    };
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Indented).constData());
    return made ? 0 : 1;
}
