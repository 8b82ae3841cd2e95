#pragma once
// Builds transcripts for tests: sentences of words at a steady pace with chosen pauses.
#include <sstream>
#include <string>

#include "speech/transcript.h"

namespace clipgen::testing {

class TranscriptBuilder {
 public:
  // Appends the words of `text`, each lasting `word_seconds`, with `gap` of silence between
  // words; then `pause_after` seconds of silence.
  TranscriptBuilder& say(const std::string& text, double pause_after = 1.0, double word_seconds = 0.3,
                         double gap = 0.05) {
    std::istringstream words(text);
    std::string w;
    bool first = true;
    while (words >> w) {
      if (!first) now_ += gap;
      first = false;
      t_.words.push_back({w, now_, now_ + word_seconds, 1.0});
      now_ += word_seconds;
    }
    now_ += pause_after;
    t_.duration = now_;
    return *this;
  }
  speech::Transcript build() const { return t_; }

 private:
  speech::Transcript t_;
  double now_ = 0.5;
};

}  // namespace clipgen::testing
