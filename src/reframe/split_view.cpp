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

// The window around `face` with the half's aspect, kept to its own side of every other face:
// short of the other face and of the midpoint between the two, across (beside each other) or
// down (one above the other), unless that leaves too little room.
media::CropRect window_around(const FaceBox& face, const std::vector<FaceBox>& others, int source_w, int source_h,
                              double aspect, const CameraSettings& settings) {
  double left = 0, right = source_w, top = 0, bottom = source_h;
  for (const auto& o : others) {
    const bool beside = std::abs(o.cx() - face.cx()) >= std::abs(o.cy() - face.cy());
    if (beside && o.cx() > face.cx())
      right = std::min(right, std::max(face.x + face.w, std::min(o.x, (face.cx() + o.cx()) / 2)));
    else if (beside)
      left = std::max(left, std::min(face.x, std::max(o.x + o.w, (face.cx() + o.cx()) / 2)));
    else if (o.cy() > face.cy())
      bottom = std::min(bottom, std::max(face.y + face.h, std::min(o.y, (face.cy() + o.cy()) / 2)));
    else
      top = std::max(top, std::min(face.y, std::max(o.y + o.h, (face.cy() + o.cy()) / 2)));
  }
  if (right - left < 1.5 * face.w) left = 0, right = source_w;
  if (bottom - top < 1.5 * face.h) top = 0, bottom = source_h;
  double h = std::min(bottom - top, kFaceHeights * face.h);
  const double w = std::min(h * aspect, right - left);
  h = w / aspect;
  const int ch = std::max(2, even(std::min(h, double(source_h)))),
            cw = std::min(std::max(2, even(ch * aspect)), static_cast<int>(right - left) & ~1);
  const double x = std::clamp(face.cx() - cw / 2.0, left, right - cw);
  const double y = std::clamp(face.cy() - settings.headroom * ch, top, std::max(top, bottom - ch));
  return {std::clamp(even(x), 0, (source_w - cw) & ~1), std::clamp(even(y), 0, (source_h - ch) & ~1), cw, ch};
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
  auto window_of = [&](int person) {
    std::vector<FaceBox> others;
    for (std::size_t p = 0; p < c.people.size(); ++p)
      if (static_cast<int>(p) != person) others.push_back(c.people[p].face);
    return window_around(c.people[person].face, others, source_w, source_h, aspect, settings);
  };
  media::SplitView view{window_of(pair->first), window_of(pair->second), {}};
  for (const auto& turn : c.turns) {
    const int half = turn.person == pair->first ? 0 : turn.person == pair->second ? 1 : -1;
    if (view.talker.empty() || view.talker.back().half != half) view.talker.push_back({turn.start, half});
  }
  return view;
}

}  // namespace clipgen::reframe
