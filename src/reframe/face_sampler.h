#pragma once
// Decodes a few frames per second of one stretch of a video and finds the faces in them.
#include <filesystem>
#include <functional>

#include "reframe/face_detector.h"
#include "reframe/face_track.h"

namespace clipgen::reframe {

struct SamplingOptions {
  double per_second = 3;    // samples per second of source: a speaker moves little in 1/3 s
  int detect_width = 320;   // frames are shrunk to this width before detection, which keeps
                            // it cheap; a speaker's face stays 25+ px tall
  int threads = 1;          // decoder threads
  bool mouth_motion = true; // measure each face's FaceBox::mouth_motion (one more frame shrunk per sample)
};

// Samples [start, end) of `input` (seconds); `progress` (may be empty) gets the fraction done.
// Throws media::MediaError for unusable input.
FaceTrack sample_faces(const std::filesystem::path& input, double start, double end, FaceDetector& detector,
                       const SamplingOptions& options, const std::function<void(double)>& progress);

// FaceBox::mouth_motion of `face` (pixels of both pictures) between the picture `before` and `now`.
double mouth_motion(const cv::Mat& before, const cv::Mat& now, const FaceBox& face);

// Whether two small gray thumbnails of consecutive samples look like two different shots.
bool is_shot_change(const cv::Mat& previous, const cv::Mat& current);

}  // namespace clipgen::reframe
