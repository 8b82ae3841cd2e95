#pragma once
// Where a caption goes on the frame: inside the area short-video apps leave uncovered, and
// never over a face. Pure.
#include <string>
#include <vector>

#include "captions/caption_style.h"

namespace clipgen::captions {

// A band of the output picture captions must stay out of for a while: a face.
struct Keepout {
  double start = 0, end = 0;    // seconds in the clip
  double top = 0, bottom = 0;   // output pixels
};

struct Frame {
  int width = 1080, height = 1920;
};

// Margins of the safe area, in output pixels. Vertical frames keep clear of the apps' buttons
// and description at the bottom and the header at the top.
struct SafeArea {
  int top = 0, bottom = 0, sides = 0;
};
SafeArea safe_area(const Frame& frame);

// The font size in output pixels.
int font_pixels(const CaptionStyle& style, const Frame& frame);

// How many characters fit on one caption line.
std::size_t line_chars(const CaptionStyle& style, const Frame& frame);

// The height the caption `text` takes, wrapped to the safe width, outline included.
double caption_height(const std::string& text, const CaptionStyle& style, const Frame& frame);

enum class Anchor { Bottom, Top };

struct Placement {
  Anchor anchor = Anchor::Bottom;
  int margin = 0;  // pixels between the frame's edge (of the anchor's side) and the caption

  // The rows the caption covers, [top, bottom).
  std::pair<double, double> rows(double height, const Frame& frame) const;
};

// The low third of the safe area if no keepout overlaps it during [start, end], else the top of
// the safe area, else a band just below the faces, else the middle of the widest gap between
// faces (a split layout's seam), else whichever overlaps least.
Placement place_caption(double start, double end, double height, const Frame& frame,
                        const std::vector<Keepout>& keepouts);

}  // namespace clipgen::captions
