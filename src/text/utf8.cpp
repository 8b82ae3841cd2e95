#include "text/utf8.h"

#include <unicode/utf8.h>

namespace clipgen::text {
namespace {

// Calls `visit(start, end, code_point)` for each code point (negative when ill-formed).
template <typename Visit>
void for_each_code_point(std::string_view bytes, Visit visit) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(bytes.data());
  const auto length = static_cast<std::int32_t>(bytes.size());
  std::int32_t i = 0;
  while (i < length) {
    const std::int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    if (!visit(static_cast<std::size_t>(start), static_cast<std::size_t>(i), c)) return;
  }
}

}  // namespace

bool is_valid_utf8(std::string_view bytes) {
  bool valid = true;
  for_each_code_point(bytes, [&](std::size_t, std::size_t, UChar32 c) { return valid = c >= 0; });
  return valid;
}

std::string repair_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  for_each_code_point(bytes, [&](std::size_t start, std::size_t end, UChar32 c) {
    if (c >= 0) {
      out.append(bytes.substr(start, end - start));
    } else {
      out.append("\xEF\xBF\xBD");  // U+FFFD REPLACEMENT CHARACTER
    }
    return true;
  });
  return out;
}

std::size_t code_points(std::string_view bytes) {
  std::size_t count = 0;
  for_each_code_point(bytes, [&](std::size_t, std::size_t, UChar32) { return ++count, true; });
  return count;
}

std::string_view first_code_points(std::string_view bytes, std::size_t limit) {
  std::size_t count = 0;
  std::size_t end = 0;
  for_each_code_point(bytes, [&](std::size_t, std::size_t next, UChar32) {
    if (count == limit) return false;
    ++count;
    end = next;
    return true;
  });
  return bytes.substr(0, end);
}

}  // namespace clipgen::text
