#include "jobs/pipeline.h"

#include <fmt/format.h>

#include <algorithm>
#include <exception>
#include <limits>
#include <mutex>
#include <thread>

#include "analysis/loudness.h"
#include "jobs/clip_maker.h"
#include "jobs/scratch_file.h"
#include "jobs/speech_track.h"
#include "media/audio_extract.h"
#include "media/probe.h"
#include "speech/correction_timing.h"

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
                  const speech::Transcript& transcript, int audio_stream, unsigned threads,
                  std::vector<ClipOutput>& clips, Reporter& reporter) {
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
        make_clip(input, info, settings, transcript, audio_stream, clips[i], threads_each, detector, [&](double f) {
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

// The sound clips can come from: up to the end of the picture (a note says when sound runs on).
speech::SpeechAudio within_picture(speech::SpeechAudio heard, double picture_end, std::vector<std::string>& notes) {
  const auto picture_samples = static_cast<std::size_t>(picture_end * speech::kSampleRate);
  if (picture_samples + speech::kSampleRate / 2 >= heard.samples.size()) return heard;
  notes.push_back(fmt::format("the sound runs on {:.1f} s after the picture ends at {:.1f} s; clips come from the "
                              "first {:.1f} s, which has both",
                              double(heard.samples.size() - picture_samples) / speech::kSampleRate, picture_end,
                              picture_end));
  heard.samples = heard.samples.first(picture_samples);
  std::erase_if(heard.speech, [&](const speech::SpeechSpan& s) { return s.start >= picture_end; });
  if (!heard.speech.empty()) heard.speech.back().end = std::min(heard.speech.back().end, picture_end);
  return heard;
}

// Why a job makes no clips at all, when it makes none.
std::optional<std::string> no_clips_reason(const speech::Transcript& transcript, double usable_seconds,
                                           const ClipSettings& settings) {
  // Asking an analyzer (or an LLM) about an empty transcript only invents.
  if (transcript.words.empty())
    return fmt::format("no speech was found in this video's {:.0f} s of sound (silence, noise or music only), so "
                       "there are no clips",
                       usable_seconds);
  if (usable_seconds < settings.min_duration)
    return fmt::format("this video has {:.1f} s with picture and sound, less than the shortest clip asked for "
                       "({:g} s), so no clip fits; ask for shorter clips to get one",
                       usable_seconds, settings.min_duration);
  return std::nullopt;
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

  PipelineResult result;
  const SpeechTrack sound = extract_speech_track(input, info, out_dir, settings.audio_track, reporter.stage(kAudio));
  const ScratchFile pcm{sound.pcm};
  const media::PcmFile audio(pcm.path);
  if (!sound.note.empty()) result.notes.push_back(sound.note);

  const speech::SpeechAudio heard = within_picture({audio.samples(), sound.speech}, info.picture_end, result.notes);

  result.transcribed = !(cached && cached->audio_track == sound.track.number);
  if (result.transcribed) {
    result.transcript = engines.transcriber.transcribe(heard, settings.language, reporter.stage(kTranscribe));
    result.transcript.audio_track = sound.track.number;
  } else {
    // Corrections made since (placed by estimate) are timed here, where the sound is at hand.
    result.transcript = *cached;
    if (const auto runs = speech::correction_runs(*cached, 0, std::numeric_limits<double>::infinity()); !runs.empty()) {
      speech::WordAligner aligner(engines.word_timing);
      result.transcript =
          speech::time_corrections(*cached, runs, audio.samples(), 0.0, aligner, reporter.stage(kTranscribe));
    }
  }
  reporter.check_cancel();
  if (auto reason = no_clips_reason(result.transcript, double(heard.samples.size()) / speech::kSampleRate, settings)) {
    result.notes.push_back(*reason);
    reporter.stage(kRender)(1);
    return result;
  }

  const auto loudness = analysis::loudness_db(heard.samples);
  analysis::AnalysisRequest request{result.transcript, loudness, settings.num_clips, settings.min_duration,
                                    settings.max_duration, settings.prompt};
  auto analysis = engines.analyzer.analyze(request, reporter.stage(kAnalyze));
  result.notes.insert(result.notes.end(), analysis.notes.begin(), analysis.notes.end());
  result.usage = analysis.usage;
  if (result.transcribed) result.usage += result.transcript.usage;

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
  render_clips(input, info, settings, result.transcript, sound.track.stream_index, engines.threads, result.clips,
               reporter);
  for (const auto& clip : result.clips) keep_speaker_labels(result.transcript, clip);
  reporter.stage(kRender)(1);
  return result;
}

void keep_speaker_labels(speech::Transcript& transcript, const ClipOutput& clip) {
  // The clip's words are the transcript's inside its window, in order (speech::clip_transcript).
  auto it = std::lower_bound(transcript.words.begin(), transcript.words.end(), clip.highlight.start,
                             [](const speech::Word& w, double t) { return w.start < t; });
  for (const auto& word : clip.words) {
    while (it != transcript.words.end() && it->start < clip.highlight.start + word.start - 1e-6) ++it;
    if (it == transcript.words.end()) return;
    if (it->text == word.text && word.speaker > 0) it->speaker = word.speaker;
  }
}

}  // namespace clipgen::jobs
