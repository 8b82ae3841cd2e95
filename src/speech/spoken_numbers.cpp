#include "speech/spoken_numbers.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace clipgen::speech {
namespace {

constexpr std::array<const char*, 20> kOnes = {"zero",    "one",     "two",       "three",    "four",
                                               "five",    "six",     "seven",     "eight",    "nine",
                                               "ten",     "eleven",  "twelve",    "thirteen", "fourteen",
                                               "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
constexpr std::array<const char*, 10> kTens = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};

// 1..99
void below_hundred(int n, std::vector<std::string>& out) {
  if (n < 20) {
    out.emplace_back(kOnes[static_cast<std::size_t>(n)]);
    return;
  }
  out.emplace_back(kTens[static_cast<std::size_t>(n / 10)]);
  if (n % 10 != 0) out.emplace_back(kOnes[static_cast<std::size_t>(n % 10)]);
}

// 1..999
void below_thousand(int n, std::vector<std::string>& out) {
  if (n >= 100) {
    out.emplace_back(kOnes[static_cast<std::size_t>(n / 100)]);
    out.emplace_back("hundred");
  }
  if (n % 100 != 0) below_hundred(n % 100, out);
}

std::vector<std::string> cardinal(long n) {
  if (n == 0) return {"zero"};
  std::vector<std::string> out;
  if (n >= 1'000'000) {
    below_thousand(static_cast<int>(n / 1'000'000), out);
    out.emplace_back("million");
  }
  if (n / 1000 % 1000 != 0) {
    below_thousand(static_cast<int>(n / 1000 % 1000), out);
    out.emplace_back("thousand");
  }
  if (n % 1000 != 0) below_thousand(static_cast<int>(n % 1000), out);
  return out;
}

std::vector<std::string> year(int n) {
  std::vector<std::string> out;
  below_hundred(n / 100, out);
  if (n % 100 == 0) {
    out.emplace_back("hundred");
  } else {
    if (n % 100 < 10) out.emplace_back("oh");
    below_hundred(n % 100, out);
  }
  return out;
}

// "one" -> "first", "twenty" -> "twentieth", "nine" -> "ninth".
std::string ordinal_of(const std::string& word) {
  static const std::array<std::pair<const char*, const char*>, 8> irregular = {{{"one", "first"},
                                                                               {"two", "second"},
                                                                               {"three", "third"},
                                                                               {"five", "fifth"},
                                                                               {"eight", "eighth"},
                                                                               {"nine", "ninth"},
                                                                               {"twelve", "twelfth"},
                                                                               {"zero", "zeroth"}}};
  for (const auto& [plain, ordinal] : irregular)
    if (word == plain) return ordinal;
  if (word.back() == 'y') return word.substr(0, word.size() - 1) + "ieth";
  return word + "th";
}

}  // namespace

std::optional<std::vector<std::string>> spoken_number(std::string_view token) {
  std::size_t digits = 0;
  while (digits < token.size() && std::isdigit(static_cast<unsigned char>(token[digits]))) ++digits;
  const std::string_view suffix = token.substr(digits);
  const bool ordinal = suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th";
  if (digits == 0 || digits > 9 || (!suffix.empty() && !ordinal)) return std::nullopt;
  const long n = std::stol(std::string(token.substr(0, digits)));
  const bool as_year = !ordinal && digits == 4 && ((n >= 1100 && n <= 1999) || (n >= 2010 && n <= 2099));
  auto words = as_year ? year(static_cast<int>(n)) : cardinal(n);
  if (ordinal) words.back() = ordinal_of(words.back());
  return words;
}

}  // namespace clipgen::speech
