#pragma once
// A transcript: the words of a recording with their times, the common currency of
// the speech engines (which produce it) and the analyzers (which read it).
#include <string>
#include <vector>

namespace clipgen::speech {

struct Word {
  std::string text;   // as spoken, no pronunciation variant, no markup
  double start = 0;   // seconds from the start of the recording
  double end = 0;
  double confidence = 1.0;  // 0..1 where the engine gives one
};

struct Transcript {
  std::vector<Word> words;  // in time order, non-overlapping
  std::string engine;       // "pocketsphinx", "whisper-api:whisper-1", ...
  std::string language = "en";
  double duration = 0;      // of the recording, seconds
  int audio_track = 1;      // which of the file's audio tracks was heard (1-based)
};

}  // namespace clipgen::speech
