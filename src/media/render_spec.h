#pragma once
// What the clip renderer is asked to make. The crop is a path over time so that face-aware
// reframing (src/reframe) can drive it; a centred crop is the one-key path.
#include <string>
#include <utility>
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
  Fill,   // the crop fills the output frame
  Fit,    // the whole source frame, scaled to fit, over a blurred copy filling the frame
  Split,  // two windows of the source, one per half of the frame (a conversation's two people)
};

// Which half of a split frame is talking from `t` (source seconds) on: 0 the first, 1 the
// second, -1 neither.
struct TalkerKey {
  double t = 0;
  int half = -1;
};

// The split layout: halves stacked (first on top) in a portrait or square frame, side by side
// (first on the left) in a wide one; each window has its half's shape. The talking half gets a
// border.
struct SplitView {
  CropRect first, second;
  std::vector<TalkerKey> talker;  // by time; empty: no border
};

// The halves of an out_width x out_height frame: {width, height} of each.
inline std::pair<int, int> split_half(int out_width, int out_height) {
  return out_height >= out_width ? std::pair{out_width, out_height / 2 & ~1} : std::pair{out_width / 2 & ~1, out_height};
}

struct RenderSpec {
  double start = 0;  // seconds in the source; frame-accurate
  double end = 0;
  int out_width = 1080;
  int out_height = 1920;
  CropPath crop;            // empty: centred crop to the output aspect
  Layout layout = Layout::Fill;
  SplitView split;          // with Layout::Split
  std::string ass_path;     // burned-in captions (times relative to the clip); empty: none
  int audio_stream = -1;    // the file's stream index of the sound to carry; -1: the best audio stream
};

}  // namespace clipgen::media
