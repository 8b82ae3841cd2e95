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
// under 0.3 levels; a talking mouth at detection size moves 1-6.
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

  // Kept people, left to right.
  const double samples = std::max<std::size_t>(1, track.samples.size());
  std::vector<std::pair<double, int>> kept;  // (median centre x, candidate)
  for (std::size_t c = 0; c < candidates.size(); ++c)
    if (candidates[c].boxes.size() >= kLeastSeen * samples) {
      std::vector<double> cx;
      for (const auto& b : candidates[c].boxes) cx.push_back(b.cx());
      kept.emplace_back(median(cx), static_cast<int>(c));
    }
  std::sort(kept.begin(), kept.end());
  std::map<int, int> index;  // candidate -> person
  Grouping g;
  for (const auto& [cx, c] : kept) {
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

bool voiced(const std::vector<TimeSpan>& voice, double t) {
  // The first span ending after t - slack is the only one that can hold t.
  const auto it = std::lower_bound(voice.begin(), voice.end(), t - kVoiceSlack,
                                   [](const TimeSpan& s, double v) { return s.end < v; });
  return it != voice.end() && it->start - kVoiceSlack <= t;
}

}  // namespace

std::vector<SpeakerTurn> speaker_turns(const std::vector<double>& times, const std::vector<int>& talker, double start,
                                       double end, const TurnSettings& settings) {
  // Runs: stretches in which one person is the only talker named (unknown samples don't break them).
  struct Run {
    int person;
    double first, last;
  };
  std::vector<Run> runs;
  for (std::size_t i = 0; i < times.size(); ++i) {
    if (talker[i] < 0) continue;
    if (runs.empty() || runs.back().person != talker[i])
      runs.push_back({talker[i], times[i], times[i]});
    else
      runs.back().last = times[i];
  }
  if (runs.empty()) return {};
  // Each sample stands for the time to the next one.
  const double step = times.size() > 1 ? (times.back() - times.front()) / double(times.size() - 1) : 0;
  auto lasts = [&](const Run& r) { return r.last - r.first + step >= settings.min_turn; };

  const auto opening = std::find_if(runs.begin(), runs.end(), lasts);
  std::vector<SpeakerTurn> turns{{start, end, (opening != runs.end() ? *opening : runs.front()).person}};
  for (const auto& run : runs) {
    if (run.person == turns.back().person || !lasts(run)) continue;
    // Cut when the new talker starts, unless that would end the shot too soon.
    const double cut = std::max(run.first, turns.back().start + settings.min_shot);
    if (cut > run.last + step || end - cut < settings.min_shot) continue;
    turns.back().end = cut;
    turns.push_back({cut, end, run.person});
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
  std::size_t heard = 0;
  std::vector<std::size_t> talked(people, 0);
  std::size_t from = 0, to = 0;  // the samples within the window around sample i
  for (std::size_t i = 0; i < n; ++i) {
    const double t = track.samples[i].t;
    times.push_back(t);
    while (track.samples[from].t < t - kMotionWindow) ++from;
    while (to < n && track.samples[to].t <= t + kMotionWindow) ++to;
    int who = -1;
    if (people > 0 && voiced(voice, t)) {
      ++heard;
      std::vector<double> mean(people, 0);
      for (std::size_t j = from; j < to; ++j)
        for (std::size_t p = 0; p < people; ++p) mean[p] += motion[j][p] / double(to - from);
      const auto top = std::max_element(mean.begin(), mean.end());
      double second = 0;
      for (std::size_t p = 0; p < people; ++p)
        if (static_cast<long>(p) != top - mean.begin()) second = std::max(second, mean[p]);
      if (*top >= kLeastMotion && *top >= kLead * second) {
        who = static_cast<int>(top - mean.begin());
        ++talked[who];
      }
    }
    c.talker.push_back(who);
  }
  for (std::size_t p = 0; p < people; ++p) c.people[p].talks = heard ? double(talked[p]) / heard : 0;
  c.turns = speaker_turns(times, c.talker, start, end, settings);
  return c;
}

int speaker_of_word(const Conversation& c, const FaceTrack& track, double start, double end) {
  constexpr double kAround = 0.25, kNearest = 1.0;
  std::map<int, int> votes;
  int nearest = -1;
  double nearest_distance = kNearest;
  for (std::size_t i = 0; i < track.samples.size(); ++i) {
    if (c.talker[i] < 0) continue;
    const double t = track.samples[i].t;
    if (t >= start - kAround && t <= end + kAround) ++votes[c.talker[i]];
    const double distance = t < start ? start - t : (t > end ? t - end : 0);
    if (distance < nearest_distance) {
      nearest_distance = distance;
      nearest = c.talker[i];
    }
  }
  if (!votes.empty())
    return std::max_element(votes.begin(), votes.end(), [](auto& a, auto& b) { return a.second < b.second; })->first + 1;
  return nearest + 1;
}

}  // namespace clipgen::reframe
