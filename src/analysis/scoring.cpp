#include "analysis/scoring.h"

#include <algorithm>
#include <cmath>

namespace clipgen::analysis {

Scores score_candidates(const std::vector<Features>& features) {
  Scores s;
  const std::size_t n = features.size();
  s.total.assign(n, 0.0);
  s.contributions.assign(n, {});
  if (n == 0) return s;
  for (std::size_t k = 0; k < kFeatureCount; ++k) {
    double mean = 0, sq = 0;
    for (const auto& f : features) mean += feature_value(f, k);
    mean /= static_cast<double>(n);
    for (const auto& f : features) sq += std::pow(feature_value(f, k) - mean, 2);
    const double sd = std::sqrt(sq / static_cast<double>(n));
    if (sd < 1e-9) continue;  // a feature every candidate shares says nothing
    for (std::size_t i = 0; i < n; ++i) {
      const double c = kWeights[k] * (feature_value(features[i], k) - mean) / sd;
      s.contributions[i][k] = c;
      s.total[i] += c;
    }
  }
  double sum_sq = 0;
  for (double t : s.total) sum_sq += t * t;
  const double spread = std::sqrt(sum_sq / static_cast<double>(n));
  if (spread > 1e-9)
    for (double& t : s.total) t /= spread;  // totals in standard deviations
  return s;
}

int virality(double total) { return std::clamp(static_cast<int>(std::lround(5.0 + 1.6 * total)), 1, 10); }

}  // namespace clipgen::analysis
