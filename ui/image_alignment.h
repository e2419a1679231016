// Brings a second image onto the frame of a first one, so that the built-in assistant's
// difference query compares the same scene points even when the camera moved a little.
// Estimation order: ORB features matched with a ratio test and a homography fitted with RANSAC;
// when that fails or is degenerate, ECC with an affine motion; when that fails too, no alignment
// (the second image is only scaled to the first's size). The method used is reported so that the
// answer can say which one it was.
//
// Pure functions of their arguments; safe on any thread. OpenCV types stay inside ui/.
#pragma once

#include <opencv2/core.hpp>

namespace migician::ui {

struct ImageAlignment
{
    enum class Method { Homography, EccAffine, ResizeOnly };
    Method method = Method::ResizeOnly;
    bool attempted = false; // ResizeOnly after estimation failed, not because none was asked for
    cv::Matx33d secondToFirst = cv::Matx33d::eye(); // pixel coordinates of second -> of first
    int inliers = 0;                                // RANSAC inliers (Homography only)
    double correlation = 0;                         // ECC's final correlation (EccAffine only)

    // Both images 8-bit grey, any sizes.
    static ImageAlignment estimate(const cv::Mat &first, const cv::Mat &second);
    // The second image stretched onto the first's size, as if both showed the same frame.
    static ImageAlignment resizeOnly(const cv::Size &first, const cv::Size &second);

    // Bounding box of `rect` mapped through `transform` (a homography).
    static cv::Rect2d mapRect(const cv::Matx33d &transform, const cv::Rect2d &rect);
};

} // namespace migician::ui
