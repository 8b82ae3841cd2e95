#pragma once
// The user's own words (a transcript or captions: transcript_file.h), timed in the audio by
// WordAligner. Picked like an engine: `--transcript FILE`.
#include <vector>

#include "speech/word_aligner.h"

namespace clipgen::speech {

class AlignedTranscriber final : public Transcriber {
 public:
  AlignedTranscriber(std::vector<TextWord> text, PocketsphinxOptions options);
  std::string name() const override { return "your transcript"; }

 protected:
  // English only (the aligner's model); throws std::invalid_argument for another language or a
  // text that is not this recording's (WordAligner::align).
  Transcript recognise(const SpeechAudio& audio, const std::string& language,
                       const std::function<void(double)>& progress) override;
  bool words_are_given() const override { return true; }

 private:
  std::vector<TextWord> text_;
  PocketsphinxOptions options_;
};

}  // namespace clipgen::speech
