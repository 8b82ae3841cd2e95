#pragma once
// The one HMAC-SHA256 the API signs its own links and tokens with. Pure.
#include <string>
#include <string_view>

namespace clipgen::api {

// HMAC-SHA256 of `message` keyed with `secret`, as lowercase hex. Callers start the message
// with a purpose of their own ("clipgen-file\n", "clipgen-upload\n") so that a MAC made for
// one use can never be replayed as another.
std::string hmac_sha256_hex(std::string_view secret, std::string_view message);

// Equal strings, compared in constant time (the length is not secret).
bool same_signature(std::string_view a, std::string_view b);

}  // namespace clipgen::api
