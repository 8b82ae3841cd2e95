#include "support/sync_marks.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace clipgen::testing {
namespace {

constexpr double kFlashLuma = 200;
constexpr double kWindow = 0.005, kHop = 0.001;  // seconds
constexpr double kMinTone = 0.2, kMinShare = 0.5, kMinBeep = 0.040, kSameBeep = 0.150;

struct Window {
  double amplitude;  // of the sinusoid at the filter's frequency
  bool tone;
};

// Goertzel's algorithm for one frequency over x[0, n): the amplitude of that sinusoid.
double tone_amplitude(const float* x, int n, double coeff) {
  double s1 = 0, s2 = 0;
  for (int i = 0; i < n; ++i) {
    const double s = x[i] + coeff * s1 - s2;
    s2 = s1;
    s1 = s;
  }
  return 2 * std::sqrt(std::max(0.0, s1 * s1 + s2 * s2 - coeff * s1 * s2)) / n;
}

}  // namespace

std::vector<double> flash_times(const std::vector<TimedFrame>& frames) {
  std::vector<double> times;
  for (std::size_t i = 0; i < frames.size(); ++i)
    if (frames[i].mean_luma >= kFlashLuma && (i == 0 || frames[i - 1].mean_luma < kFlashLuma))
      times.push_back(frames[i].t);
  return times;
}

std::vector<double> beep_onsets(const DecodedSound& sound, double hz) {
  const int n = static_cast<int>(std::lround(sound.sample_rate * kWindow));
  const int hop = std::max(1, static_cast<int>(std::lround(sound.sample_rate * kHop)));
  const double coeff = 2 * std::cos(2 * std::numbers::pi * hz / sound.sample_rate);
  std::vector<Window> windows;
  for (std::size_t at = 0; at + n <= sound.samples.size(); at += hop) {
    const float* x = sound.samples.data() + at;
    double power = 0;
    for (int i = 0; i < n; ++i) power += double(x[i]) * x[i];
    const double amplitude = tone_amplitude(x, n, coeff);
    // A sinusoid of amplitude a has mean power a^2 / 2.
    windows.push_back({amplitude, amplitude >= kMinTone && amplitude * amplitude / 2 >= kMinShare * power / n});
  }
  const auto time_of = [&](std::size_t w) { return sound.start + (double(w) * hop + n / 2.0) / sound.sample_rate; };
  std::vector<double> onsets;
  const auto min_windows = static_cast<std::size_t>(std::lround(kMinBeep * sound.sample_rate / hop));
  for (std::size_t w = 0; w < windows.size();) {
    if (!windows[w].tone) {
      ++w;
      continue;
    }
    std::size_t end = w;
    double peak = 0;
    while (end < windows.size() && windows[end].tone) peak = std::max(peak, windows[end++].amplitude);
    if (end - w >= min_windows) {
      // The first window with half the peak amplitude, between hops by linear interpolation.
      const double half = peak / 2;
      std::size_t first = w;
      while (windows[first].amplitude < half) ++first;
      while (first > 0 && windows[first - 1].amplitude >= half) --first;
      double onset = time_of(first);
      if (first > 0) {
        const double below = windows[first - 1].amplitude, above = windows[first].amplitude;
        onset -= (above - half) / (above - below) * hop / sound.sample_rate;
      }
      if (onsets.empty() || onset - onsets.back() >= kSameBeep) onsets.push_back(onset);
    }
    w = end;
  }
  return onsets;
}

double tone_share(const DecodedSound& sound, double hz) {
  const int n = static_cast<int>(std::lround(sound.sample_rate * 0.1));
  const double coeff = 2 * std::cos(2 * std::numbers::pi * hz / sound.sample_rate);
  double tone = 0, total = 0;
  for (std::size_t at = 0; at + n <= sound.samples.size(); at += n) {
    const double amplitude = tone_amplitude(sound.samples.data() + at, n, coeff);
    tone += amplitude * amplitude / 2 * n;
    for (int i = 0; i < n; ++i) total += double(sound.samples[at + i]) * sound.samples[at + i];
  }
  return total > 0 ? tone / total : 0;
}

}  // namespace clipgen::testing
