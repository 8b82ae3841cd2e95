#include "reframe/active_speaker.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace clipgen::reframe {
namespace {

// A face this close to where a person was last seen (in face widths) is that person.
constexpr double kSamePersonDistance = 0.75;
// People seen in fewer samples than this share are false detections or passers-by.
constexpr double kLeastSeen = 0.2;
// Mouth motion is averaged over this many seconds either side of a sample: lips close between
// syllables, so one pair of frames says little.
constexpr double kMotionWindow = 0.5;
// A talker's mouth moves at least this much (gray levels, after the eyes' motion is taken
// off) and this many times more than anybody else's. Compression noise on a still face stays
// under 0.3 levels; a talking mouth at detection size moves 2-18.
constexpr double kLeastMotion = 0.6;
constexpr double kLead = 1.5;
// A sample this close to a heard word counts as voiced (samples fall between words).
constexpr double kVoiceSlack = 0.2;

double median(std::vector<double> v) {
  std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
  return v[v.size() / 2];
}

struct Grouping {
  std::vector<Person> people;
  std::vector<std::vector<int>> person_of;
};

// Faces into people: each face joins the nearest person last seen close by, else starts one.
Grouping group_people(const FaceTrack& track) {
  struct Candidate {
    FaceBox last;
    std::vector<FaceBox> boxes;
  };
  std::vector<Candidate> candidates;
  std::vector<std::vector<int>> candidate_of;
  for (const auto& sample : track.samples) {
    std::vector<int> ids(sample.faces.size(), -1);
    std::vector<bool> taken(candidates.size(), false);
    for (std::size_t k = 0; k < sample.faces.size(); ++k) {
      const FaceBox& f = sample.faces[k];
      int best = -1;
      double best_distance = 1e18;
      for (std::size_t c = 0; c < candidates.size(); ++c) {
        const FaceBox& p = candidates[c].last;
        const double distance = std::hypot(f.cx() - p.cx(), f.cy() - p.cy());
        if (!taken[c] && distance < kSamePersonDistance * std::max(f.w, p.w) && distance < best_distance) {
          best = static_cast<int>(c);
          best_distance = distance;
        }
      }
      if (best < 0) {
        best = static_cast<int>(candidates.size());
        candidates.push_back({});
        taken.push_back(false);
      }
      taken[best] = true;
      candidates[best].last = f;
      candidates[best].boxes.push_back(f);
      ids[k] = best;
    }
    candidate_of.push_back(std::move(ids));
  }

  // Kept people, in reading order: left to right, or top to bottom when they sit one above the
  // other (more apart in height than in width).
  const double samples = std::max<std::size_t>(1, track.samples.size());
  struct Kept {
    double cx, cy;
    int candidate;
  };
  std::vector<Kept> kept;
  for (std::size_t c = 0; c < candidates.size(); ++c)
    if (candidates[c].boxes.size() >= kLeastSeen * samples) {
      std::vector<double> cx, cy;
      for (const auto& b : candidates[c].boxes) cx.push_back(b.cx()), cy.push_back(b.cy());
      kept.push_back({median(cx), median(cy), static_cast<int>(c)});
    }
  auto spread = [&](double Kept::*axis) {
    const auto [lo, hi] = std::minmax_element(kept.begin(), kept.end(),
                                              [&](const Kept& a, const Kept& b) { return a.*axis < b.*axis; });
    return kept.empty() ? 0 : (*hi).*axis - (*lo).*axis;
  };
  const auto axis = spread(&Kept::cx) >= spread(&Kept::cy) ? &Kept::cx : &Kept::cy;
  std::sort(kept.begin(), kept.end(), [&](const Kept& a, const Kept& b) { return a.*axis < b.*axis; });
  std::map<int, int> index;  // candidate -> person
  Grouping g;
  for (const auto& person : kept) {
    const int c = person.candidate;
    std::vector<double> x, y, w, h;
    for (const auto& b : candidates[c].boxes) {
      x.push_back(b.x);
      y.push_back(b.y);
      w.push_back(b.w);
      h.push_back(b.h);
    }
    index[c] = static_cast<int>(g.people.size());
    g.people.push_back({{median(x), median(y), median(w), median(h)}, candidates[c].boxes.size() / samples, 0});
  }
  for (auto& ids : candidate_of) {
    for (int& id : ids) id = index.count(id) ? index[id] : -1;
    g.person_of.push_back(std::move(ids));
  }
  return g;
}

// Whose mouth moved clearly most: at least kLeastMotion and kLead times anybody else's; -1 for
// nobody.
int clear_winner(const std::vector<double>& motion) {
  if (motion.empty()) return -1;
  const auto top = std::max_element(motion.begin(), motion.end());
  double second = 0;
  for (auto it = motion.begin(); it != motion.end(); ++it)
    if (it != top) second = std::max(second, *it);
  return *top >= kLeastMotion && *top >= kLead * second ? static_cast<int>(top - motion.begin()) : -1;
}

bool voiced(const std::vector<TimeSpan>& voice, double t) {
  // The first span ending after t - slack is the only one that can hold t.
  const auto it = std::lower_bound(voice.begin(), voice.end(), t - kVoiceSlack,
                                   [](const TimeSpan& s, double v) { return s.end < v; });
  return it != voice.end() && it->start - kVoiceSlack <= t;
}

}  // namespace

std::vector<SpeakerTurn> speaker_turns(const std::vector<double>& times, const std::vector<int>& talker, double start,
                                       double end, const TurnSettings& settings) {
  const int people = talker.empty() ? 0 : 1 + *std::max_element(talker.begin(), talker.end());
  if (people == 0) return {};
  const std::size_t n = times.size();
  // Each sample stands for the time to the next one.
  const double step = n > 1 ? (times.back() - times.front()) / double(n - 1) : 1;

  // The shots are the path over people that disagrees with the fewest samples naming a talker,
  // each cut costing half of min_turn in samples, so that a cut and a cut back are worth it only
  // for a talker named over more than min_turn: a Viterbi path. A stray sample, an interjection,
  // a late or noisy start cost less than two cuts; the opening shot is free to be anyone.
  const double cut_cost = 0.5 * settings.min_turn / step;
  std::vector<double> cost(people, 0);
  std::vector<std::vector<int>> from(n, std::vector<int>(people));
  for (std::size_t i = 0; i < n; ++i) {
    const auto best = std::min_element(cost.begin(), cost.end());
    std::vector<double> next(people);
    for (int p = 0; p < people; ++p) {
      // On a tie the cut is taken here, as late as it can be: at the new talker's first sample.
      const bool cut = i > 0 && *best + cut_cost <= cost[p] && best - cost.begin() != p;
      from[i][p] = cut ? static_cast<int>(best - cost.begin()) : p;
      next[p] = (cut ? *best + cut_cost : cost[p]) + (talker[i] >= 0 && talker[i] != p ? 1 : 0);
    }
    cost = std::move(next);
  }
  std::vector<int> path(n);
  path[n - 1] = static_cast<int>(std::min_element(cost.begin(), cost.end()) - cost.begin());
  for (std::size_t i = n - 1; i > 0; --i) path[i - 1] = from[i][path[i]];

  // Shots from the path, none shorter than min_shot: a cut waits until the shot before has
  // lasted that long, and one too close to the clip's end is not made.
  std::vector<SpeakerTurn> turns{{start, end, path[0]}};
  for (std::size_t i = 1; i < n; ++i) {
    if (path[i] == path[i - 1] || path[i] == turns.back().person) continue;
    const double cut = std::max(times[i], turns.back().start + settings.min_shot);
    const double next_cut = [&] {
      for (std::size_t j = i + 1; j < n; ++j)
        if (path[j] != path[i]) return times[j];
      return end;
    }();
    if (cut >= next_cut || end - cut < settings.min_shot) continue;
    turns.back().end = cut;
    turns.push_back({cut, end, path[i]});
  }
  return turns;
}

Conversation find_conversation(const FaceTrack& track, const std::vector<TimeSpan>& voice, double start, double end,
                               const TurnSettings& settings) {
  Grouping grouping = group_people(track);
  Conversation c{std::move(grouping.people), std::move(grouping.person_of), {}, {}};
  const std::size_t n = track.samples.size(), people = c.people.size();

  // Each person's mouth motion at each sample (0 where not seen).
  std::vector<std::vector<double>> motion(n, std::vector<double>(people, 0));
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t k = 0; k < track.samples[i].faces.size(); ++k)
      if (const int p = c.person_of[i][k]; p >= 0) motion[i][p] = track.samples[i].faces[k].mouth_motion;

  std::vector<double> times;
  std::size_t from = 0, to = 0;  // the samples within the window around sample i
  for (std::size_t i = 0; i < n; ++i) {
    const double t = track.samples[i].t;
    times.push_back(t);
    while (track.samples[from].t < t - kMotionWindow) ++from;
    while (to < n && track.samples[to].t <= t + kMotionWindow) ++to;
    int who = -1;
    if (people > 0 && voiced(voice, t)) {
      std::vector<double> mean(people, 0);
      for (std::size_t j = from; j < to; ++j)
        for (std::size_t p = 0; p < people; ++p) mean[p] += motion[j][p] / double(to - from);
      who = clear_winner(mean);
    }
    c.talker.push_back(who);
  }
  // Averaged mouth motion names a talker up to a window before and after they talk: an
  // interjection's evidence is that much longer than the interjection.
  TurnSettings widened = settings;
  widened.min_turn += kMotionWindow;
  c.turns = speaker_turns(times, c.talker, start, end, widened);
  for (const auto& turn : c.turns) c.people[turn.person].talks += (turn.end - turn.start) / std::max(1e-9, end - start);
  return c;
}

int speaker_of_word(const Conversation& c, const FaceTrack& track, double start, double end) {
  // First the mouths that move during the word itself (a quick exchange leaves no time for the
  // averaged talker to turn); else the talkers named around it; else the nearest within a second.
  constexpr double kDuring = 0.15, kAround = 0.25, kNearest = 1.0;
  std::vector<double> moved(c.people.size(), 0);
  std::map<int, int> votes;
  int nearest = -1;
  double nearest_distance = kNearest;
  for (std::size_t i = 0; i < track.samples.size(); ++i) {
    const double t = track.samples[i].t;
    if (t >= start - kDuring && t <= end + kDuring)
      for (std::size_t k = 0; k < track.samples[i].faces.size(); ++k)
        if (const int p = c.person_of[i][k]; p >= 0) moved[p] += track.samples[i].faces[k].mouth_motion;
    if (c.talker[i] < 0) continue;
    if (t >= start - kAround && t <= end + kAround) ++votes[c.talker[i]];
    const double distance = t < start ? start - t : (t > end ? t - end : 0);
    if (distance < nearest_distance) {
      nearest_distance = distance;
      nearest = c.talker[i];
    }
  }
  if (const int mover = clear_winner(moved); mover >= 0) return mover + 1;
  if (!votes.empty())
    return std::max_element(votes.begin(), votes.end(), [](auto& a, auto& b) { return a.second < b.second; })->first + 1;
  return nearest + 1;
}

}  // namespace clipgen::reframe
