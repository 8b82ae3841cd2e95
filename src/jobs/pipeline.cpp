#include "jobs/pipeline.h"

#include <fmt/format.h>

#include <algorithm>
#include <exception>
#include <mutex>
#include <thread>

#include "analysis/loudness.h"
#include "jobs/clip_maker.h"
#include "jobs/scratch_file.h"
#include "media/audio_extract.h"
#include "media/probe.h"

namespace fs = std::filesystem;

namespace clipgen::jobs {
namespace {

// Share of the whole job each stage takes, measured on the 200 s talk (see bench/).
struct StageSpan {
  const char* name;
  double from, to;
};
constexpr StageSpan kProbe{"probe", 0, 1};
constexpr StageSpan kAudio{"audio", 1, 6};
constexpr StageSpan kTranscribe{"transcribe", 6, 40};
constexpr StageSpan kAnalyze{"analyze", 40, 42};
constexpr StageSpan kRender{"render", 42, 100};

class Reporter {
 public:
  explicit Reporter(const PipelineHooks& hooks) : hooks_(hooks) {}

  // A progress callback for one stage: fraction 0..1 of that stage.
  std::function<void(double)> stage(const StageSpan& span) {
    return [this, span](double fraction) {
      check_cancel();
      if (hooks_.progress)
        hooks_.progress(span.name, span.from + (span.to - span.from) * std::clamp(fraction, 0.0, 1.0));
    };
  }
  void check_cancel() const {
    if (hooks_.cancel && hooks_.cancel->load()) throw Canceled();
  }

 private:
  const PipelineHooks& hooks_;
};

// Renders every clip, several at once: each render gets a share of the cores.
void render_clips(const fs::path& input, const media::MediaInfo& info, const ClipSettings& settings,
                  const speech::Transcript& transcript, unsigned threads, std::vector<ClipOutput>& clips,
                  Reporter& reporter) {
  const unsigned cores = threads ? threads : std::max(1u, std::thread::hardware_concurrency());
  const unsigned parallel = std::min<unsigned>(cores, static_cast<unsigned>(clips.size()));
  const unsigned threads_each = std::max(1u, cores / std::max(1u, parallel));

  std::mutex mutex;
  std::vector<double> done(clips.size(), 0.0);
  auto progress = reporter.stage(kRender);
  std::exception_ptr failure;
  std::atomic<std::size_t> next{0};

  auto work = [&] {
    try {
      reframe::FaceDetector detector;  // one per thread: a cascade is not safe to share
      for (std::size_t i = next++; i < clips.size(); i = next++) {
        make_clip(input, info, settings, transcript, clips[i], threads_each, detector, [&](double f) {
          std::lock_guard lock(mutex);
          done[i] = f;
          double sum = 0;
          for (double d : done) sum += d;
          progress(sum / static_cast<double>(done.size()));
        });
      }
    } catch (...) {
      std::lock_guard lock(mutex);
      if (!failure) failure = std::current_exception();
      next = clips.size();  // stop handing out work
    }
  };
  std::vector<std::jthread> pool;
  for (unsigned t = 1; t < parallel; ++t) pool.emplace_back(work);
  work();
  pool.clear();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace

PipelineResult run_pipeline(const fs::path& input, const fs::path& out_dir, const ClipSettings& settings,
                            PipelineEngines engines, const std::optional<speech::Transcript>& cached,
                            const PipelineHooks& hooks) {
  Reporter reporter(hooks);
  fs::create_directories(out_dir);

  reporter.stage(kProbe)(0);
  const media::MediaInfo info = media::probe(input);
  media::require_audio_and_video(info, input);

  ScratchFile pcm{out_dir / ".audio.pcm"};
  media::extract_audio_pcm(input, pcm.path, reporter.stage(kAudio));
  const media::PcmFile audio(pcm.path);

  PipelineResult result;
  result.transcript = cached ? *cached : engines.transcriber.transcribe(audio.samples(), settings.language,
                                                                        reporter.stage(kTranscribe));
  reporter.check_cancel();

  const auto loudness = analysis::loudness_db(audio.samples());
  analysis::AnalysisRequest request{result.transcript, loudness, settings.num_clips, settings.min_duration,
                                    settings.max_duration, settings.prompt};
  auto analysis = engines.analyzer.analyze(request, reporter.stage(kAnalyze));
  result.notes = std::move(analysis.notes);
  result.usage = analysis.usage;

  for (std::size_t i = 0; i < analysis.highlights.size(); ++i) {
    ClipOutput clip;
    clip.number = static_cast<int>(i + 1);
    clip.highlight = std::move(analysis.highlights[i]);
    const std::string stem = fmt::format("clip-{:02}", clip.number);
    clip.video = out_dir / (stem + ".mp4");
    clip.thumbnail = out_dir / (stem + ".jpg");
    clip.subtitles = out_dir / (stem + ".srt");
    result.clips.push_back(std::move(clip));
  }
  render_clips(input, info, settings, result.transcript, engines.threads, result.clips, reporter);
  reporter.stage(kRender)(1);
  return result;
}

}  // namespace clipgen::jobs
