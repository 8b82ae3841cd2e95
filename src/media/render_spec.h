#pragma once
// What the clip renderer is asked to make. The crop is a path over time so that face-aware
// reframing (src/reframe) can drive it; a centred crop is the one-key path.
#include <string>
#include <vector>

namespace clipgen::media {

struct CropRect {
  int x = 0, y = 0, w = 0, h = 0;  // in source pixels (after rotation is applied)
};

// Crop rectangles keyed by source time; between keys the renderer holds the earlier key
// (reframe emits keys as often as it wants the window to move).
struct CropKey {
  double t = 0;  // seconds in the source
  CropRect rect;
};
using CropPath = std::vector<CropKey>;

enum class Layout {
  Fill,  // the crop fills the output frame
  Fit,   // the whole source frame, scaled to fit, over a blurred copy filling the frame
};

struct RenderSpec {
  double start = 0;  // seconds in the source; frame-accurate
  double end = 0;
  int out_width = 1080;
  int out_height = 1920;
  CropPath crop;            // empty: centred crop to the output aspect
  Layout layout = Layout::Fill;
  std::string ass_path;     // burned-in captions (times relative to the clip); empty: none
  int audio_stream = -1;    // the file's stream index of the sound to carry; -1: the best audio stream
};

}  // namespace clipgen::media
