#pragma once
// Byte ranges of a Range request (RFC 9110, section 14) against a file: which requests must be
// answered 416, since httplib clamps ranges it cannot satisfy instead of refusing them. Pure.
#include <httplib.h>

#include <cstdint>

namespace clipgen::api {

// False when any of `ranges` (as httplib parsed them: {first, last}, -1 for an absent end;
// {-1, n} for the last n bytes) starts past the end of a file of `size` bytes, asks for no
// bytes of it, or ends before it starts.
bool ranges_satisfiable(const httplib::Ranges& ranges, std::uintmax_t size);

}  // namespace clipgen::api
