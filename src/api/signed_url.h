#pragma once
// Expiring links to locally stored files: an HMAC-SHA256 (keyed with SECRET_KEY) over the
// path and the expiry time, so a link can be handed to a browser's <video> or <img> tag
// without a bearer token and stops working when it expires or is altered. Pure.
#include <cstdint>
#include <string>
#include <string_view>

namespace clipgen::api {

struct SignedUrl {
  std::string path;          // e.g. /files/users/<uid>/videos/<vid>/clips/<cid>.mp4
  std::int64_t expires = 0;  // unix seconds
  std::string signature;     // lowercase hex
};

std::string sign_path(std::string_view path, std::int64_t expires, std::string_view secret);

// "<path>?expires=<unix>&signature=<hex>"
std::string signed_url(std::string_view path, std::int64_t expires, std::string_view secret);

enum class SignatureCheck { valid, expired, invalid };

// Invalid when the signature does not match (compared in constant time); expired when it
// matches but `now` is past the expiry.
SignatureCheck check_signature(const SignedUrl& url, std::int64_t now, std::string_view secret);

}  // namespace clipgen::api
