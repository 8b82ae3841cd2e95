#pragma once
// The crop window over time: it follows the aims smoothly (a dead zone, eased and
// speed-limited pans, no jitter) and jumps only at a shot change. Pure.
#include "media/render_spec.h"
#include "reframe/camera_settings.h"
#include "reframe/speaker_aim.h"

namespace clipgen::reframe {

// One coordinate of the window (x or y) and how fast it moves, in pixels per frame.
struct AxisState {
  double position = 0;
  double velocity = 0;
  bool moving = false;
};

struct AxisLimits {
  double dead_zone = 0;  // pixels the aim may stray before the window starts to follow
  double settle = 0;     // pixels from the aim at which a following window stops
  double max_step = 0;   // pixels per frame, never exceeded
  double ease = 0.12;    // share of the remaining distance wanted per frame
  double ramp_frames = 8;
};

// The smoothing step: the window one frame later, given where it wants to be.
AxisState follow(const AxisState& state, double aim, const AxisLimits& limits);

// The crop window (crop_w x crop_h inside a source_w x source_h picture) for every frame from
// `start` to `end` at `fps`, one key per change of the window.
media::CropPath camera_path(const std::vector<Aim>& aims, int source_w, int source_h, int crop_w, int crop_h,
                            double fps, double start, double end, const CameraSettings& settings);

}  // namespace clipgen::reframe
