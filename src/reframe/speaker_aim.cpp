#include "reframe/speaker_aim.h"

#include <algorithm>
#include <cmath>

namespace clipgen::reframe {
namespace {

double median3(double a, double b, double c) { return std::max(std::min(a, b), std::min(std::max(a, b), c)); }

}  // namespace

std::optional<FaceBox> main_face(const std::vector<FaceBox>& faces, const std::optional<FaceBox>& previous) {
  if (faces.empty()) return std::nullopt;
  const auto largest = std::max_element(faces.begin(), faces.end(),
                                        [](const FaceBox& a, const FaceBox& b) { return a.area() < b.area(); });
  if (!previous) return *largest;
  // Staying on the same person beats jumping to whoever is largest in this one frame.
  auto score = [&](const FaceBox& f) {
    const double distance = std::hypot(f.cx() - previous->cx(), f.cy() - previous->cy());
    return f.area() / (1 + distance / std::max(1.0, previous->w));
  };
  return *std::max_element(faces.begin(), faces.end(),
                           [&](const FaceBox& a, const FaceBox& b) { return score(a) < score(b); });
}

std::vector<Aim> speaker_aims(const FaceTrack& track, int crop_w, int crop_h, const CameraSettings& settings) {
  const double max_x = std::max(0, track.width - crop_w), max_y = std::max(0, track.height - crop_h);
  const Aim centre{0, max_x / 2, max_y / 2, false};
  std::vector<Aim> aims;
  std::optional<FaceBox> followed;
  double seen_at = 0;
  for (const auto& sample : track.samples) {
    if (sample.shot_change) followed.reset();  // the last shot's face says nothing about this one
    Aim aim = centre;
    aim.t = sample.t;
    aim.cut = sample.shot_change;
    if (auto face = main_face(sample.faces, followed)) {
      followed = face;
      seen_at = sample.t;
    } else if (followed && sample.t - seen_at > settings.hold) {
      followed.reset();
    }
    if (followed) {
      aim.x = std::clamp(followed->cx() - crop_w / 2.0, 0.0, max_x);
      aim.y = std::clamp(followed->cy() - settings.headroom * crop_h, 0.0, max_y);
    }
    aims.push_back(aim);
  }
  // A median of three neighbours within a shot drops one-sample flickers of the detector.
  std::vector<Aim> steady = aims;
  for (std::size_t i = 1; i + 1 < aims.size(); ++i) {
    if (aims[i].cut || aims[i + 1].cut) continue;
    steady[i].x = median3(aims[i - 1].x, aims[i].x, aims[i + 1].x);
    steady[i].y = median3(aims[i - 1].y, aims[i].y, aims[i + 1].y);
  }
  return steady;
}

}  // namespace clipgen::reframe
