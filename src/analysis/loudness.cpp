#include "analysis/loudness.h"

#include <algorithm>
#include <cmath>

namespace clipgen::analysis {

std::vector<float> loudness_db(std::span<const std::int16_t> samples, int sample_rate) {
  const auto step = static_cast<std::size_t>(kLoudnessStep * sample_rate);
  std::vector<float> out;
  out.reserve(samples.size() / step + 1);
  for (std::size_t i = 0; i < samples.size(); i += step) {
    const auto part = samples.subspan(i, std::min(step, samples.size() - i));
    double sum = 0;
    for (auto s : part) sum += static_cast<double>(s) * s;
    const double rms = std::sqrt(sum / static_cast<double>(part.size())) / 32768.0;
    out.push_back(rms > 0 ? std::max(kSilenceDb, static_cast<float>(20.0 * std::log10(rms))) : kSilenceDb);
  }
  return out;
}

}  // namespace clipgen::analysis
