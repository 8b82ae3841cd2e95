#include "analysis/pause_snap.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "analysis/sentences.h"

namespace clipgen::analysis {
namespace {

struct Gap {
  double from, to;  // silence from the end of one word to the start of the next
};

double distance(const Gap& gap, double t) { return t < gap.from ? gap.from - t : t > gap.to ? t - gap.to : 0; }

// The gap nearest to t among those at least `shortest` long (ties: the earlier); nullptr when none.
const Gap* nearest(const std::vector<Gap>& gaps, double t, double shortest) {
  const Gap* best = nullptr;
  for (const auto& gap : gaps)
    if (gap.to - gap.from >= shortest && (!best || distance(gap, t) < distance(*best, t))) best = &gap;
  return best;
}

}  // namespace

double snap_to_pause(const speech::Transcript& transcript, double t, Boundary boundary) {
  const auto& words = transcript.words;
  if (words.empty()) return t;
  std::vector<Gap> gaps;
  gaps.push_back({std::min(0.0, words.front().start), words.front().start});
  for (std::size_t i = 1; i < words.size(); ++i)
    gaps.push_back({words[i - 1].end, std::max(words[i - 1].end, words[i].start)});
  // Without a known duration, the silence after the last word is taken as just long enough.
  const double after_last =
      transcript.duration > words.back().end ? transcript.duration : words.back().end + 2 * kMaxPadding;
  gaps.push_back({words.back().end, after_last});

  const Gap* gap = nearest(gaps, t, kSnapPause);
  if (!gap || distance(*gap, t) > kSnapReach) gap = nearest(gaps, t, 0);
  const double padding = std::min(kMaxPadding, (gap->to - gap->from) / 2);
  const double snapped = boundary == Boundary::start ? gap->to - padding : gap->from + padding;
  return transcript.duration > 0 ? std::clamp(snapped, 0.0, transcript.duration) : std::max(0.0, snapped);
}

}  // namespace clipgen::analysis
