#pragma once
// The rules for what a user registers and signs in with. Pure.
#include <optional>
#include <string>
#include <string_view>

namespace clipgen::auth {

inline constexpr std::size_t kMinPasswordLength = 8;     // characters (code points)
inline constexpr std::size_t kMaxPasswordLength = 1024;  // bytes: bounds hashing work per request

// An email address checked and put in the one form accounts are stored and looked up under, so
// that lookalikes cannot make a second account: trimmed, NFKC + case folded (fullwidth letters,
// ligatures and capitals become their plain lowercase forms). Refused, with the reason:
// anything but one '@' between a non-empty local part and a dotted domain; spaces, control
// characters and <>,;"; invisible format characters (zero-width space, bidi controls, soft
// hyphen); a local part or domain label mixing scripts beyond what UTS #39's "highly
// restrictive" level allows (a Cyrillic 'а' among Latin letters); over 254 bytes.
struct EmailCheck {
  std::optional<std::string> email;  // the normalised address, when acceptable
  std::string problem;               // why not, otherwise
};
EmailCheck check_email(std::string_view email);

// check_email's address, or nullopt when it was refused.
std::optional<std::string> normalize_email(std::string_view email);

// A sentence a user can act on when the password breaks a basic rule (length in characters,
// only white space), or nullopt when it is fine. PasswordPolicy adds cracklib's judgement.
std::optional<std::string> password_problem(std::string_view password);

}  // namespace clipgen::auth
