#include "support/frames.h"

#include <cstdlib>
#include <numeric>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <string>

#include "support/command.h"
#include "support/ffprobe.h"

namespace clipgen::testing {

namespace {

// Decodes one picture through `input` (the arguments that open the file and pick the moment).
GrayFrame decode_gray(std::vector<std::string> input, const std::filesystem::path& file, int width, int height) {
  std::vector<std::string> argv{"ffmpeg", "-nostdin", "-v", "error"};
  argv.insert(argv.end(), input.begin(), input.end());
  for (std::string arg : {"-frames:v", "1", "-vf"}) argv.push_back(arg);
  argv.push_back("scale=" + std::to_string(width) + ":" + std::to_string(height) + ":flags=area,format=gray");
  for (std::string arg : {"-f", "rawvideo", "-"}) argv.push_back(arg);
  const auto r = run_command(argv);
  if (r.exit_code != 0 || r.out.size() != static_cast<std::size_t>(width) * height)
    throw std::runtime_error("ffmpeg could not read a picture of " + file.string() + ": " + r.err);
  return {width, height, std::vector<std::uint8_t>(r.out.begin(), r.out.end())};
}

}  // namespace

GrayFrame gray_frame(const std::filesystem::path& file, double t, int width, int height) {
  return decode_gray({"-ss", std::to_string(t), "-i", file.string()}, file, width, height);
}

GrayFrame gray_image(const std::filesystem::path& file, int width, int height) {
  return decode_gray({"-i", file.string()}, file, width, height);  // a still cannot be seeked
}

std::vector<TimedFrame> decode_frames(const std::filesystem::path& file, int width, int height) {
  // -copyts keeps the file's own timestamps (the CLI would otherwise count from the start of the
  // streams it maps, not of the file); showinfo logs each decoded frame's pts in seconds.
  const auto r = run_command(
      {"ffmpeg", "-hide_banner", "-nostdin", "-nostats", "-loglevel", "info", "-copyts", "-i", file.string(), "-map",
       "0:v:0", "-vf",
       "scale=" + std::to_string(width) + ":" + std::to_string(height) + ":flags=area,format=gray,showinfo=checksum=0",
       "-fps_mode", "passthrough", "-f", "rawvideo", "-"});
  if (r.exit_code != 0)
    throw std::runtime_error("ffmpeg could not decode the pictures of " + file.string() + ": " + last_lines(r.err, 2));
  const double origin = time_origin(file);
  const std::regex shown(R"(\] n: *\d+ pts: *\S+ pts_time:(\S+))");
  std::vector<double> times;
  std::istringstream log(r.err);
  for (std::string line; std::getline(log, line);) {
    std::smatch m;
    if (std::regex_search(line, m, shown)) times.push_back(std::stod(m[1].str()) - origin);
  }
  const std::size_t size = static_cast<std::size_t>(width) * height;
  if (times.size() * size != r.out.size())
    throw std::runtime_error("ffmpeg logged " + std::to_string(times.size()) + " frames of " + file.string() +
                             " but wrote " + std::to_string(r.out.size() / size));
  std::vector<TimedFrame> frames(times.size());
  for (std::size_t i = 0; i < frames.size(); ++i) {
    auto& f = frames[i];
    f.t = times[i];
    f.picture = {width, height, std::vector<std::uint8_t>(r.out.begin() + i * size, r.out.begin() + (i + 1) * size)};
    f.mean_luma = std::accumulate(f.picture.pixels.begin(), f.picture.pixels.end(), 0.0) / size;
  }
  return frames;
}

std::vector<BlockColours> block_colours(const std::filesystem::path& file, double per_second, int columns, int rows) {
  constexpr int kBlock = 8;  // pixels a block is decoded at, averaged here
  const int width = columns * kBlock, height = rows * kBlock;
  const auto r = run_command({"ffmpeg", "-nostdin", "-v", "error", "-i", file.string(), "-map", "0:v:0", "-vf",
                              "fps=" + std::to_string(per_second) + ",scale=" + std::to_string(width) + ":" +
                                  std::to_string(height) + ":flags=area,format=rgb24",
                              "-f", "rawvideo", "-"});
  if (r.exit_code != 0)
    throw std::runtime_error("ffmpeg could not decode the pictures of " + file.string() + ": " + last_lines(r.err, 2));
  const std::size_t size = static_cast<std::size_t>(width) * height * 3;
  std::vector<BlockColours> out;
  for (std::size_t k = 0; (k + 1) * size <= r.out.size(); ++k) {
    BlockColours picture{static_cast<double>(k) / per_second, {}};
    for (int by = 0; by < rows; ++by)
      for (int bx = 0; bx < columns; ++bx) {
        std::array<double, 3> sum{};
        for (int y = by * kBlock; y < (by + 1) * kBlock; ++y)
          for (int x = bx * kBlock; x < (bx + 1) * kBlock; ++x)
            for (int c = 0; c < 3; ++c)
              sum[c] += static_cast<std::uint8_t>(r.out[k * size + (static_cast<std::size_t>(y) * width + x) * 3 + c]);
        for (double& v : sum) v /= kBlock * kBlock;
        picture.blocks.push_back(sum);
      }
    out.push_back(std::move(picture));
  }
  return out;
}

double mean_difference(const GrayFrame& a, const GrayFrame& b, int row_from, int row_to) {
  if (a.width != b.width || a.height != b.height) throw std::invalid_argument("frames differ in size");
  long long sum = 0;
  for (int y = row_from; y < row_to; ++y)
    for (int x = 0; x < a.width; ++x) {
      const auto i = static_cast<std::size_t>(y) * a.width + x;
      sum += std::abs(a.pixels[i] - b.pixels[i]);
    }
  return static_cast<double>(sum) / (static_cast<double>(row_to - row_from) * a.width);
}

}  // namespace clipgen::testing
