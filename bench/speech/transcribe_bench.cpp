// Real-time factor of the embedded transcriber on a talk: one thread, then every core, in the
// same run. RTF = decoding seconds / audio seconds (lower is faster).
// usage: transcribe_bench TALK.mp4
extern "C" {
#include <libavutil/log.h>
}
#include <fmt/format.h>

#include <filesystem>
#include <thread>

#include "media/audio_extract.h"
#include "speech/pocketsphinx_transcriber.h"
#include "support/timing.h"

namespace fs = std::filesystem;
using namespace clipgen;

int main(int argc, char** argv) {
  if (argc < 2) {
    fmt::print(stderr, "usage: transcribe_bench TALK.mp4\n");
    return 2;
  }
  av_log_set_level(AV_LOG_FATAL);
  const fs::path pcm = fs::temp_directory_path() / "clipgen-transcribe-bench.pcm";
  const double extract = bench::seconds_of([&] { media::extract_audio_pcm(argv[1], pcm, {}); });
  const media::PcmFile audio(pcm);
  const double duration = static_cast<double>(audio.samples().size()) / speech::kSampleRate;
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());

  auto rtf = [&](unsigned threads) {
    speech::PocketsphinxTranscriber engine({.threads = threads});
    std::size_t words = 0;
    const double s = bench::seconds_of([&] { words = engine.transcribe(speech::with_voice_activity(audio.samples()), "en", {}).words.size(); });
    fmt::print("  {} thread(s): {:.1f} s, {} words, RTF {:.3f}\n", threads, s, words, s / duration);
    return s / duration;
  };
  fmt::print("transcribe {:.0f} s of audio (audio extraction {:.2f} s, RTF {:.3f})\n", duration, extract,
             extract / duration);
  const double single = rtf(1);
  const double all = rtf(cores);
  fmt::print("  speed-up on {} cores: {:.2f}x\n", cores, single / all);
  fs::remove(pcm);
  return 0;
}
