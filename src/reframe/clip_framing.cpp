#include "reframe/clip_framing.h"

#include <algorithm>
#include <cmath>

#include "media/crop.h"
#include "reframe/camera_path.h"
#include "reframe/layout_choice.h"
#include "reframe/speaker_aim.h"

namespace clipgen::reframe {
namespace {

// The sample whose face best stands for the clip: a large face, near the middle.
double thumbnail_time(const FaceTrack& track, double start, double end) {
  const double middle = (start + end) / 2, half = std::max(1e-6, (end - start) / 2);
  double best_t = middle, best = 0;
  for (const auto& s : track.samples) {
    if (s.faces.empty()) continue;
    const double value = s.faces.front().area() * (1 - 0.5 * std::min(1.0, std::abs(s.t - middle) / half));
    if (value > best) {
      best = value;
      best_t = s.t;
    }
  }
  return best_t;
}

}  // namespace

ClipFraming plan_framing(const FaceTrack& track, const FramingRequest& request) {
  const media::CropRect window =
      media::centered_crop(track.width, track.height, request.out_width, request.out_height);
  ClipFraming framing;
  framing.layout = choose_layout(request.layout, track, window);
  framing.crop = camera_path(speaker_aims(track, window.w, window.h, request.camera), track.width, track.height,
                             window.w, window.h, request.fps, request.start, request.end, request.camera);
  framing.thumbnail_time = thumbnail_time(track, request.start, request.end);
  return framing;
}

std::vector<OutputFace> faces_in_output(const FaceTrack& track, const ClipFraming& framing, int out_width,
                                        int out_height) {
  std::vector<OutputFace> out;
  for (const auto& sample : track.samples) {
    // Source pixels to output pixels: through the crop in force then, or the fit scaling.
    double scale, dx, dy;
    if (framing.layout == media::Layout::Fill) {
      const media::CropRect crop = media::crop_at(framing.crop, sample.t);
      scale = double(out_width) / crop.w;
      dx = -crop.x * scale;
      dy = -crop.y * scale;
    } else {
      scale = std::min(double(out_width) / track.width, double(out_height) / track.height);
      dx = (out_width - track.width * scale) / 2;
      dy = (out_height - track.height * scale) / 2;
    }
    for (const auto& f : sample.faces)
      out.push_back({sample.t, std::clamp(dx + f.x * scale, 0.0, double(out_width)),
                     std::clamp(dy + f.y * scale, 0.0, double(out_height)),
                     std::clamp(dx + (f.x + f.w) * scale, 0.0, double(out_width)),
                     std::clamp(dy + (f.y + f.h) * scale, 0.0, double(out_height))});
  }
  return out;
}

}  // namespace clipgen::reframe
