#pragma once
// Frontal faces in a grayscale picture, with OpenCV's Haar cascade (Debian's opencv-data).
#include <filesystem>
#include <vector>

#include <opencv2/core.hpp>
#include <opencv2/objdetect.hpp>

#include "reframe/face_track.h"

namespace clipgen::reframe {

// Where Debian's opencv-data puts the cascade; set at build time (CLIPGEN_HAAR_CASCADE).
std::filesystem::path default_cascade();

class FaceDetector {
 public:
  // Throws std::runtime_error when the cascade cannot be loaded.
  explicit FaceDetector(const std::filesystem::path& cascade = default_cascade());

  // Faces in `gray`, largest first, in the picture's own pixels. Faces smaller than a seventh
  // of the picture's height are ignored: that small, they are a crowd, not a speaker to follow.
  std::vector<FaceBox> detect(const cv::Mat& gray);

 private:
  cv::CascadeClassifier cascade_;
};

}  // namespace clipgen::reframe
