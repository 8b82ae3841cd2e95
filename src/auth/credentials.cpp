#include "auth/credentials.h"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>

namespace clipgen::auth {
namespace {

constexpr std::size_t kMaxEmailLength = 254;  // RFC 5321 path limit

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

bool valid_domain(std::string_view domain) {
  if (domain.empty() || domain.find('.') == std::string_view::npos) return false;
  if (domain.front() == '.' || domain.back() == '.' || domain.find("..") != std::string_view::npos) return false;
  return std::all_of(domain.begin(), domain.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '.' ||
           static_cast<unsigned char>(c) >= 0x80;  // internationalized domains, UTF-8
  });
}

}  // namespace

std::optional<std::string> normalize_email(std::string_view email) {
  email = trim(email);
  if (email.empty() || email.size() > kMaxEmailLength) return std::nullopt;
  const bool bad_char = std::any_of(email.begin(), email.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7f || is_space(c) || c == '<' || c == '>' || c == ',' || c == ';' || c == '"';
  });
  if (bad_char) return std::nullopt;
  const auto at = email.find('@');
  if (at == 0 || at == std::string_view::npos || email.find('@', at + 1) != std::string_view::npos) return std::nullopt;
  if (!valid_domain(email.substr(at + 1))) return std::nullopt;
  std::string lowered(email);
  std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                 [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
  return lowered;
}

std::optional<std::string> password_problem(std::string_view password) {
  if (password.size() < kMinPasswordLength)
    return fmt::format("the password must be at least {} characters long", kMinPasswordLength);
  if (password.size() > kMaxPasswordLength)
    return fmt::format("the password must be at most {} characters long", kMaxPasswordLength);
  return std::nullopt;
}

}  // namespace clipgen::auth
