#include "speech/aligned_transcriber.h"

#include <spdlog/spdlog.h>

#include <stdexcept>

namespace clipgen::speech {

AlignedTranscriber::AlignedTranscriber(std::vector<TextWord> text, PocketsphinxOptions options)
    : text_(std::move(text)), options_(std::move(options)) {}

Transcript AlignedTranscriber::recognise(const SpeechAudio& audio, const std::string& language,
                                         const std::function<void(double)>& progress) {
  if (language != "en" && language.rfind("en-", 0) != 0)
    throw std::invalid_argument("a transcript can be aligned to English speech only (language '" + language + "')");
  WordAligner aligner(options_);
  auto alignment = aligner.align(audio, text_, progress);
  spdlog::info("transcript: {} words, {:.0f}% heard by the recogniser, {:.0f}% timed from the audio",
               alignment.transcript.words.size(), 100 * alignment.heard_share, 100 * alignment.aligned_share);
  alignment.transcript.engine = name();
  return alignment.transcript;
}

}  // namespace clipgen::speech
