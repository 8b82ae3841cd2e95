// The cost of active-speaker framing: the faces of 30 s of the test conversation sampled with
// each mouth's motion measured and framed by who talks (turns, cuts), against today's face
// following on the same clip (faces only, the crop on the main face); alternating runs,
// median CPU times and their ratio. The render after either costs the same and is left out.
// usage: conversation_bench CONVERSATION.mp4 [RUNS]   (tests/tools/make-conversation.sh)
extern "C" {
#include <libavutil/log.h>
}
#include <fmt/format.h>

#include <filesystem>
#include <vector>

#include "media/probe.h"
#include "reframe/clip_framing.h"
#include "reframe/face_sampler.h"
#include "support/conversation_turns.h"
#include "support/timing.h"

namespace fs = std::filesystem;
using namespace clipgen;
using clipgen::bench::median;
using clipgen::bench::time_of;
using clipgen::bench::Timing;

int main(int argc, char** argv) {
  if (argc < 2) {
    fmt::print(stderr, "usage: conversation_bench CONVERSATION.mp4 [RUNS]\n");
    return 2;
  }
  av_log_set_level(AV_LOG_FATAL);
  const fs::path input = argv[1];
  const int runs = argc > 2 ? std::stoi(argv[2]) : 3;
  constexpr double start = 0, end = 30;
  const auto info = media::probe(input);
  // Where somebody is heard, from the construction (the pipeline takes it from the words).
  std::vector<reframe::TimeSpan> voice;
  for (const auto& t : testing::conversation_truth(input).turns) voice.push_back({t.start, t.end});

  auto frame = [&](bool active_speaker) {
    return [&, active_speaker] {
      reframe::FaceDetector detector;
      const auto faces =
          reframe::sample_faces(input, start, end, detector, {.threads = 1, .mouth_motion = active_speaker}, nullptr);
      reframe::plan_framing(faces, {.layout = "fill", .fps = info.fps, .start = start, .end = end,
                                    .voice = active_speaker ? voice : std::vector<reframe::TimeSpan>{}});
    };
  };
  std::vector<Timing> active, following;
  for (int i = 0; i < runs; ++i) {
    following.push_back(time_of(frame(false)));
    active.push_back(time_of(frame(true)));
  }
  const Timing a = median(active), f = median(following);
  fmt::print("30 s of a two-person conversation, 1 decoder thread, median of {} runs, CPU (wall) seconds\n", runs);
  fmt::print("  face following (today's):      {:6.2f} ({:.2f})\n", f.cpu, f.wall);
  fmt::print("  active-speaker framing:        {:6.2f} ({:.2f})\n", a.cpu, a.wall);
  fmt::print("  ratio active / following:      {:6.2f}\n", a.cpu / f.cpu);
}
