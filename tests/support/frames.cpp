#include "support/frames.h"

#include <cstdlib>
#include <stdexcept>
#include <string>

#include "support/command.h"

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
