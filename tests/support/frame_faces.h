#pragma once
// Faces in a picture the ffmpeg CLI decoded (support/frames.h), found with clipgen's detector.
// Header-only so that only the suites that need OpenCV link it.
#include <vector>

#include "reframe/face_detector.h"
#include "support/frames.h"

namespace clipgen::testing {

inline std::vector<reframe::FaceBox> faces_in(const GrayFrame& frame, reframe::FaceDetector& detector) {
  cv::Mat gray(frame.height, frame.width, CV_8UC1, const_cast<std::uint8_t*>(frame.pixels.data()));
  return detector.detect(gray);
}

}  // namespace clipgen::testing
