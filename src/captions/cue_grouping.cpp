#include "captions/cue_grouping.h"

#include <string_view>

namespace clipgen::captions {
namespace {

bool ends_phrase(const std::string& text) {
  return !text.empty() && std::string_view(".,!?;:").find(text.back()) != std::string_view::npos;
}

}  // namespace

std::vector<CaptionCue> group_words(const std::vector<speech::Word>& words, const GroupingRules& rules) {
  std::vector<CaptionCue> cues;
  std::size_t chars = 0;
  for (const auto& word : words) {
    if (word.text.empty()) continue;
    bool fresh = cues.empty();
    if (!fresh) {
      const auto& current = cues.back().words;
      fresh = current.size() >= rules.max_words || word.start - current.back().end > rules.max_gap ||
              chars + 1 + word.text.size() > rules.max_chars || ends_phrase(current.back().text) ||
              word.speaker != current.back().speaker;
    }
    if (fresh) {
      cues.push_back({{word}});
      chars = word.text.size();
    } else {
      cues.back().words.push_back(word);
      chars += 1 + word.text.size();
    }
  }
  return cues;
}

}  // namespace clipgen::captions
