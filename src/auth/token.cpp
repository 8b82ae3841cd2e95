#include "auth/token.h"

#include <jwt.h>

#include <cerrno>
#include <cstdlib>
#include <memory>

namespace clipgen::auth {
namespace {

constexpr std::size_t kMinSecretBytes = 32;

struct JwtFree {
  void operator()(jwt_t* jwt) const { jwt_free(jwt); }
};
using JwtPtr = std::unique_ptr<jwt_t, JwtFree>;

struct CharFree {
  void operator()(char* text) const { std::free(text); }
};

long to_seconds(Clock::time_point t) {
  return static_cast<long>(std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count());
}

const unsigned char* key_bytes(const std::string& secret) {
  return reinterpret_cast<const unsigned char*>(secret.data());
}

}  // namespace

TokenIssuer::TokenIssuer(std::string secret, std::chrono::seconds lifetime)
    : secret_(std::move(secret)), lifetime_(lifetime) {
  if (secret_.size() < kMinSecretBytes)
    throw std::invalid_argument("the token key must be at least 32 bytes long");
  if (lifetime_ <= std::chrono::seconds(0)) throw std::invalid_argument("a token lifetime must be positive");
}

IssuedToken TokenIssuer::issue(const std::string& user_id, const std::string& session_id, Clock::time_point now) const {
  jwt_t* raw = nullptr;
  if (jwt_new(&raw) != 0) throw std::runtime_error("out of memory while making a token");
  JwtPtr jwt(raw);
  const auto expires_at = std::chrono::time_point_cast<std::chrono::seconds>(now + lifetime_);
  if (jwt_add_grant(jwt.get(), "sub", user_id.c_str()) != 0 || jwt_add_grant(jwt.get(), "sid", session_id.c_str()) != 0 ||
      jwt_add_grant_int(jwt.get(), "iat", to_seconds(now)) != 0 ||
      jwt_add_grant_int(jwt.get(), "exp", to_seconds(expires_at)) != 0 ||
      jwt_set_alg(jwt.get(), JWT_ALG_HS256, key_bytes(secret_), static_cast<int>(secret_.size())) != 0) {
    throw std::runtime_error("cannot build an access token");
  }
  std::unique_ptr<char, CharFree> encoded(jwt_encode_str(jwt.get()));
  if (!encoded) throw std::runtime_error("cannot sign an access token");
  return {encoded.get(), expires_at};
}

TokenClaims TokenIssuer::verify(std::string_view token, Clock::time_point now) const {
  const std::string text(token);
  {
    std::lock_guard lock(verified_mutex_);
    if (const auto known = verified_.find(text); known != verified_.end()) {
      if (to_seconds(known->second.expires_at) <= to_seconds(now)) throw InvalidToken("the token has expired");
      return known->second;
    }
  }
  auto claims = decode(text, now);
  std::lock_guard lock(verified_mutex_);
  if (verified_.size() >= kMaxVerified) verified_.clear();  // bounded; the busy tokens come back at once
  verified_.emplace(text, claims);
  return claims;
}

TokenClaims TokenIssuer::decode(const std::string& text, Clock::time_point now) const {
  jwt_t* raw = nullptr;
  // libjwt checks the signature only when the token's own header names an algorithm other
  // than "none", hence the algorithm check below.
  const int status = jwt_decode(&raw, text.c_str(), key_bytes(secret_), static_cast<int>(secret_.size()));
  JwtPtr jwt(raw);
  if (status != 0 || !jwt) throw InvalidToken("the token is malformed or its signature does not match");
  if (jwt_get_alg(jwt.get()) != JWT_ALG_HS256) throw InvalidToken("the token is not signed with HS256");

  errno = 0;
  const long exp = jwt_get_grant_int(jwt.get(), "exp");
  if (errno != 0) throw InvalidToken("the token has no expiry");
  if (exp <= to_seconds(now)) throw InvalidToken("the token has expired");
  const char* subject = jwt_get_grant(jwt.get(), "sub");
  if (!subject || *subject == '\0') throw InvalidToken("the token names no user");
  const char* session = jwt_get_grant(jwt.get(), "sid");
  if (!session || *session == '\0') throw InvalidToken("the token names no session");
  return {subject, session, Clock::time_point(std::chrono::seconds(exp))};
}

}  // namespace clipgen::auth
