// "Image-k" names of a query after the case's images moved: what the user is told, and the
// renumbered text (a swap stays a swap; names of removed images are kept for the user to fix).
#include "support/qt_test_registry.h"

#include "ui/image_names.h"

#include <QTest>

using namespace migician;

class ImageNamesTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void reportsAndRenumbersTheNamesThatMoved()
    {
        const QMap<int, int> swap{{1, 2}, {2, 1}, {5, 0}};
        const QString query = QStringLiteral("Is the cup of Image-1 in Image-2? Not Image-3, "
                                             "and ignore Image-5 and Image-12.");
        QCOMPARE(ui::staleImageNames(query, swap),
                 (QStringList{QStringLiteral("Image-1 is now Image-2"),
                              QStringLiteral("Image-2 is now Image-1"),
                              QStringLiteral("Image-5 is no longer in the case")}));
        QCOMPARE(ui::renumberImageNames(query, swap),
                 QStringLiteral("Is the cup of Image-2 in Image-1? Not Image-3, and ignore "
                                "Image-5 and Image-12."));
        // Ordinal words are reported (not rewritten).
        const QString ordinal = QStringLiteral("Find it in the second image.");
        QCOMPARE(ui::staleImageNames(ordinal, swap),
                 (QStringList{QStringLiteral("Image-2 is now Image-1")}));
        QCOMPARE(ui::renumberImageNames(ordinal, swap), ordinal);
        QVERIFY(ui::staleImageNames(QStringLiteral("Image-3 only"), swap).isEmpty());
    }
};

MIGICIAN_TEST_CLASS(ImageNamesTest)
#include "tst_image_names.moc"
