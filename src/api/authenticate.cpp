#include "api/authenticate.h"

#include "api/http_error.h"

namespace clipgen::api {

std::string authenticate(const http::Request& req, const auth::TokenIssuer& tokens, bool allow_query_token) {
  constexpr std::string_view kScheme = "Bearer ";
  std::string token;
  const std::string header = req.header("Authorization");
  if (header.size() > kScheme.size() && header.compare(0, kScheme.size(), kScheme) == 0) {
    token = header.substr(kScheme.size());
  } else if (allow_query_token) {
    token = req.query_param("access_token").value_or("");
  }
  if (token.empty()) throw unauthorized("sign in first: send \"Authorization: Bearer <token>\"");
  try {
    return tokens.verify(token, auth::Clock::now()).user_id;
  } catch (const auth::InvalidToken& e) {
    throw unauthorized(std::string("invalid token: ") + e.what());
  }
}

}  // namespace clipgen::api
