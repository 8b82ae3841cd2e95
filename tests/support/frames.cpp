#include "support/frames.h"

#include <cstdlib>
#include <stdexcept>
#include <string>

#include "support/command.h"

namespace clipgen::testing {

GrayFrame gray_frame(const std::filesystem::path& file, double t, int width, int height) {
  const auto r = run_command({"ffmpeg", "-nostdin", "-v", "error", "-ss", std::to_string(t), "-i", file.string(),
                              "-frames:v", "1", "-vf", "scale=" + std::to_string(width) + ":" + std::to_string(height) +
                              ":flags=area,format=gray", "-f", "rawvideo", "-"});
  if (r.exit_code != 0 || r.out.size() != static_cast<std::size_t>(width) * height)
    throw std::runtime_error("ffmpeg could not read a frame of " + file.string() + " at " + std::to_string(t) +
                             ": " + r.err);
  return {width, height, std::vector<std::uint8_t>(r.out.begin(), r.out.end())};
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
