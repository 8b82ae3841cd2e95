#pragma once
// Access tokens: HS256 JWTs (libjwt) carrying the user id ("sub"), the session it belongs to
// ("sid": a row the server can delete, which is how a token is revoked), issued-at and expiry.
// Verification insists on alg HS256 and an unexpired "exp" itself, since libjwt accepts
// alg=none and does not look at exp.
#include <chrono>
#include <stdexcept>
#include <string>
#include <string_view>

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
  // still exists is the caller's to check.
  TokenClaims verify(std::string_view token, Clock::time_point now) const;

 private:
  std::string secret_;
  std::chrono::seconds lifetime_;
};

}  // namespace clipgen::auth
