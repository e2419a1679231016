#include "image_alignment.h"

#include <opencv2/calib3d.hpp>
#include <opencv2/features2d.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/video/tracking.hpp>

#include <algorithm>
#include <optional>
#include <vector>

namespace migician::ui {

namespace {

constexpr int kMinMatches = 12; // fewer RANSAC inliers than this is chance, not a scene

std::vector<cv::Point2f> corners(const cv::Size &size)
{
    const float w = float(size.width), h = float(size.height);
    return {{0, 0}, {w, 0}, {w, h}, {0, h}};
}

// A transform is usable when it maps the second image onto a convex, not mirrored quadrilateral
// of similar area that covers a fair part of the first image. Anything else is a RANSAC accident
// (all inliers on one line, a mirrored fit) and would make the difference meaningless.
bool plausible(const cv::Matx33d &secondToFirst, const cv::Size &first, const cv::Size &second)
{
    std::vector<cv::Point2f> mapped;
    cv::perspectiveTransform(corners(second), mapped, cv::Matx33f(secondToFirst));
    for (size_t i = 0; i < 4; ++i) {
        const cv::Point2f a = mapped[(i + 1) % 4] - mapped[i];
        const cv::Point2f b = mapped[(i + 2) % 4] - mapped[(i + 1) % 4];
        if (a.cross(b) <= 0) // image y points down: a kept orientation turns clockwise
            return false;
    }
    const double area = cv::contourArea(mapped);
    const double secondArea = double(second.area());
    if (area < 0.25 * secondArea || area > 4 * secondArea)
        return false;
    std::vector<cv::Point2f> overlap;
    const double common = cv::intersectConvexConvex(mapped, corners(first), overlap, true);
    return common >= 0.2 * double(first.area());
}

std::optional<ImageAlignment> byHomography(const cv::Mat &first, const cv::Mat &second)
{
    cv::Ptr<cv::ORB> orb = cv::ORB::create(2000);
    std::vector<cv::KeyPoint> firstPoints, secondPoints;
    cv::Mat firstDescriptors, secondDescriptors;
    orb->detectAndCompute(first, cv::noArray(), firstPoints, firstDescriptors);
    orb->detectAndCompute(second, cv::noArray(), secondPoints, secondDescriptors);
    if (firstDescriptors.rows < kMinMatches || secondDescriptors.rows < kMinMatches)
        return std::nullopt;
    cv::BFMatcher matcher(cv::NORM_HAMMING);
    std::vector<std::vector<cv::DMatch>> knn;
    matcher.knnMatch(secondDescriptors, firstDescriptors, knn, 2);
    std::vector<cv::Point2f> from, to;
    for (const auto &pair : knn) {
        // Lowe's ratio test: keep a match only when it is clearly better than the runner-up.
        if (pair.size() == 2 && pair[0].distance < 0.8f * pair[1].distance) {
            from.push_back(secondPoints[size_t(pair[0].queryIdx)].pt);
            to.push_back(firstPoints[size_t(pair[0].trainIdx)].pt);
        }
    }
    if (int(from.size()) < kMinMatches)
        return std::nullopt;
    cv::Mat inlierMask;
    const cv::Mat h = cv::findHomography(from, to, cv::RANSAC, 3.0, inlierMask);
    if (h.empty())
        return std::nullopt;
    ImageAlignment result;
    result.method = ImageAlignment::Method::Homography;
    result.attempted = true;
    result.secondToFirst = cv::Matx33d(h);
    result.inliers = cv::countNonZero(inlierMask);
    if (result.inliers < kMinMatches
        || !plausible(result.secondToFirst, first.size(), second.size()))
        return std::nullopt;
    return result;
}

std::optional<ImageAlignment> byEcc(const cv::Mat &first, const cv::Mat &second)
{
    // ECC's warp maps the template (first) onto the input (second); start from the plain rescale.
    cv::Mat warp = (cv::Mat_<float>(2, 3) << float(second.cols) / float(first.cols), 0, 0, 0,
                    float(second.rows) / float(first.rows), 0);
    double correlation = 0;
    try {
        correlation = cv::findTransformECC(
                first, second, warp, cv::MOTION_AFFINE,
                cv::TermCriteria(cv::TermCriteria::COUNT | cv::TermCriteria::EPS, 100, 1e-5),
                cv::noArray(), 5);
    } catch (const cv::Exception &) {
        return std::nullopt; // did not converge: not an error, the next method is tried
    }
    const cv::Matx33d firstToSecond(warp.at<float>(0, 0), warp.at<float>(0, 1),
                                    warp.at<float>(0, 2), warp.at<float>(1, 0),
                                    warp.at<float>(1, 1), warp.at<float>(1, 2), 0, 0, 1);
    ImageAlignment result;
    result.method = ImageAlignment::Method::EccAffine;
    result.attempted = true;
    result.secondToFirst = firstToSecond.inv();
    result.correlation = correlation;
    if (correlation < 0.5 || !plausible(result.secondToFirst, first.size(), second.size()))
        return std::nullopt;
    return result;
}

} // namespace

ImageAlignment ImageAlignment::estimate(const cv::Mat &first, const cv::Mat &second)
{
    if (auto found = byHomography(first, second))
        return *found;
    if (auto found = byEcc(first, second))
        return *found;
    ImageAlignment result = resizeOnly(first.size(), second.size());
    result.attempted = true;
    return result;
}

ImageAlignment ImageAlignment::resizeOnly(const cv::Size &first, const cv::Size &second)
{
    ImageAlignment result;
    result.secondToFirst = cv::Matx33d(double(first.width) / second.width, 0, 0, 0,
                                       double(first.height) / second.height, 0, 0, 0, 1);
    return result;
}

cv::Rect2d ImageAlignment::mapRect(const cv::Matx33d &transform, const cv::Rect2d &rect)
{
    const std::vector<cv::Point2d> from{
            rect.tl(), {rect.x + rect.width, rect.y}, rect.br(), {rect.x, rect.y + rect.height}};
    std::vector<cv::Point2d> to;
    cv::perspectiveTransform(from, to, transform);
    double x1 = to[0].x, y1 = to[0].y, x2 = x1, y2 = y1;
    for (const cv::Point2d &p : to) {
        x1 = std::min(x1, p.x);
        y1 = std::min(y1, p.y);
        x2 = std::max(x2, p.x);
        y2 = std::max(y2, p.y);
    }
    return {x1, y1, x2 - x1, y2 - y1};
}

} // namespace migician::ui
