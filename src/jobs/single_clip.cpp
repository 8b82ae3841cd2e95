#include "jobs/single_clip.h"

#include <fmt/format.h>

#include <algorithm>
#include <thread>

#include "jobs/clip_maker.h"
#include "jobs/settings_validation.h"
#include "media/audio_extract.h"
#include "media/media_error.h"
#include "media/probe.h"
#include "speech/correction_timing.h"
#include "speech/transcript_format.h"

namespace fs = std::filesystem;

namespace clipgen::jobs {
namespace {

// The transcript's track when the file has it, else the first.
int audio_stream_of(const media::MediaInfo& info, int track) {
  const auto it = std::find_if(info.audio_tracks.begin(), info.audio_tracks.end(),
                               [&](const media::AudioTrack& t) { return t.number == track; });
  return (it != info.audio_tracks.end() ? *it : info.audio_tracks.front()).stream_index;
}

std::string spoken_text(const speech::Transcript& words) {
  std::string text;
  for (const auto& w : words.words) text += (text.empty() ? "" : " ") + w.text;
  return text;
}

}  // namespace

speech::Transcript time_clip_corrections(const fs::path& input, const speech::Transcript& transcript,
                                         const ClipEdit& edit, const speech::PocketsphinxOptions& engine,
                                         const PipelineHooks& hooks) {
  const auto runs = speech::correction_runs(transcript, edit.start, edit.end);
  if (runs.empty()) return transcript;
  const auto report = [&](double fraction) {
    if (hooks.cancel && hooks.cancel->load()) throw Canceled();
    if (hooks.progress) hooks.progress("align", 100 * std::clamp(fraction, 0.0, 1.0));
  };
  report(0);
  const media::MediaInfo info = media::probe(input);
  if (info.audio_tracks.empty()) return transcript;  // render_single_clip names what is missing
  double from = runs.front().from, to = runs.front().to;
  for (const auto& run : runs) from = std::min(from, run.from), to = std::max(to, run.to);
  const auto samples = media::decode_audio_window(input, audio_stream_of(info, transcript.audio_track), from, to);
  speech::WordAligner aligner(engine);
  return speech::time_corrections(transcript, runs, samples, from, aligner, report);
}

ClipOutput render_single_clip(const fs::path& input, const speech::Transcript& transcript, const ClipEdit& edit,
                              const fs::path& out_dir, const std::string& stem, unsigned threads,
                              const PipelineHooks& hooks) {
  const auto report = [&](double fraction) {
    if (hooks.cancel && hooks.cancel->load()) throw Canceled();
    if (hooks.progress) hooks.progress("render", 100 * std::clamp(fraction, 0.0, 1.0));
  };
  report(0);
  const media::MediaInfo info = media::probe(input);
  media::require_audio_and_video(info, input);
  // The picture's end bounds a clip: past it there is nothing to frame.
  const double usable = info.picture_end > 0 ? std::min(info.duration, info.picture_end) : info.duration;
  if (auto error = validate_clip_bounds(edit.start, edit.end, usable))
    throw media::MediaError(input, error->field + ": " + error->message);
  fs::create_directories(out_dir);

  ClipOutput clip;
  clip.number = 1;
  clip.highlight.start = edit.start;
  clip.highlight.end = edit.end;
  clip.highlight.text = spoken_text(speech::clip_transcript(transcript, edit.start, edit.end));
  clip.video = out_dir / (stem + ".mp4");
  clip.thumbnail = out_dir / (stem + ".jpg");
  clip.subtitles = out_dir / (stem + ".srt");
  if (edit.framing.captions) clip.captions = out_dir / (stem + ".ass");
  reframe::FaceDetector detector;
  const unsigned cores = threads ? threads : std::max(1u, std::thread::hardware_concurrency());
  make_clip(input, info, edit.framing, transcript, audio_stream_of(info, transcript.audio_track), clip, cores,
            detector, report);
  report(1);
  return clip;
}

}  // namespace clipgen::jobs
