#include "speech/voice_activity.h"

extern "C" {
#include <libavutil/mem.h>
#include <libavutil/tx.h>
}

#include <algorithm>
#include <cmath>
#include <memory>
#include <numbers>
#include <stdexcept>

namespace clipgen::speech {
namespace {

constexpr double kHopSeconds = 0.010;
constexpr double kFrameSeconds = 0.025;
constexpr int kFftSize = 512;
constexpr double kBandLowHz = 250, kBandHighHz = 4000;  // where speech has its formants

constexpr int kWindowFrames = 100;  // 1 s of frames per decision
constexpr int kWindowStep = 25;     // a decision every 0.25 s

// Thresholds, measured on the real recordings in ../shared/media (JFK, LibriVox, the sonnet,
// the manifesto, a talking head, a lecture) against tones, chords, note sequences, beeps,
// pink noise and noise bursts made with the ffmpeg CLI (tests/integration/speech): speech
// windows have a median entropy of 0.42-0.71 and 27-80 % low-energy frames; tonal sounds stay
// under 0.40, noise over 0.85, sustained sounds under 22 % low-energy frames.
constexpr double kActiveAboveFloorDb = 12;  // a frame this far above the noise floor is active
constexpr double kActiveMinDb = -60;        // and never quieter than this (dBFS)
constexpr double kMinActiveShare = 0.15;    // a window needs this much activity to be judged
constexpr double kMinEntropy = 0.40, kMaxEntropy = 0.80;
constexpr double kMinLowEnergyShare = 0.22;
constexpr double kMargin = 0.20;   // seconds added around each span: onsets and trailing consonants
constexpr double kMaxGap = 0.30;   // spans closer than this become one
constexpr double kMinSpan = 0.15;  // shorter spans are clicks, not words

struct TxDeleter {
  void operator()(AVTXContext* ctx) const { av_tx_uninit(&ctx); }
};
struct AvFree {
  void operator()(void* p) const { av_free(p); }
};

// FFT buffers aligned as libavutil's SIMD code requires (av_malloc).
std::unique_ptr<AVComplexFloat[], AvFree> fft_buffer() {
  auto* p = static_cast<AVComplexFloat*>(av_malloc(kFftSize * sizeof(AVComplexFloat)));
  if (!p) throw std::bad_alloc();
  return std::unique_ptr<AVComplexFloat[], AvFree>(p);
}

struct FrameFeatures {
  std::vector<double> power;    // mean square, full scale = 1
  std::vector<double> db;       // the same in dBFS
  std::vector<double> entropy;  // normalised spectral entropy in the speech band, 0..1
};

FrameFeatures frame_features(std::span<const std::int16_t> samples, int rate,
                             const std::function<void(double)>& progress) {
  const auto hop = static_cast<std::size_t>(kHopSeconds * rate);
  const auto length = static_cast<std::size_t>(kFrameSeconds * rate);
  FrameFeatures f;
  if (samples.size() < length) return f;
  const std::size_t count = 1 + (samples.size() - length) / hop;

  AVTXContext* raw = nullptr;
  av_tx_fn fft = nullptr;
  const float scale = 1.0f;
  if (av_tx_init(&raw, &fft, AV_TX_FLOAT_FFT, 0, kFftSize, &scale, 0) < 0)
    throw std::runtime_error("cannot set up the FFT for voice-activity detection");
  std::unique_ptr<AVTXContext, TxDeleter> tx(raw);

  std::vector<float> hann(length);
  for (std::size_t i = 0; i < length; ++i)
    hann[i] = static_cast<float>(0.5 - 0.5 * std::cos(2 * std::numbers::pi * double(i) / double(length - 1)));
  const int low_bin = static_cast<int>(std::lround(kBandLowHz * kFftSize / rate));
  const int high_bin = std::min(kFftSize / 2, static_cast<int>(std::lround(kBandHighHz * kFftSize / rate)));
  const double log_bins = std::log(double(high_bin - low_bin + 1));

  const auto in = fft_buffer(), out = fft_buffer();
  f.power.resize(count);
  f.db.resize(count);
  f.entropy.resize(count);
  constexpr std::size_t kReportEvery = 1000;  // frames: 10 s of audio
  for (std::size_t i = 0; i < count; ++i) {
    if (progress && i % kReportEvery == 0) progress(double(i) / double(count));
    const std::int16_t* frame = samples.data() + i * hop;
    double sum = 0;
    for (std::size_t k = 0; k < length; ++k) {
      const double s = frame[k] / 32768.0;
      sum += s * s;
      in[k] = {static_cast<float>(s) * hann[k], 0.0f};
    }
    std::fill(in.get() + length, in.get() + kFftSize, AVComplexFloat{0, 0});
    f.power[i] = sum / double(length);
    f.db[i] = 10 * std::log10(f.power[i] + 1e-10);

    fft(tx.get(), out.get(), in.get(), sizeof(AVComplexFloat));
    double total = 0;
    for (int b = low_bin; b <= high_bin; ++b) total += double(out[b].re) * out[b].re + double(out[b].im) * out[b].im;
    double h = 0;
    if (total > 0) {
      for (int b = low_bin; b <= high_bin; ++b) {
        const double p = (double(out[b].re) * out[b].re + double(out[b].im) * out[b].im) / total;
        if (p > 0) h -= p * std::log(p);
      }
    }
    f.entropy[i] = total > 0 ? h / log_bins : 1.0;
  }
  return f;
}

double percentile(std::vector<double> values, double q) {
  if (values.empty()) return 0;
  const auto k = static_cast<std::size_t>(q * double(values.size() - 1));
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(k), values.end());
  return values[k];
}

// Whether the frames [from, from + kWindowFrames) sound like speech.
bool speech_like(const FrameFeatures& f, const std::vector<bool>& active, std::size_t from) {
  const std::size_t to = std::min(f.power.size(), from + kWindowFrames);
  std::vector<double> active_entropy;
  double mean_power = 0;
  for (std::size_t i = from; i < to; ++i) {
    mean_power += f.power[i];
    if (active[i]) active_entropy.push_back(f.entropy[i]);
  }
  const double n = double(to - from);
  if (active_entropy.size() < kMinActiveShare * n) return false;
  mean_power /= n;
  std::size_t low = 0;
  for (std::size_t i = from; i < to; ++i) low += f.power[i] < 0.5 * mean_power;
  const double entropy = percentile(active_entropy, 0.5);
  return entropy >= kMinEntropy && entropy <= kMaxEntropy && double(low) / n >= kMinLowEnergyShare;
}

}  // namespace

std::vector<SpeechSpan> detect_speech(std::span<const std::int16_t> samples, int rate,
                                      const std::function<void(double)>& progress) {
  const FrameFeatures f = frame_features(samples, rate, progress);
  const std::size_t count = f.db.size();
  if (count == 0) return {};

  // The noise floor: what the quietest tenth of the recording reaches.
  const double floor = std::max(percentile(f.db, 0.10), -100.0);
  const double threshold = std::max(floor + kActiveAboveFloorDb, kActiveMinDb);
  std::vector<bool> active(count);
  for (std::size_t i = 0; i < count; ++i) active[i] = f.db[i] > threshold;

  // A frame is speech when it is active and any window covering it sounds like speech.
  std::vector<bool> speech(count, false);
  const std::size_t last_window = count > kWindowFrames ? count - kWindowFrames : 0;
  for (std::size_t w = 0;; w = std::min(w + kWindowStep, last_window)) {
    if (speech_like(f, active, w))
      for (std::size_t i = w; i < std::min(count, w + kWindowFrames); ++i) speech[i] = speech[i] || active[i];
    if (w == last_window) break;
  }

  const double duration = double(samples.size()) / rate;
  std::vector<SpeechSpan> spans;
  for (std::size_t i = 0; i < count;) {
    if (!speech[i]) { ++i; continue; }
    std::size_t j = i;
    while (j < count && speech[j]) ++j;
    const SpeechSpan span{std::max(0.0, double(i) * kHopSeconds - kMargin),
                          std::min(duration, double(j - 1) * kHopSeconds + kFrameSeconds + kMargin)};
    if (!spans.empty() && span.start - spans.back().end < kMaxGap) spans.back().end = span.end;
    else spans.push_back(span);
    i = j;
  }
  std::erase_if(spans, [](const SpeechSpan& s) { return s.end - s.start < kMinSpan + 2 * kMargin; });
  return spans;
}

double speech_seconds(const std::vector<SpeechSpan>& spans) {
  double total = 0;
  for (const auto& s : spans) total += s.end - s.start;
  return total;
}

}  // namespace clipgen::speech
