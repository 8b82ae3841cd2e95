#pragma once
// What a new password may be: long enough (counted in characters, not bytes), not only white
// space, and not one of the commonly used or easily guessed ones, which Debian's cracklib
// (libcrack2 with the cracklib-runtime dictionaries) judges: dictionary words and their
// variants, too few different characters, keyboard runs, the account's own name.
#include <optional>
#include <string>
#include <string_view>

namespace clipgen::auth {

class PasswordPolicy {
 public:
  // Throws std::runtime_error when cracklib's dictionary at `dictionary` (a path without the
  // .pwd/.pwi/.hwm suffixes) cannot be read. Empty: cracklib's compiled-in default.
  explicit PasswordPolicy(std::string dictionary = {});

  // A sentence a user can act on when `password` may not be used by the account `email`, or
  // nullopt when it is fine. Thread-safe (cracklib itself is not: calls are serialised).
  std::optional<std::string> problem(std::string_view password, std::string_view email) const;

 private:
  std::string dictionary_;
};

}  // namespace clipgen::auth
