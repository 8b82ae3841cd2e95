// The cost of Shorts-ready framing: one 30 s 9:16 clip of the talk made with face sampling, a
// speaker-following crop and burned-in word captions, against the same clip as a plain
// centre crop, and against a render of the same fixed window on the face (which costs x264
// more than the centre's dark backdrop: that share is the picture's, not the framing's);
// alternating runs, median times and their ratios. CPU time (all threads) is the
// headline: the wall clock of a shared machine says more about its neighbours than about us.
// usage: reframe_bench TALK.mp4 [START] [RUNS]
extern "C" {
#include <libavutil/log.h>
}
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <thread>
#include <vector>

#include "captions/caption_file.h"
#include "media/crop.h"
#include "media/probe.h"
#include "media/renderer.h"
#include "reframe/clip_framing.h"
#include "reframe/face_sampler.h"
#include "support/reference_words.h"
#include "support/timing.h"

namespace fs = std::filesystem;
using namespace clipgen;
using clipgen::bench::median;
using clipgen::bench::time_of;
using clipgen::bench::Timing;

int main(int argc, char** argv) {
  if (argc < 2) {
    fmt::print(stderr, "usage: reframe_bench TALK.mp4 [START] [RUNS]\n");
    return 2;
  }
  av_log_set_level(AV_LOG_FATAL);
  const fs::path input = argv[1];
  const double start = argc > 2 ? std::stod(argv[2]) : 40.0;  // inside the narration with word times
  const int runs = argc > 3 ? std::stoi(argv[3]) : 3;
  const double end = start + 30;
  const int threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const auto info = media::probe(input);
  const fs::path dir = fs::temp_directory_path() / "clipgen-reframe-bench";
  fs::create_directories(dir);
  const auto words = testing::reference_words(start, end);

  media::RenderSpec plain{.start = start, .end = end, .out_width = 1080, .out_height = 1920};
  plain.crop = {{start, media::centered_crop(info.width, info.height, 1080, 1920)}};

  media::RenderSpec still = plain;  // the window framing picks, held still, with no captions
  auto framed = [&] {
    reframe::FaceDetector detector;
    const auto faces = reframe::sample_faces(input, start, end, detector, {.threads = threads}, nullptr);
    const auto framing = reframe::plan_framing(
        faces, {.out_width = 1080, .out_height = 1920, .fps = info.fps, .start = start, .end = end});
    captions::write_captions(dir / "captions.ass", words, *captions::find_style("bold"), {1080, 1920}, {});
    media::RenderSpec spec = plain;
    spec.crop = framing.crop;
    spec.layout = framing.layout;
    spec.ass_path = (dir / "captions.ass").string();
    media::render_clip(input, spec, dir / "framed.mp4", threads, nullptr);
    still.crop = {{start, media::crop_at(framing.crop, (start + end) / 2)}};
  };

  std::vector<Timing> ours, reference, same_window, faces_only;
  for (int i = 0; i < runs; ++i) {
    reference.push_back(time_of([&] { media::render_clip(input, plain, dir / "plain.mp4", threads, nullptr); }));
    ours.push_back(time_of(framed));
    same_window.push_back(time_of([&] { media::render_clip(input, still, dir / "still.mp4", threads, nullptr); }));
    faces_only.push_back(time_of([&] {
      reframe::FaceDetector detector;
      reframe::sample_faces(input, start, end, detector, {.threads = threads}, nullptr);
    }));
  }
  const Timing a = median(ours), b = median(reference), w = median(same_window), f = median(faces_only);
  fmt::print("30 s 9:16 clip ({} threads, {} words captioned), median of {} runs, CPU (wall) seconds\n", threads,
             words.size(), runs);
  fmt::print("  centre crop:                     {:6.2f} ({:.2f})\n", b.cpu, b.wall);
  fmt::print("  face-following crop + captions:  {:6.2f} ({:.2f}), face sampling alone {:.2f} ({:.2f})\n", a.cpu,
             a.wall, f.cpu, f.wall);
  fmt::print("  the face's window, held still:    {:6.2f} ({:.2f})\n", w.cpu, w.wall);
  fmt::print("  ratio: {:.3f}x the centre crop's CPU time ({:.3f}x its wall time)\n", a.cpu / b.cpu, a.wall / b.wall);
  fmt::print("  ratio: {:.3f}x the still face window's CPU time: the cost of following and captions\n",
             a.cpu / w.cpu);
  fs::remove_all(dir);
  return 0;
}
