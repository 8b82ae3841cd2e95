#include "llm/prompt_windows.h"

namespace clipgen::llm {

std::size_t prompt_line_chars(const speech::Transcript& transcript, const analysis::Sentence& sentence) {
  std::size_t chars = 20;  // "[1234.56-1290.12] " and the newline
  for (std::size_t i = sentence.first; i <= sentence.last; ++i) chars += transcript.words[i].text.size() + 1;
  return chars;
}

std::vector<PromptWindow> split_windows(const speech::Transcript& transcript,
                                        const std::vector<analysis::Sentence>& sentences, std::size_t max_chars,
                                        double overlap_seconds) {
  std::vector<PromptWindow> windows;
  std::size_t first = 0;
  while (first < sentences.size()) {
    std::size_t last = first;
    std::size_t chars = prompt_line_chars(transcript, sentences[first]);
    while (last + 1 < sentences.size() && chars + prompt_line_chars(transcript, sentences[last + 1]) <= max_chars)
      chars += prompt_line_chars(transcript, sentences[++last]);
    windows.push_back({first, last});
    if (last + 1 >= sentences.size()) break;
    // The next window starts overlap_seconds before this one ends, but always moves forward.
    std::size_t next = last + 1;
    while (next > first + 1 && sentences[last].end - sentences[next - 1].start <= overlap_seconds) --next;
    first = next;
  }
  return windows;
}

}  // namespace clipgen::llm
