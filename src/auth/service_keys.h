#pragma once
// The keys the service signs with, all from SECRET_KEY: one per purpose, derived with
// HKDF-SHA256 (RFC 5869, OpenSSL's implementation), so that a MAC made for one use can never be
// accepted as another and no key is the raw secret. And the check that refuses a SECRET_KEY too
// predictable to sign anything.
#include <optional>
#include <string>
#include <string_view>

namespace clipgen::auth {

inline constexpr std::size_t kMinSecretKeyLength = 32;

struct ServiceKeys {
  std::string tokens;   // access tokens (JWT HS256)
  std::string links;    // signed /files links
  std::string uploads;  // direct-upload ids
};

// 32-byte keys: HKDF-SHA256 with `secret` as input keying material, no salt, and the info
// strings "clipgen access tokens", "clipgen file links", "clipgen upload ids".
ServiceKeys derive_service_keys(std::string_view secret);

// HKDF-SHA256 (RFC 5869) of `key_material` with `salt` and `info`, `length` bytes.
std::string hkdf_sha256(std::string_view key_material, std::string_view salt, std::string_view info,
                        std::size_t length);

// Why `secret` is unfit, or nullopt. Refused: under 32 characters; white space at either end;
// a shorter string repeated; mostly consecutive characters ("abcdef..."); under 100 bits by an
// estimate from its characters (length x the Shannon entropy of its character counts, which
// catches one character repeated, a word, a small alphabet). Random keys pass: 32 hex digits
// (`openssl rand -hex 16`) estimate at about 117 bits, `openssl rand -hex 32` at about 240.
std::optional<std::string> secret_key_problem(std::string_view secret);

}  // namespace clipgen::auth
