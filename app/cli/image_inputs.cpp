#include "image_inputs.h"

#include "ui/image_decoder.h"

#include <cstdio>

namespace migician::cli {

void ImageInputs::addOptions(QCommandLineParser &parser)
{
    parser.addOptions({m_model, m_image, m_query, m_minPixels, m_maxPixels});
}

bool ImageInputs::read(const QCommandLineParser &parser, QString *error)
{
    modelDir = parser.value(m_model);
    query = parser.value(m_query);
    imagePaths = parser.values(m_image);
    if (modelDir.isEmpty() && !modelOptional) {
        *error = QStringLiteral("--model DIR is required");
        return false;
    }
    if (!parser.isSet(m_query)) {
        *error = QStringLiteral("--query TEXT is required");
        return false;
    }
    model::ResizeLimits resize;
    const auto number = [&](const QCommandLineOption &option, std::int64_t *out) {
        if (!parser.isSet(option))
            return true;
        bool ok = false;
        const qlonglong value = parser.value(option).toLongLong(&ok);
        if (!ok || value <= 0) {
            *error = QStringLiteral("--%1 expects a positive number, not '%2'")
                             .arg(option.names().first(), parser.value(option));
            return false;
        }
        *out = value;
        return true;
    };
    if (!number(m_minPixels, &resize.minPixels) || !number(m_maxPixels, &resize.maxPixels))
        return false;
    if (resize.minPixels > resize.maxPixels) {
        *error = QStringLiteral("--min-pixels must not exceed --max-pixels");
        return false;
    }
    for (const QString &path : imagePaths) {
        QString decodeError;
        auto image = ui::decodeImageFile(path, &decodeError);
        if (!image) {
            *error = decodeError;
            return false;
        }
        images.push_back(std::move(*image));
        limits.push_back(resize);
    }
    return true;
}

int fail(const QString &command, const QString &message)
{
    std::fprintf(stderr, "%s: %s\n", qPrintable(command), qPrintable(message));
    return 1;
}

} // namespace migician::cli
