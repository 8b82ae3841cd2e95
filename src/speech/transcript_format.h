#pragma once
// A transcript as JSON (stored and written as transcript.json), SRT and WebVTT. Pure.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "speech/transcript.h"

namespace clipgen::speech {

nlohmann::json to_json(const Transcript& transcript);
// Throws std::invalid_argument naming what is missing or wrong.
Transcript transcript_from_json(const nlohmann::json& json);

// A subtitle cue: a few words shown together.
struct Cue {
  double start = 0;
  double end = 0;
  std::string text;
  int speaker = 0;  // of all its words (a change of speaker starts a cue); 0 unknown
};

// Readable cues: at most ~42 characters and 5 s each, broken at pauses and turns.
std::vector<Cue> make_cues(const std::vector<Word>& words);

// A cue starting a turn begins "Speaker N: " in SRT; in WebVTT each labelled cue is a voice
// span (<v Speaker N>).
std::string to_srt(const Transcript& transcript);
std::string to_vtt(const Transcript& transcript);

// The words inside [start, end], with times relative to `start`: the transcript of one clip.
Transcript clip_transcript(const Transcript& transcript, double start, double end);

}  // namespace clipgen::speech
