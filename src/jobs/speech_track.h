#pragma once
// The sound a job listens to. Of a file's audio tracks, the one that carries speech: OBS, for
// one, records desktop sound on track 1 and the microphone on track 2. The choice is made by
// measured speech (voice-activity detection over each track), not by track order.
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "media/probe.h"
#include "speech/voice_activity.h"

namespace clipgen::jobs {

struct SpeechTrack {
  media::AudioTrack track;                 // the one chosen
  std::filesystem::path pcm;               // its 16 kHz mono PCM; the caller removes it
  std::vector<speech::SpeechSpan> speech;  // where somebody speaks in it
  std::string note;                        // for the user when the file has several tracks; else empty
};

// Decodes the audio tracks of `input` (only track `requested`, 1-based, when it is not 0) into
// PCM files in `work_dir` in one pass and keeps the one with the most speech (the first on a
// tie). Throws media::MediaError when the file has no decodable audio track or no track
// `requested`.
SpeechTrack extract_speech_track(const std::filesystem::path& input, const media::MediaInfo& info,
                                 const std::filesystem::path& work_dir, int requested,
                                 const std::function<void(double)>& progress);

}  // namespace clipgen::jobs
