#include "speech/word_cleanup.h"

namespace clipgen::speech {

std::optional<std::string> clean_word(std::string_view token) {
  if (token.empty()) return std::nullopt;
  const char first = token.front();
  if (first == '<' || first == '[' || first == '+') return std::nullopt;  // <sil>, [NOISE], ++UM++
  if (token.back() == ')') {
    const auto open = token.rfind('(');
    if (open != std::string_view::npos && open > 0) token = token.substr(0, open);
  }
  if (token.empty()) return std::nullopt;
  return std::string(token);
}

}  // namespace clipgen::speech
