#include "reframe/speaker_aim.h"

#include <algorithm>
#include <cmath>

namespace clipgen::reframe {
namespace {

double median3(double a, double b, double c) { return std::max(std::min(a, b), std::min(std::max(a, b), c)); }

// The window's corner that puts `face` in the middle, its centre `headroom` down from the top.
Aim aim_on(const FaceBox& face, double t, bool cut, int source_w, int source_h, int crop_w, int crop_h,
           const CameraSettings& settings) {
  const double max_x = std::max(0, source_w - crop_w), max_y = std::max(0, source_h - crop_h);
  return {t, std::clamp(face.cx() - crop_w / 2.0, 0.0, max_x),
          std::clamp(face.cy() - settings.headroom * crop_h, 0.0, max_y), cut};
}

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
    aims.push_back(followed ? aim_on(*followed, sample.t, sample.shot_change, track.width, track.height, crop_w,
                                     crop_h, settings)
                            : aim);
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

std::vector<Aim> turn_aims(const FaceTrack& track, const Conversation& conversation, int crop_w, int crop_h,
                           const CameraSettings& settings) {
  auto aim = [&](const FaceBox& face, double t, bool cut) {
    return aim_on(face, t, cut, track.width, track.height, crop_w, crop_h, settings);
  };
  std::vector<Aim> aims;
  std::size_t i = 0;
  for (std::size_t k = 0; k < conversation.turns.size(); ++k) {
    const SpeakerTurn& turn = conversation.turns[k];
    FaceBox face = conversation.people[turn.person].face;  // where the talker usually sits
    aims.push_back(aim(face, turn.start, k > 0));
    for (; i < track.samples.size() && track.samples[i].t < turn.end; ++i) {
      const FrameSample& sample = track.samples[i];
      if (sample.t <= turn.start) continue;
      for (std::size_t f = 0; f < sample.faces.size(); ++f)
        if (conversation.person_of[i][f] == turn.person) face = sample.faces[f];
      aims.push_back(aim(face, sample.t, sample.shot_change));
    }
  }
  return aims;
}

}  // namespace clipgen::reframe
