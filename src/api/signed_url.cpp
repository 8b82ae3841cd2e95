#include "api/signed_url.h"

#include <fmt/format.h>
#include <sodium.h>

#include <array>

namespace clipgen::api {

std::string sign_path(std::string_view path, std::int64_t expires, std::string_view secret) {
  // A prefix of its own keeps these MACs apart from anything else keyed with SECRET_KEY.
  const std::string message = fmt::format("clipgen-file\n{}\n{}", path, expires);
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(secret.data()), secret.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(message.data()), message.size());
  std::array<unsigned char, crypto_auth_hmacsha256_BYTES> mac{};
  crypto_auth_hmacsha256_final(&state, mac.data());
  std::array<char, 2 * mac.size() + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), mac.data(), mac.size());
  return hex.data();
}

std::string signed_url(std::string_view path, std::int64_t expires, std::string_view secret) {
  return fmt::format("{}?expires={}&signature={}", path, expires, sign_path(path, expires, secret));
}

SignatureCheck check_signature(const SignedUrl& url, std::int64_t now, std::string_view secret) {
  const std::string expected = sign_path(url.path, url.expires, secret);
  if (url.signature.size() != expected.size() ||
      sodium_memcmp(url.signature.data(), expected.data(), expected.size()) != 0) {
    return SignatureCheck::invalid;
  }
  return now > url.expires ? SignatureCheck::expired : SignatureCheck::valid;
}

}  // namespace clipgen::api
