#pragma once
// Access tokens: HS256 JWTs (libjwt) carrying the user id ("sub"), the session it belongs to
// ("sid": a row the server can delete, which is how a token is revoked), issued-at and expiry.
// Verification insists on alg HS256 and an unexpired "exp" itself, since libjwt accepts
// alg=none and does not look at exp.
#include <chrono>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

namespace clipgen::auth {

using Clock = std::chrono::system_clock;

struct IssuedToken {
  std::string token;
  Clock::time_point expires_at;
};

struct TokenClaims {
  std::string user_id;
  std::string session_id;
  Clock::time_point expires_at;
};

// The token is malformed, forged, of another algorithm or expired (the API answers 401).
struct InvalidToken : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class TokenIssuer {
 public:
  // `secret`: the tokens key (ServiceKeys::tokens), at least 32 bytes, else std::invalid_argument.
  explicit TokenIssuer(std::string secret, std::chrono::seconds lifetime = std::chrono::hours(24));

  std::chrono::seconds lifetime() const { return lifetime_; }
  IssuedToken issue(const std::string& user_id, const std::string& session_id, Clock::time_point now) const;
  // Throws InvalidToken saying why (a token without "sid" is invalid). Whether the session
  // still exists is the caller's to check, on every request: that is how a token is revoked.
  // Thread-safe. The tokens verified lately (at most kMaxVerified) are remembered, and when one
  // comes again only its expiry is checked: decoding and checking the signature with libjwt was
  // an eighth of an authenticated request's CPU.
  TokenClaims verify(std::string_view token, Clock::time_point now) const;

  static constexpr std::size_t kMaxVerified = 4096;

 private:
  TokenClaims decode(const std::string& token, Clock::time_point now) const;

  std::string secret_;
  std::chrono::seconds lifetime_;
  // Exact token text -> its claims. A lookup compares a token's bytes only with an entry whose
  // 64-bit hash is the same, so answer times tell nothing about the tokens held.
  mutable std::mutex verified_mutex_;
  mutable std::unordered_map<std::string, TokenClaims> verified_;
};

}  // namespace clipgen::auth
