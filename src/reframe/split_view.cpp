#include "reframe/split_view.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <tuple>

namespace clipgen::reframe {
namespace {

// The window's height in face heights: head, shoulders and a little room.
constexpr double kFaceHeights = 3.0;

int even(double v) { return static_cast<int>(std::lround(v / 2)) * 2; }

media::CropRect window_around(const FaceBox& face, const FaceBox& other, int source_w, int source_h, double aspect,
                              const CameraSettings& settings) {
  // The window keeps to this person's side of the other face, unless they sit too close for that.
  double lo = other.cx() > face.cx() ? 0 : other.x + other.w, hi = other.cx() > face.cx() ? other.x : source_w;
  if (hi - lo < 1.5 * face.w) lo = 0, hi = source_w;
  double h = std::min<double>(source_h, kFaceHeights * face.h);
  const double w = std::min(h * aspect, hi - lo);
  h = std::min<double>(w / aspect, source_h);
  const int ch = std::max(2, even(h)), cw = std::min(std::max(2, even(ch * aspect)), static_cast<int>(hi - lo) & ~1);
  const double x = std::clamp(face.cx() - cw / 2.0, lo, hi - cw);
  const double y = std::clamp(face.cy() - settings.headroom * ch, 0.0, double(source_h - ch));
  return {std::clamp(even(x), 0, (source_w - cw) & ~1), std::min(even(y), (source_h - ch) & ~1), cw, ch};
}

}  // namespace

std::optional<std::pair<int, int>> split_pair(const Conversation& c) {
  if (c.people.size() < 2) return std::nullopt;
  std::vector<int> order(c.people.size());
  for (std::size_t p = 0; p < order.size(); ++p) order[p] = static_cast<int>(p);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    return std::tie(c.people[a].talks, c.people[a].seen) > std::tie(c.people[b].talks, c.people[b].seen);
  });
  return std::pair{std::min(order[0], order[1]), std::max(order[0], order[1])};
}

media::SplitView split_view(const Conversation& c, int source_w, int source_h, int out_w, int out_h,
                            const CameraSettings& settings) {
  const auto pair = split_pair(c);
  if (!pair) throw std::logic_error("a split view needs two people");
  const auto [hw, hh] = media::split_half(out_w, out_h);
  const double aspect = double(hw) / hh;
  const FaceBox& a = c.people[pair->first].face;
  const FaceBox& b = c.people[pair->second].face;
  media::SplitView view{window_around(a, b, source_w, source_h, aspect, settings),
                        window_around(b, a, source_w, source_h, aspect, settings),
                        {}};
  for (const auto& turn : c.turns) {
    const int half = turn.person == pair->first ? 0 : turn.person == pair->second ? 1 : -1;
    if (view.talker.empty() || view.talker.back().half != half) view.talker.push_back({turn.start, half});
  }
  return view;
}

}  // namespace clipgen::reframe
