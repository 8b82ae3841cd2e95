#include "support/sound.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <string>

#include "support/command.h"
#include "support/ffprobe.h"

namespace clipgen::testing {

DecodedSound decode_sound(const std::filesystem::path& file, int track) {
  // -copyts keeps the file's own timestamps; ashowinfo logs each decoded frame's pts and size
  // (the mono mix after it keeps the sizes: the rate does not change).
  const auto r = run_command({"ffmpeg", "-hide_banner", "-nostdin", "-nostats", "-loglevel", "info", "-copyts", "-i",
                              file.string(), "-map", "0:a:" + std::to_string(track), "-af", "ashowinfo", "-ac", "1",
                              "-f", "f32le", "-"});
  if (r.exit_code != 0)
    throw std::runtime_error("ffmpeg could not decode the sound of " + file.string() + ": " + last_lines(r.err, 2));
  struct Frame {
    double t;
    std::size_t samples;
  };
  std::vector<Frame> frames;
  const std::regex shown(R"(\] n:\d+ pts:\S+ pts_time:(\S+) .*rate:(\d+) nb_samples:(\d+))");
  DecodedSound sound;
  std::istringstream log(r.err);
  for (std::string line; std::getline(log, line);) {
    std::smatch m;
    if (!std::regex_search(line, m, shown)) continue;
    frames.push_back({std::stod(m[1].str()), std::stoul(m[3].str())});
    sound.sample_rate = std::stoi(m[2].str());
  }
  std::size_t total = 0;
  for (const auto& f : frames) total += f.samples;
  if (frames.empty() || total * sizeof(float) != r.out.size())
    throw std::runtime_error("ffmpeg logged " + std::to_string(total) + " samples of " + file.string() + " but wrote " +
                             std::to_string(r.out.size() / sizeof(float)));
  std::vector<float> pcm(total);
  std::memcpy(pcm.data(), r.out.data(), r.out.size());

  const double origin = time_origin(file);
  sound.start = frames.front().t - origin;
  sound.decoded = total;
  sound.frame_size = static_cast<int>(frames.front().samples);
  // Frames follow each other; a timestamp only moves one when it is more than 1 ms off (a gap or
  // an overlap), not when it is rounded to the container's clock (Matroska counts milliseconds).
  const long long slack = sound.sample_rate / 1000;
  long long next = 0;
  std::size_t read = 0;
  for (const auto& f : frames) {
    long long at = std::llround((f.t - frames.front().t) * sound.sample_rate);
    if (std::abs(at - next) <= slack) at = next;
    if (at >= 0) {  // a frame timed before the first one is out of order: players drop it
      const auto offset = static_cast<std::size_t>(at);
      if (sound.samples.size() < offset + f.samples) sound.samples.resize(offset + f.samples, 0.0f);
      std::copy_n(pcm.begin() + static_cast<std::ptrdiff_t>(read), f.samples, sound.samples.begin() + offset);
      next = at + static_cast<long long>(f.samples);
    }
    read += f.samples;
  }
  return sound;
}

}  // namespace clipgen::testing
