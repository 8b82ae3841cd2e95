#pragma once
// UTF-8 as it arrives from outside (file names, form fields, old rows): checked, repaired and
// measured in code points with ICU's UTF-8 macros. Pure.
#include <cstddef>
#include <string>
#include <string_view>

namespace clipgen::text {

// True when `bytes` is well-formed UTF-8 (no overlong forms, surrogates or truncated sequences).
bool is_valid_utf8(std::string_view bytes);

// `bytes` with every ill-formed sequence replaced by U+FFFD; well-formed input comes back as is.
std::string repair_utf8(std::string_view bytes);

// How many code points `bytes` holds; an ill-formed sequence counts as one.
std::size_t code_points(std::string_view bytes);

// The longest prefix of `bytes` with at most `limit` code points, never cutting one in half.
std::string_view first_code_points(std::string_view bytes, std::size_t limit);

}  // namespace clipgen::text
