#pragma once
// Digits as they are said, for matching written text to speech ("1984" -> "nineteen eighty
// four", "21st" -> "twenty first"). English, the embedded recogniser's language. Pure.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clipgen::speech {

// The words of a written number: digits ("42", "1,000" once normalised to "1000"), optionally
// with an ordinal suffix ("3rd", "21st"). Four-digit numbers from 1100 to 1999 and 2010 to 2099
// are read as years. nullopt when `token` is not such a number or has more than nine digits.
std::optional<std::vector<std::string>> spoken_number(std::string_view token);

}  // namespace clipgen::speech
