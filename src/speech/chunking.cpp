#include "speech/chunking.h"

#include <limits>

namespace clipgen::speech {
namespace {

constexpr double kWindowSeconds = 0.2;

// Mean absolute amplitude: cheap, and good enough to tell a pause from speech.
double loudness(std::span<const std::int16_t> part) {
  long long sum = 0;
  for (auto s : part) sum += s < 0 ? -static_cast<long long>(s) : s;
  return static_cast<double>(sum) / static_cast<double>(part.size());
}

}  // namespace

std::vector<Chunk> split_at_pauses(std::span<const std::int16_t> samples, int sample_rate, ChunkLimits limits) {
  const auto window = static_cast<std::size_t>(kWindowSeconds * sample_rate);
  const auto target = static_cast<std::size_t>(limits.target_seconds * sample_rate);
  const auto longest = std::max(target + window, static_cast<std::size_t>(limits.max_seconds * sample_rate));

  std::vector<Chunk> chunks;
  std::size_t begin = 0;
  while (samples.size() - begin > longest) {
    std::size_t quietest = begin + target;
    double lowest = std::numeric_limits<double>::max();
    for (std::size_t w = begin + target; w + window <= begin + longest; w += window / 2) {
      const double level = loudness(samples.subspan(w, window));
      if (level < lowest) {
        lowest = level;
        quietest = w;
      }
    }
    const std::size_t cut = quietest + window / 2;
    chunks.push_back({begin, cut});
    begin = cut;
  }
  if (begin < samples.size()) chunks.push_back({begin, samples.size()});
  return chunks;
}

std::vector<Chunk> group_speech(const std::vector<SpeechSpan>& speech, double max_seconds, int sample_rate,
                                std::size_t total_samples) {
  const auto at = [&](double seconds) {
    return std::min(total_samples, static_cast<std::size_t>(std::max(0.0, seconds) * sample_rate));
  };
  std::vector<Chunk> pieces;
  double start = 0, end = 0;
  bool open = false;
  for (const SpeechSpan& span : speech) {
    if (open && span.end - start > max_seconds) {
      pieces.push_back({at(start), at(end)});
      open = false;
    }
    if (!open) start = span.start;
    end = span.end;
    open = true;
  }
  if (open) pieces.push_back({at(start), at(end)});
  std::erase_if(pieces, [](const Chunk& c) { return c.end <= c.begin; });
  return pieces;
}

}  // namespace clipgen::speech
