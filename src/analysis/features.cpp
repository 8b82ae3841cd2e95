#include "analysis/features.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "analysis/loudness.h"
#include "analysis/vocabulary.h"

namespace clipgen::analysis {
namespace {

// Running sums so each window's totals cost O(1).
struct PrefixSums {
  std::vector<double> values{0.0};
  void add(double v) { values.push_back(values.back() + v); }
  double sum(std::size_t from, std::size_t to) const { return values[to] - values[from]; }  // [from, to)
};

std::set<std::string> prompt_terms(const std::string& prompt) {
  std::set<std::string> terms;
  std::string word;
  for (char c : prompt + " ") {
    if (std::isspace(static_cast<unsigned char>(c))) {
      const auto n = normalize(word);
      if (!is_stopword(n)) terms.insert(n.substr(0, 5));  // a crude stem: "funniest" ~ "funny"
      word.clear();
    } else {
      word += c;
    }
  }
  terms.erase("");
  return terms;
}

}  // namespace

double feature_value(const Features& f, std::size_t index) {
  const double values[] = {f.speech_rate, f.loudness,     f.dynamics, f.hook,
                           f.salience,    f.completeness, f.fillers,  f.prompt_match};
  return values[index];
}

std::vector<Features> compute_features(const FeatureInputs& in, const std::vector<Candidate>& candidates) {
  const auto& words = in.transcript.words;
  PrefixSums salience, filler, loud, loud_sq;
  std::vector<std::string> norm;
  norm.reserve(words.size());
  for (std::size_t i = 0; i < words.size(); ++i) {
    norm.push_back(normalize(words[i].text));
    salience.add(in.salience[i]);
    filler.add(is_filler(norm.back()) ? 1.0 : 0.0);
  }
  double overall = 0;
  for (float db : in.loudness_db) {
    loud.add(db);
    loud_sq.add(static_cast<double>(db) * db);
    overall += db;
  }
  overall = in.loudness_db.empty() ? 0 : overall / static_cast<double>(in.loudness_db.size());
  const auto prompt = prompt_terms(in.prompt);

  std::vector<Features> out;
  out.reserve(candidates.size());
  for (const auto& c : candidates) {
    const std::size_t first = in.sentences[c.first].first, last = in.sentences[c.last].last;
    const double n = static_cast<double>(last - first + 1);
    Features f;
    f.speech_rate = n / std::max(1e-3, c.end - c.start);
    f.salience = salience.sum(first, last + 1) / n;
    f.fillers = filler.sum(first, last + 1) / n;

    const auto a = std::min(in.loudness_db.size(), static_cast<std::size_t>(c.start / kLoudnessStep));
    const auto b = std::min(in.loudness_db.size(), static_cast<std::size_t>(std::ceil(c.end / kLoudnessStep)));
    if (b > a) {
      const double count = static_cast<double>(b - a);
      const double mean = loud.sum(a, b) / count;
      f.loudness = mean - overall;
      f.dynamics = std::sqrt(std::max(0.0, loud_sq.sum(a, b) / count - mean * mean));
    }

    bool question = false, number = false, you = false, strong = false;
    for (std::size_t i = first; i <= last && i < first + kHookWords; ++i) {
      question |= is_question_word(norm[i]) || words[i].text.find('?') != std::string::npos;
      number |= is_number(norm[i]);
      you |= norm[i] == "you" || norm[i] == "your";
      strong |= is_strong_word(norm[i]);
    }
    f.hook = question + number + you + strong;

    // A long pause on both sides means a thought that stands on its own.
    f.completeness = (std::min(1.0, in.sentences[c.first].gap_before) + std::min(1.0, in.sentences[c.last].gap_after)) / 2;

    if (!prompt.empty()) {
      std::set<std::string> found;
      for (std::size_t i = first; i <= last; ++i)
        if (auto stem = norm[i].substr(0, 5); prompt.contains(stem)) found.insert(stem);
      f.prompt_match = static_cast<double>(found.size()) / static_cast<double>(prompt.size());
    }
    out.push_back(f);
  }
  return out;
}

}  // namespace clipgen::analysis
