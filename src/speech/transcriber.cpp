#include "speech/transcriber.h"

#include <algorithm>

namespace clipgen::speech {

Transcript Transcriber::transcribe(const SpeechAudio& audio, const std::string& language,
                                   const std::function<void(double)>& progress) {
  Transcript transcript = recognise(audio, language, progress);
  transcript.words = words_in_speech(std::move(transcript.words), audio.speech);
  return transcript;
}

std::vector<Word> words_in_speech(std::vector<Word> words, const std::vector<SpeechSpan>& spans) {
  // Both lists are in time order: one pass.
  auto span = spans.begin();
  std::erase_if(words, [&](const Word& w) {
    const double middle = (w.start + w.end) / 2;
    while (span != spans.end() && span->end < middle) ++span;
    return span == spans.end() || middle < span->start;
  });
  return words;
}

}  // namespace clipgen::speech
