// Emails, passwords and names as clients send them (any bytes): normalised addresses are
// stable (normalising one again changes nothing) and valid UTF-8; display names are valid
// UTF-8 and bounded.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "auth/credentials.h"
#include "text/display_text.h"
#include "text/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  if (const auto email = clipgen::auth::normalize_email(input)) {
    if (!clipgen::text::is_valid_utf8(*email)) std::abort();
    if (clipgen::auth::normalize_email(*email) != email) std::abort();
  }
  clipgen::auth::password_problem(input);
  const auto name = clipgen::text::display_text(input, 255);
  if (!clipgen::text::is_valid_utf8(name) || clipgen::text::code_points(name) > 255) std::abort();
  return 0;
}
