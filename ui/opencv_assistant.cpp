#include "opencv_assistant.h"

#include "ui/image_alignment.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace migician::ui {

namespace {

// Search images are reduced to this longest side: enough detail for matching, fast on 2 cores.
constexpr int kSearchSide = 640;
// Difference images are compared at this longest side; smaller changes are not asked about.
constexpr int kDifferenceSide = 512;
// A grey-level change below this is noise or lighting, never "the difference".
constexpr double kMinChange = 25;

QString tr(const char *text)
{
    return QCoreApplication::translate("migician::ui::OpenCvAssistant", text);
}

// A grey copy of a QImage as an OpenCV matrix (the QImage's memory is not shared).
cv::Mat toGray(const QImage &image)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB888);
    const cv::Mat view(rgb.height(), rgb.width(), CV_8UC3, const_cast<uchar *>(rgb.constBits()),
                       size_t(rgb.bytesPerLine()));
    cv::Mat gray;
    cv::cvtColor(view, gray, cv::COLOR_RGB2GRAY);
    return gray;
}

double shrinkFactor(const QImage &image, int side)
{
    const int longest = std::max(image.width(), image.height());
    return longest > side ? double(side) / longest : 1.0;
}

annotate::NormBox normalised(const cv::Rect2d &rect, const cv::Size &size)
{
    annotate::NormBox box;
    box.x1 = std::clamp(rect.x / size.width, 0.0, 1.0);
    box.y1 = std::clamp(rect.y / size.height, 0.0, 1.0);
    box.x2 = std::clamp((rect.x + rect.width) / size.width, 0.0, 1.0);
    box.y2 = std::clamp((rect.y + rect.height) / size.height, 0.0, 1.0);
    return box;
}

annotate::PredictedBox predicted(int image, const annotate::NormBox &box, const QImage &source)
{
    annotate::PredictedBox result;
    result.image = image;
    result.box = box;
    result.pixels = box.toPixels(source.width(), source.height());
    return result;
}

struct Match
{
    int image = 0;
    double score = -1;
    annotate::NormBox box;
};

Match bestMatch(const cv::Mat &search, const cv::Mat &crop, int image,
                const std::atomic<bool> *cancel)
{
    Match best;
    best.image = image;
    for (double scale = 0.5; scale <= 2.0001; scale *= 1.19) {
        if (cancel && cancel->load())
            break;
        const int w = int(std::lround(crop.cols * scale));
        const int h = int(std::lround(crop.rows * scale));
        if (w < 8 || h < 8 || w > search.cols || h > search.rows)
            continue;
        cv::Mat scaled;
        cv::resize(crop, scaled, cv::Size(w, h), 0, 0,
                   scale < 1 ? cv::INTER_AREA : cv::INTER_LINEAR);
        cv::Mat response;
        cv::matchTemplate(search, scaled, response, cv::TM_CCOEFF_NORMED);
        double maxValue = 0;
        cv::Point maxPoint;
        cv::minMaxLoc(response, nullptr, &maxValue, nullptr, &maxPoint);
        if (std::isfinite(maxValue) && maxValue > best.score) {
            best.score = maxValue;
            best.box = normalised(cv::Rect2d(maxPoint.x, maxPoint.y, w, h), search.size());
        }
    }
    return best;
}

} // namespace

QString OpenCvAssistant::label()
{
    return tr("Built-in assistant (OpenCV)");
}

QString OpenCvAssistant::ordinalImageName(int image)
{
    static const char *names[] = {"first", "second", "third", "fourth", "fifth", "sixth"};
    if (image >= 1 && image <= 6)
        return QString::fromLatin1(names[image - 1]);
    return QStringLiteral("%1th").arg(image);
}

QString OpenCvAssistant::boxTag(const annotate::NormBox &box)
{
    auto scaled = [](double v) {
        return int(std::lround(std::clamp(v, 0.0, 1.0) * 1000));
    };
    return QStringLiteral("<|box_start|>(%1,%2),(%3,%4)<|box_end|>")
            .arg(scaled(box.x1))
            .arg(scaled(box.y1))
            .arg(scaled(box.x2))
            .arg(scaled(box.y2));
}

bool OpenCvAssistant::isDifferenceQuery(const QString &query)
{
    static const QRegularExpression pattern(
            QStringLiteral("differ|difference|change|changed|not the same|spot the|不同|区别|变化|"
                           "차이|다른|바뀐"),
            QRegularExpression::CaseInsensitiveOption);
    return pattern.match(query).hasMatch();
}

AssistantAnswer OpenCvAssistant::answer(const QList<QImage> &caseImages,
                                        const QList<VisualReference> &references,
                                        const QString &query, const std::atomic<bool> *cancel)
{
    if (!references.isEmpty())
        return locateReference(caseImages, references.first(), cancel);
    if (caseImages.size() == 2 && isDifferenceQuery(query))
        return locateDifference(caseImages[0], caseImages[1]);
    AssistantAnswer result;
    result.needsWeights = true;
    result.text
            = label() + QStringLiteral(": ")
              + tr("This question needs the Migician model. The built-in assistant can only find a "
                   "cropped visual reference in the other images, or the difference between two "
                   "images. Choose a Migician checkpoint folder to answer free-form questions.");
    return result;
}

AssistantAnswer OpenCvAssistant::locateReference(const QList<QImage> &caseImages,
                                                 const VisualReference &reference,
                                                 const std::atomic<bool> *cancel)
{
    AssistantAnswer result;
    if (reference.crop.isNull() || reference.crop.width() < 4 || reference.crop.height() < 4) {
        result.text = label() + QStringLiteral(": ")
                      + tr("The visual reference is empty or too small to search for.");
        return result;
    }
    QList<Match> matches;
    for (int i = 0; i < caseImages.size(); ++i) {
        const int image = i + 1;
        if (image == reference.sourceImage && caseImages.size() > 1)
            continue; // the crop trivially matches where it was cut
        if (caseImages[i].isNull() || (cancel && cancel->load()))
            continue;
        // The crop is shrunk by the same factor as its source image, so scale 1 is "same size".
        const QImage &source
                = reference.sourceImage >= 1 && reference.sourceImage <= caseImages.size()
                          ? caseImages[reference.sourceImage - 1]
                          : caseImages[i];
        const double cropFactor = shrinkFactor(source, kSearchSide);
        const double searchFactor = shrinkFactor(caseImages[i], kSearchSide);
        cv::Mat search = toGray(caseImages[i]);
        cv::resize(search, search, cv::Size(), searchFactor, searchFactor, cv::INTER_AREA);
        cv::Mat crop = toGray(reference.crop);
        cv::resize(crop, crop, cv::Size(), cropFactor, cropFactor, cv::INTER_AREA);
        matches.append(bestMatch(search, crop, image, cancel));
    }
    std::sort(matches.begin(), matches.end(),
              [](const Match &a, const Match &b) { return a.score > b.score; });
    if (matches.isEmpty() || matches.first().score < 0) {
        result.text = label() + QStringLiteral(": ") + tr("No other image to search in.");
        return result;
    }
    QStringList sentences;
    for (int k = 0; k < matches.size(); ++k) {
        const Match &m = matches[k];
        if (k > 0 && m.score < 0.35)
            break; // weak matches are noise, only the best one is always reported
        const QString where = k == 0 ? QStringLiteral("It's in the %1 image. ")
                                     : QStringLiteral("Also in the %1 image. ");
        sentences << where.arg(ordinalImageName(m.image)) + boxTag(m.box);
        result.boxes << predicted(m.image, m.box, caseImages[m.image - 1]);
        result.scores << m.score;
    }
    result.text = label() + QStringLiteral(" (")
                  + tr("template matching, best score %1").arg(matches.first().score, 0, 'f', 2)
                  + QStringLiteral("): ") + sentences.join(QLatin1Char(' '));
    return result;
}

AssistantAnswer OpenCvAssistant::locateDifference(const QImage &first, const QImage &second,
                                                  Alignment alignment)
{
    AssistantAnswer result;
    if (first.isNull() || second.isNull()) {
        result.text = label() + QStringLiteral(": ") + tr("One of the two images is empty.");
        return result;
    }
    cv::Mat a = toGray(first);
    const double firstFactor = shrinkFactor(first, kDifferenceSide);
    cv::resize(a, a, cv::Size(), firstFactor, firstFactor, cv::INTER_AREA);
    cv::Mat b = toGray(second);
    const double secondFactor = shrinkFactor(second, kDifferenceSide);
    cv::resize(b, b, cv::Size(), secondFactor, secondFactor, cv::INTER_AREA);
    const ImageAlignment aligned = alignment == Alignment::Aligned
                                           ? ImageAlignment::estimate(a, b)
                                           : ImageAlignment::resizeOnly(a.size(), b.size());
    const cv::Mat warp(aligned.secondToFirst);

    cv::GaussianBlur(a, a, cv::Size(5, 5), 0);
    cv::GaussianBlur(b, b, cv::Size(5, 5), 0);
    cv::Mat warped;
    cv::warpPerspective(b, warped, warp, a.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, 0);
    // Where the warped second image has no pixels there is nothing to compare; its interpolated
    // border is not a change either.
    cv::Mat valid;
    cv::warpPerspective(cv::Mat(b.size(), CV_8U, cv::Scalar(255)), valid, warp, a.size(),
                        cv::INTER_NEAREST, cv::BORDER_CONSTANT, 0);
    cv::erode(valid, valid, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(7, 7)));
    if (cv::countNonZero(valid) < 0.1 * double(a.total())) {
        result.text = label() + QStringLiteral(": ")
                      + tr("The two images hardly overlap after alignment; no difference "
                           "can be measured.");
        return result;
    }
    cv::Mat diff;
    cv::absdiff(a, warped, diff);
    diff.setTo(0, valid == 0);
    // Otsu alone, on near-identical images, would flag noise: demand a real change.
    double maxDiff = 0;
    cv::minMaxLoc(diff, nullptr, &maxDiff);
    if (maxDiff < kMinChange) {
        result.text = label() + QStringLiteral(": ") + tr("The two images look the same.");
        return result;
    }
    cv::Mat mask;
    const double otsu = cv::threshold(diff, mask, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
    if (otsu < kMinChange)
        cv::threshold(diff, mask, kMinChange, 255, cv::THRESH_BINARY);
    // Opening removes the thin seams a sub-pixel misalignment leaves along edges; closing joins
    // the pieces of one changed object.
    cv::morphologyEx(mask, mask, cv::MORPH_OPEN,
                     cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(3, 3)));
    cv::morphologyEx(mask, mask, cv::MORPH_CLOSE,
                     cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(9, 9)));
    cv::Mat labels, stats, centroids;
    const int count = cv::connectedComponentsWithStats(mask, labels, stats, centroids, 8);
    int best = 0;
    for (int i = 1; i < count; ++i)
        if (best == 0 || stats.at<int>(i, cv::CC_STAT_AREA) > stats.at<int>(best, cv::CC_STAT_AREA))
            best = i;
    if (best == 0) {
        result.text = label() + QStringLiteral(": ") + tr("No changed region found.");
        return result;
    }
    const cv::Rect2d inFirst(
            stats.at<int>(best, cv::CC_STAT_LEFT), stats.at<int>(best, cv::CC_STAT_TOP),
            stats.at<int>(best, cv::CC_STAT_WIDTH), stats.at<int>(best, cv::CC_STAT_HEIGHT));
    const cv::Rect2d inSecond = ImageAlignment::mapRect(aligned.secondToFirst.inv(), inFirst);
    const annotate::NormBox firstBox = normalised(inFirst, a.size());
    const annotate::NormBox secondBox = normalised(inSecond, b.size());
    result.boxes << predicted(1, firstBox, first) << predicted(2, secondBox, second);
    const double fraction = stats.at<int>(best, cv::CC_STAT_AREA) / double(cv::countNonZero(valid));
    result.scores << fraction << fraction;

    QString how;
    switch (aligned.method) {
    case ImageAlignment::Method::Homography:
        how = tr("aligned by a homography from %1 ORB feature matches").arg(aligned.inliers);
        break;
    case ImageAlignment::Method::EccAffine:
        how = tr("aligned by ECC (affine), feature matching failed");
        break;
    case ImageAlignment::Method::ResizeOnly:
        how = aligned.attempted ? tr("alignment failed, the second image was only resized")
                                : tr("not aligned, the second image was only resized");
        break;
    }
    result.text = label() + QStringLiteral(" (") + tr("image difference, %1").arg(how)
                  + QStringLiteral("): It's in the second image. ") + boxTag(secondBox)
                  + QStringLiteral(" In the first image: ") + boxTag(firstBox);
    return result;
}

} // namespace migician::ui
