// Options shared by the commands that feed images and a query to the engine (`prompt`, `ground`):
// --model, --image (repeatable), --query, --min-pixels, --max-pixels, and the decoding of the
// files.
#pragma once

#include "model/image_preprocess.h"
#include "model/rgb_image.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QStringList>

#include <vector>

namespace migician::cli {

class ImageInputs
{
public:
    void addOptions(QCommandLineParser &parser);
    // Reads the options and decodes every image; false with *error naming the option or file.
    bool read(const QCommandLineParser &parser, QString *error);

    bool modelOptional = false; // `ground --endpoint` reads only generation_config.json from it
    QString modelDir;
    QString query;
    QStringList imagePaths;
    std::vector<model::RgbImage> images;
    std::vector<model::ResizeLimits> limits; // one per image

private:
    QCommandLineOption m_model{QStringLiteral("model"), QStringLiteral("Checkpoint folder."),
                               QStringLiteral("DIR")};
    QCommandLineOption m_image{QStringLiteral("image"),
                               QStringLiteral("Input image (repeat for several)."),
                               QStringLiteral("PATH")};
    QCommandLineOption m_query{QStringLiteral("query"), QStringLiteral("The question."),
                               QStringLiteral("TEXT")};
    QCommandLineOption m_minPixels{QStringLiteral("min-pixels"),
                                   QStringLiteral("Minimum pixels per image."),
                                   QStringLiteral("N")};
    QCommandLineOption m_maxPixels{QStringLiteral("max-pixels"),
                                   QStringLiteral("Maximum pixels per image."),
                                   QStringLiteral("N")};
};

// Prints "migician <command>: <message>" on stderr and returns the exit code for errors (1).
int fail(const QString &command, const QString &message);

} // namespace migician::cli
