#pragma once
// Turning a recogniser's token into a word a reader expects. Pure.
#include <optional>
#include <string>
#include <string_view>

namespace clipgen::speech {

// nullopt for non-words (<s>, </s>, <sil>, [NOISE], ++BREATH++, empty); otherwise the word
// without its pronunciation variant: "been(2)" -> "been".
std::optional<std::string> clean_word(std::string_view token);

}  // namespace clipgen::speech
