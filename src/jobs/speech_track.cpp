#include "jobs/speech_track.h"

#include <fmt/format.h>

#include "media/audio_extract.h"
#include "media/media_error.h"
#include "speech/transcriber.h"

namespace fs = std::filesystem;

namespace clipgen::jobs {

SpeechTrack extract_speech_track(const fs::path& input, const media::MediaInfo& info, const fs::path& work_dir,
                                 int requested, const std::function<void(double)>& progress) {
  std::vector<media::AudioTrack> candidates;
  for (const auto& t : info.audio_tracks)
    if (!t.codec.empty() && (requested == 0 || t.number == requested)) candidates.push_back(t);
  if (requested != 0 && candidates.empty())
    throw media::MediaError(input, fmt::format("it has no audio track {} (it has {} audio track{})", requested,
                                               info.audio_tracks.size(), info.audio_tracks.size() == 1 ? "" : "s"));
  if (candidates.empty()) throw media::MediaError(input, "it has no decodable audio track");

  std::vector<media::PcmTarget> targets;
  for (const auto& t : candidates)
    targets.push_back({t.stream_index, work_dir / fmt::format(".audio-{}.pcm", t.number)});
  // Decoding takes most of the stage; listening for speech in each track the rest.
  constexpr double kDecodingShare = 0.8;
  try {
    media::extract_audio_pcm(input, targets, [&](double f) { if (progress) progress(kDecodingShare * f); });
  } catch (...) {
    for (const auto& t : targets) fs::remove(t.output);
    throw;
  }

  std::size_t best = 0;
  std::vector<std::vector<speech::SpeechSpan>> spans(candidates.size());
  std::vector<double> seconds(candidates.size());
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const media::PcmFile audio(targets[i].output);
    spans[i] = speech::detect_speech(audio.samples(), speech::kSampleRate, [&](double f) {
      if (progress) progress(kDecodingShare + (1 - kDecodingShare) * (double(i) + f) / double(candidates.size()));
    });
    seconds[i] = speech::speech_seconds(spans[i]);
    if (seconds[i] > seconds[best]) best = i;
  }
  for (std::size_t i = 0; i < targets.size(); ++i)
    if (i != best) fs::remove(targets[i].output);

  SpeechTrack chosen{candidates[best], targets[best].output, std::move(spans[best]), ""};
  if (requested == 0 && candidates.size() > 1) {
    std::string measured;
    for (std::size_t i = 0; i < candidates.size(); ++i)
      measured += fmt::format("{}track {}: {:.1f} s", i ? ", " : "", candidates[i].number, seconds[i]);
    chosen.note = fmt::format("audio track {} of {} carries the most speech ({}); clips use it (--audio-track picks "
                              "another)",
                              chosen.track.number, info.audio_tracks.size(), measured);
  }
  return chosen;
}

}  // namespace clipgen::jobs
