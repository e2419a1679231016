// End-to-end checks of the shipped executables: they start, answer --help/--version, and the
// workbench renders a real screenshot offscreen.
#include "process_runner.h"
#include "support/qt_test_registry.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using migician::test::appBinary;
using migician::test::runProcess;

class ExecutablesTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cliHelpListsCommands()
    {
        const auto result = runProcess(appBinary("migician"), {QStringLiteral("--help")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(QString::fromUtf8(result.out).contains(QLatin1String("Usage: ")),
                 result.out.constData());
        QVERIFY(QString::fromUtf8(result.out).contains(QLatin1String("--version")));
    }

    void cliVersion()
    {
        const auto result = runProcess(appBinary("migician"), {QStringLiteral("--version")});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(QString::fromUtf8(result.out).trimmed(),
                 QStringLiteral("migician " MIGICIAN_VERSION));
    }

    void cliUnknownCommandFails()
    {
        const auto result = runProcess(appBinary("migician"), {QStringLiteral("frobnicate")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains(QLatin1String("unknown command 'frobnicate'")));
    }

    void workbenchScreenshot_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QString();
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
    }

    void workbenchScreenshot()
    {
        QFETCH(QString, language);
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("window.png"));
        QStringList arguments{QStringLiteral("--screenshot"), png, QStringLiteral("--size"),
                              QStringLiteral("1024x700")};
        if (!language.isEmpty())
            arguments << QStringLiteral("--lang") << language;
        const auto result = runProcess(appBinary("migician-workbench"), arguments);
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        const QImage image(png);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), QSize(1024, 700));
        // A real render has many colours (the demo photographs), not a blank window.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 500, qPrintable(QString::number(colours.size())));
    }

    // --lang wins over the language saved in Settings, which wins over the system locale.
    void workbenchLanguageFromSettings()
    {
        QTemporaryDir config;
        QDir(config.path()).mkpath(QStringLiteral("Migician"));
        QFile settings(config.filePath(QStringLiteral("Migician/Migician Workbench.conf")));
        QVERIFY(settings.open(QIODevice::WriteOnly));
        settings.write("[user]\nlanguage=ko\n");
        settings.close();
        const QByteArray previous = qgetenv("XDG_CONFIG_HOME");
        qputenv("XDG_CONFIG_HOME", config.path().toLocal8Bit());
        const QString png = config.filePath(QStringLiteral("window.png"));
        const auto saved = runProcess(appBinary("migician-workbench"),
                                      {QStringLiteral("--screenshot"), png});
        const auto overridden = runProcess(appBinary("migician-workbench"),
                                           {QStringLiteral("--screenshot"), png,
                                            QStringLiteral("--lang"), QStringLiteral("zh_CN")});
        qputenv("XDG_CONFIG_HOME", previous);
        QCOMPARE(saved.exitCode, 0);
        QVERIFY2(saved.err.contains(QLatin1String("user interface language: \"ko_KR\"")),
                 qPrintable(saved.err));
        QCOMPARE(overridden.exitCode, 0);
        QVERIFY2(overridden.err.contains(QLatin1String("user interface language: \"zh_CN\"")),
                 qPrintable(overridden.err));
    }

    void workbenchRejectsBadSize()
    {
        const auto result = runProcess(appBinary("migician-workbench"),
                                       {QStringLiteral("--screenshot"), QStringLiteral("x.png"),
                                        QStringLiteral("--size"), QStringLiteral("huge")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains(QLatin1String("--size expects WxH")));
    }
};

MIGICIAN_TEST_CLASS(ExecutablesTest)
#include "tst_executables.moc"
