// Renders one 30 s 9:16 clip of a talk in-process and with the ffmpeg CLI doing the same work
// (accurate seek, the same crop, scale, x264 preset and CRF, AAC), alternating runs, and prints
// the median times and their ratio.
// usage: render_bench TALK.mp4 [START] [RUNS]
extern "C" {
#include <libavutil/log.h>
}
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <thread>
#include <vector>

#include "media/crop.h"
#include "media/probe.h"
#include "media/renderer.h"
#include "support/command.h"
#include "support/timing.h"

namespace fs = std::filesystem;
using namespace clipgen::media;
using clipgen::bench::median;
using clipgen::bench::seconds_of;

int main(int argc, char** argv) {
  if (argc < 2) {
    fmt::print(stderr, "usage: render_bench TALK.mp4 [START] [RUNS]\n");
    return 2;
  }
  av_log_set_level(AV_LOG_FATAL);
  const fs::path input = argv[1];
  const double start = argc > 2 ? std::stod(argv[2]) : 61.3;
  const int runs = argc > 3 ? std::stoi(argv[3]) : 3;
  const double length = 30;
  const int threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const auto info = probe(input);
  const CropRect crop = centered_crop(info.width, info.height, 1080, 1920);
  const fs::path dir = fs::temp_directory_path() / "clipgen-render-bench";
  fs::create_directories(dir);

  RenderSpec spec;
  spec.start = start;
  spec.end = start + length;
  spec.crop = {{start, crop}};
  const std::vector<std::string> cli = {
      "ffmpeg", "-nostdin", "-v", "error", "-y", "-threads", std::to_string(threads), "-ss", fmt::format("{:.3f}", start),
      "-i", input.string(), "-t", fmt::format("{:.3f}", length), "-vf",
      fmt::format("crop=w={}:h={}:x={}:y={}:exact=1,scale=1080:1920:flags=bicubic,setsar=1,format=yuv420p", crop.w,
                  crop.h, crop.x, crop.y),
      "-c:v", "libx264", "-preset", kX264Preset, "-crf", std::to_string(kX264Crf), "-g",
      std::to_string(static_cast<int>(2 * info.fps)), "-threads", std::to_string(threads), "-c:a", "aac", "-b:a",
      std::to_string(kAacBitrate), "-movflags", "+faststart", (dir / "cli.mp4").string()};

  std::vector<double> ours, theirs;
  for (int i = 0; i < runs; ++i) {
    ours.push_back(seconds_of([&] { render_clip(input, spec, dir / "ours.mp4", threads, nullptr); }));
    theirs.push_back(seconds_of([&] {
      const auto r = clipgen::testing::run_command(cli);
      if (r.exit_code != 0) throw std::runtime_error("ffmpeg failed: " + r.err);
    }));
  }
  const double a = median(ours), b = median(theirs);
  fmt::print("render 30 s 9:16 clip ({} threads, preset {}, crf {}), median of {} runs\n", threads, kX264Preset,
             kX264Crf, runs);
  fmt::print("  clipgen in-process: {:.2f} s\n  ffmpeg CLI:         {:.2f} s\n  ratio: {:.3f}x the CLI's time\n", a, b,
             a / b);
  fs::remove_all(dir);
  return 0;
}
