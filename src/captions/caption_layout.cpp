#include "captions/caption_layout.h"

#include <algorithm>
#include <cmath>

namespace clipgen::captions {
namespace {

// Average advance of a character of DejaVu Sans Bold, as a share of the font size (capitals
// are wider): an estimate that errs wide, so a caption is never placed lower than it lands.
constexpr double kCharWidth = 0.62;
constexpr double kCapitalWidth = 0.74;
constexpr double kLineHeight = 1.2;

double overlap(const std::pair<double, double>& rows, double start, double end,
               const std::vector<Keepout>& keepouts) {
  double worst = 0;
  for (const auto& k : keepouts) {
    if (k.end <= start || k.start >= end) continue;
    worst = std::max(worst, std::min(rows.second, k.bottom) - std::max(rows.first, k.top));
  }
  return worst;
}

}  // namespace

SafeArea safe_area(const Frame& frame) {
  if (frame.height > frame.width)
    return {static_cast<int>(frame.height * 0.12), static_cast<int>(frame.height * 0.22),
            static_cast<int>(frame.width * 0.08)};
  return {static_cast<int>(frame.height * 0.08), static_cast<int>(frame.height * 0.08),
          static_cast<int>(frame.width * 0.06)};
}

int font_pixels(const CaptionStyle& style, const Frame& frame) {
  return static_cast<int>(std::lround(style.size * std::min(frame.width, frame.height)));
}

std::size_t line_chars(const CaptionStyle& style, const Frame& frame) {
  const double width = frame.width - 2.0 * safe_area(frame).sides;
  const double advance = font_pixels(style, frame) * (style.uppercase ? kCapitalWidth : kCharWidth);
  return static_cast<std::size_t>(std::max(4.0, std::floor(width / advance)));
}

double caption_height(const std::string& text, const CaptionStyle& style, const Frame& frame) {
  const double lines = std::max(1.0, std::ceil(double(text.size()) / double(line_chars(style, frame))));
  const double size = font_pixels(style, frame);
  const double scale = style.highlight_scale / 100.0;
  return lines * size * kLineHeight * scale + 2 * size * (style.outline + style.shadow);
}

std::pair<double, double> Placement::rows(double height, const Frame& frame) const {
  if (anchor == Anchor::Top) return {double(margin), margin + height};
  return {frame.height - margin - height, double(frame.height - margin)};
}

Placement place_caption(double start, double end, double height, const Frame& frame,
                        const std::vector<Keepout>& keepouts) {
  const SafeArea safe = safe_area(frame);
  std::vector<Placement> choices{{Anchor::Bottom, safe.bottom}, {Anchor::Top, safe.top}};
  // Just below the lowest face over the caption's time, if that still fits the frame.
  double lowest = -1;
  for (const auto& k : keepouts)
    if (k.end > start && k.start < end) lowest = std::max(lowest, k.bottom);
  const int below = static_cast<int>(std::floor(frame.height - lowest - height));
  if (lowest >= 0 && below >= 0) choices.push_back({Anchor::Bottom, below});
  // In the middle of the widest gap between faces (the seam of a split layout's two people).
  std::vector<std::pair<double, double>> faces;
  for (const auto& k : keepouts)
    if (k.end > start && k.start < end) faces.emplace_back(k.top, k.bottom);
  std::sort(faces.begin(), faces.end());
  double reach = -1, gap_top = 0, gap = 0;  // the lowest face edge so far; the widest gap below one
  for (const auto& [top, bottom] : faces) {
    if (reach >= 0 && top - reach > gap) gap_top = reach, gap = top - reach;
    reach = std::max(reach, bottom);
  }
  if (gap >= height)
    choices.push_back({Anchor::Bottom, static_cast<int>(std::floor(frame.height - gap_top - (gap + height) / 2))});

  Placement best = choices.front();
  double least = overlap(best.rows(height, frame), start, end, keepouts);
  for (const auto& choice : choices) {
    const double covered = overlap(choice.rows(height, frame), start, end, keepouts);
    if (covered <= 0) return choice;
    if (covered < least) {
      least = covered;
      best = choice;
    }
  }
  return best;
}

}  // namespace clipgen::captions
