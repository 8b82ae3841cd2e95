#include "jobs/clip_maker.h"

#include <fstream>
#include <optional>

#include "captions/caption_file.h"
#include "captions/caption_style.h"
#include "jobs/scratch_file.h"
#include "media/crop.h"
#include "media/renderer.h"
#include "media/thumbnail.h"
#include "reframe/clip_framing.h"
#include "reframe/face_sampler.h"
#include "speech/transcript_format.h"

namespace fs = std::filesystem;

namespace clipgen::jobs {
namespace {

void write_text(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out.flush()) throw std::runtime_error("cannot write " + path.string());
}

// Faces as bands captions keep out of, in clip time. A detector's box runs from brow to
// mouth: the padding covers hair and chin, and each sample stands for the time around it.
std::vector<captions::Keepout> face_keepouts(const std::vector<reframe::OutputFace>& faces, double clip_start,
                                             double sample_interval) {
  std::vector<captions::Keepout> keepouts;
  for (const auto& f : faces) {
    const double height = f.bottom - f.top;
    keepouts.push_back({f.t - clip_start - sample_interval, f.t - clip_start + sample_interval,
                        f.top - 0.2 * height, f.bottom + 0.3 * height});
  }
  return keepouts;
}

// Where somebody is heard: the words, joined across short gaps.
std::vector<reframe::TimeSpan> voice_of(const std::vector<speech::Word>& words) {
  constexpr double kJoin = 0.3;  // seconds between words that are one stretch of speech
  std::vector<reframe::TimeSpan> voice;
  for (const auto& w : words) {
    if (!voice.empty() && w.start - voice.back().end <= kJoin)
      voice.back().end = std::max(voice.back().end, w.end);
    else
      voice.push_back({w.start, w.end});
  }
  return voice;
}

}  // namespace

void make_clip(const fs::path& input, const media::MediaInfo& info, const ClipSettings& settings,
               const speech::Transcript& transcript, int audio_stream, ClipOutput& clip, unsigned threads,
               reframe::FaceDetector& detector, const std::function<void(double)>& progress) {
  // Sampling faces takes about a tenth of a clip's time (bench/reframe).
  constexpr double kSamplingShare = 0.1;
  const auto [out_w, out_h] = media::output_size(settings.aspect, info.width, info.height);
  const double start = clip.highlight.start, end = clip.highlight.end;
  const reframe::SamplingOptions sampling{.threads = static_cast<int>(threads)};
  const auto faces = reframe::sample_faces(input, start, end, detector, sampling,
                                           [&](double f) { progress(f * kSamplingShare); });
  auto words = speech::clip_transcript(transcript, start, end);
  std::vector<speech::Word> heard = words.words;
  for (auto& w : heard) w.start += start, w.end += start;
  const auto framing = reframe::plan_framing(
      faces, {.layout = settings.layout, .out_width = out_w, .out_height = out_h,
              .fps = info.fps > 0 ? info.fps : 25, .start = start, .end = end, .voice = voice_of(heard)});
  // Labels only tell people apart: with one person in the picture there is nobody to tell apart.
  if (framing.conversation.people.size() >= 2)
    for (std::size_t i = 0; i < heard.size(); ++i)
      words.words[i].speaker = reframe::speaker_of_word(framing.conversation, faces, heard[i].start, heard[i].end);

  media::RenderSpec spec{.start = start, .end = end, .out_width = out_w, .out_height = out_h,
                         .crop = framing.crop, .layout = framing.layout, .split = framing.split,
                         .audio_stream = audio_stream};
  std::optional<ScratchFile> ass;
  if (settings.captions) {
    const captions::CaptionStyle* style = captions::find_style(settings.caption_style);
    if (!style) throw std::invalid_argument("unknown caption style '" + settings.caption_style + "'");
    const fs::path ass_path =
        clip.captions.empty() ? clip.video.parent_path() / ("." + clip.video.stem().string() + ".ass") : clip.captions;
    if (clip.captions.empty()) ass.emplace(ass_path);
    captions::write_captions(ass_path, words.words, *style, {out_w, out_h},
                             face_keepouts(reframe::faces_in_output(faces, framing, out_w, out_h), start,
                                           1.0 / sampling.per_second));
    spec.ass_path = ass_path.string();
  }
  media::render_clip(input, spec, clip.video, static_cast<int>(threads),
                     [&](double f) { progress(kSamplingShare + (1 - kSamplingShare) * f); });
  media::write_thumbnail(input, framing.thumbnail_time, media::crop_at(framing.crop, framing.thumbnail_time),
                         out_w / 2, out_h / 2, clip.thumbnail);
  write_text(clip.subtitles, speech::to_srt(words));
  clip.words = words.words;
  const auto written = media::probe(clip.video);
  clip.width = written.width;
  clip.height = written.height;
  clip.duration = written.duration;
  clip.size_bytes = fs::file_size(clip.video);
}

}  // namespace clipgen::jobs
