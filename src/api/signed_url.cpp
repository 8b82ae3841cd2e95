#include "api/signed_url.h"

#include <fmt/format.h>

#include "api/hmac_hex.h"

namespace clipgen::api {

std::string sign_path(std::string_view path, std::int64_t expires, std::string_view secret) {
  // A prefix of its own keeps these MACs apart from anything else keyed with SECRET_KEY.
  return hmac_sha256_hex(secret, fmt::format("clipgen-file\n{}\n{}", path, expires));
}

std::string signed_url(std::string_view path, std::int64_t expires, std::string_view secret) {
  return fmt::format("{}?expires={}&signature={}", path, expires, sign_path(path, expires, secret));
}

SignatureCheck check_signature(const SignedUrl& url, std::int64_t now, std::string_view secret) {
  const std::string expected = sign_path(url.path, url.expires, secret);
  if (!same_signature(url.signature, expected)) return SignatureCheck::invalid;
  return now > url.expires ? SignatureCheck::expired : SignatureCheck::valid;
}

}  // namespace clipgen::api
