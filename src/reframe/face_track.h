#pragma once
// Faces found in frames sampled through a clip: what the framing decisions are made from.
#include <vector>

namespace clipgen::reframe {

// A face in source pixels, with the picture upright (rotation applied).
struct FaceBox {
  double x = 0, y = 0, w = 0, h = 0;
  // How much the mouth moves: the mean gray-level change (0-255) over the lower part of the box
  // since the frame decoded just before, less half the change over the eyes (a nod, a sway or
  // a camera shake moves both). 0 when not measured.
  double mouth_motion = 0;

  double cx() const { return x + w / 2; }
  double cy() const { return y + h / 2; }
  double area() const { return w * h; }
};

struct FrameSample {
  double t = 0;                // seconds in the source
  std::vector<FaceBox> faces;  // largest first
  bool shot_change = false;    // the picture differs from the previous sample's: a cut
};

struct FaceTrack {
  int width = 0, height = 0;          // of the upright source picture
  std::vector<FrameSample> samples;   // in time order
};

}  // namespace clipgen::reframe
