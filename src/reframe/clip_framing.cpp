#include "reframe/clip_framing.h"

#include <algorithm>
#include <cmath>

#include "media/crop.h"
#include "reframe/camera_path.h"
#include "reframe/layout_choice.h"
#include "reframe/speaker_aim.h"
#include "reframe/split_view.h"

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
  framing.conversation = find_conversation(track, request.voice, request.start, request.end, request.turns);
  const Conversation& c = framing.conversation;
  framing.layout = choose_layout(request.layout, track, window, c);
  const bool conversation = c.people.size() >= 2 && !c.turns.empty();
  framing.crop = camera_path(conversation ? turn_aims(track, c, window.w, window.h, request.camera)
                                          : speaker_aims(track, window.w, window.h, request.camera),
                             track.width, track.height, window.w, window.h, request.fps, request.start, request.end,
                             request.camera);
  if (framing.layout == media::Layout::Split)
    framing.split = split_view(c, track.width, track.height, request.out_width, request.out_height, request.camera);
  framing.thumbnail_time = thumbnail_time(track, request.start, request.end);
  return framing;
}

std::vector<OutputFace> faces_in_output(const FaceTrack& track, const ClipFraming& framing, int out_width,
                                        int out_height) {
  std::vector<OutputFace> out;
  if (framing.layout == media::Layout::Split) {
    const auto pair = split_pair(framing.conversation);
    const auto [hw, hh] = media::split_half(out_width, out_height);
    for (std::size_t i = 0; i < track.samples.size(); ++i)
      for (std::size_t k = 0; k < track.samples[i].faces.size(); ++k) {
        const int person = framing.conversation.person_of[i][k];
        if (!pair || (person != pair->first && person != pair->second)) continue;
        const bool second = person == pair->second;
        const media::CropRect& window = second ? framing.split.second : framing.split.first;
        const double scale = double(hw) / window.w;
        const double ox = second && hw < out_width ? hw : 0, oy = second && hh < out_height ? hh : 0;
        const FaceBox& f = track.samples[i].faces[k];
        out.push_back({track.samples[i].t, std::clamp(ox + (f.x - window.x) * scale, ox, ox + hw),
                       std::clamp(oy + (f.y - window.y) * scale, oy, oy + hh),
                       std::clamp(ox + (f.x + f.w - window.x) * scale, ox, ox + hw),
                       std::clamp(oy + (f.y + f.h - window.y) * scale, oy, oy + hh)});
      }
    return out;
  }
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
