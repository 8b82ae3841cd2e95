#include "speech/transcriber.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <stdexcept>

namespace clipgen::speech {

Transcript Transcriber::transcribe(const SpeechAudio& audio, const std::string& language,
                                   const std::function<void(double)>& progress) {
  Transcript transcript = recognise(audio, language, progress);
  if (!words_are_given()) transcript.words = words_in_speech(std::move(transcript.words), audio.speech);
  return transcript;
}

Transcript transcribe_or_fall_back(const std::string& engine, Transcriber* fallback,
                                   const std::function<Transcript(const std::function<void(double)>&)>& attempt,
                                   const SpeechAudio& audio, const std::string& language,
                                   const std::function<void(double)>& progress) {
  std::exception_ptr from_progress;
  const std::function<void(double)> reporting = [&](double fraction) {
    if (!progress) return;
    try {
      progress(fraction);
    } catch (...) {
      from_progress = std::current_exception();
      throw;
    }
  };
  try {
    return attempt(reporting);
  } catch (const std::exception& e) {
    if (from_progress) std::rethrow_exception(from_progress);
    if (!fallback) throw std::runtime_error(fmt::format("{} failed: {}", engine, e.what()));
    spdlog::warn("{} failed ({}); transcribing with {} instead", engine, e.what(), fallback->name());
    return fallback->transcribe(audio, language, progress);
  }
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
