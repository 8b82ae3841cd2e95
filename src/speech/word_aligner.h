#pragma once
// Known text + audio -> word times: the words a user gives (their transcript or captions) keep
// their form and get the times where they are spoken.
//
// Method: each written word becomes the words it is said as (digits spelled out, hyphenated
// words split). The embedded recogniser decodes the audio freely; its words are matched to
// those (long_text_matching.h) and each one it heard as written takes its time (an anchor).
// Each run of words between two anchors is decoded again, with the two anchors, over their
// audio with a grammar that allows only that sequence (forced alignment,
// pocketsphinx_decoder.h; a word the dictionary lacks is the model's spoken-noise unit). What
// that cannot time (a run the grammar does not reach the end of) is spread over the gap by
// letter count. Caption cue times bound the words inside them.
// Cost: one free recognition plus the gaps again; memory linear in the words.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "speech/pocketsphinx_transcriber.h"
#include "speech/transcriber.h"

namespace clipgen::speech {

struct TextWord {
  std::string text;        // as written: casing and punctuation kept
  double cue_start = -1;   // seconds: the caption cue that holds the word, when known (< 0: none)
  double cue_end = -1;
};

struct Alignment {
  Transcript transcript;     // one word per TextWord, in order, in its written form
  // Shares of the spoken words ("1984" is three): heard as written by the free recognition
  // (anchors), and timed from the audio (anchors and forced alignment; the rest were spread).
  double heard_share = 0;
  double aligned_share = 0;
};

// Below this share of spoken words heard, the text is taken for another recording's.
inline constexpr double kMinHeardShare = 0.2;

class WordAligner {
 public:
  explicit WordAligner(PocketsphinxOptions options);
  ~WordAligner();
  WordAligner(const WordAligner&) = delete;
  WordAligner& operator=(const WordAligner&) = delete;
  // English text only (the recogniser's model). Throws std::invalid_argument when `text` is
  // empty or fewer than kMinHeardShare of its words are heard in the audio (naming the share),
  // std::runtime_error when the engine fails. `progress` as Transcriber::transcribe.
  Alignment align(const SpeechAudio& audio, const std::vector<TextWord>& text,
                  const std::function<void(double)>& progress);

  // Times `text`, known to be said in this order in `samples` (16 kHz mono; sample 0 is
  // `offset` s into the recording), by forced alignment alone: no free recognition, so a few
  // seconds of audio around a corrected run are enough. One Word per TextWord, in its written
  // form; nullopt when the decoder does not reach the sequence's end (the words are not all in
  // that audio) or a word cannot be said with the dictionary (as the model's spoken-noise unit
  // it takes any 30 ms, and the word after it takes its sound). Calls share one decoder.
  // Throws std::runtime_error when the engine fails.
  std::optional<std::vector<Word>> align_known(std::span<const std::int16_t> samples, double offset,
                                               const std::vector<TextWord>& text);

 private:
  struct KnownTextDecoder;
  PocketsphinxOptions options_;
  std::unique_ptr<KnownTextDecoder> known_;  // align_known's, made on its first call
};

}  // namespace clipgen::speech
