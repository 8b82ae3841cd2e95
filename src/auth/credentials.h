#pragma once
// The rules for what a user registers with. Pure.
#include <optional>
#include <string>
#include <string_view>

namespace clipgen::auth {

inline constexpr std::size_t kMinPasswordLength = 8;
inline constexpr std::size_t kMaxPasswordLength = 1024;  // bounds hashing work per request

// The address trimmed and lowercased, or nullopt when it is not a plausible email
// (one '@', a non-empty local part, a dotted domain, no spaces or control characters, at most
// 254 characters).
std::optional<std::string> normalize_email(std::string_view email);

// A sentence a user can act on when the password breaks a rule, or nullopt when it is fine.
std::optional<std::string> password_problem(std::string_view password);

}  // namespace clipgen::auth
