#include "api/authenticate.h"

#include "api/http_error.h"
#include "api/session_cookie.h"
#include "db/session_repository.h"

namespace clipgen::api {

SignedIn authenticate(const http::Request& req, ApiContext& context, bool allow_query_token) {
  constexpr std::string_view kScheme = "Bearer ";
  std::string token;
  const std::string header = req.header("Authorization");
  if (header.size() > kScheme.size() && header.compare(0, kScheme.size(), kScheme) == 0) {
    token = header.substr(kScheme.size());
  } else if (const auto query = allow_query_token ? req.query_param("access_token") : std::nullopt; query) {
    token = *query;
  } else if (token = cookie_token(req.header("Cookie")); !token.empty()) {
    // The browser sends the cookie with any request to us; only the app's own pages may change things with it.
    const bool safe = req.method == "GET" || req.method == "HEAD";
    if (!safe && !same_origin(req.header("Origin"), req.header("Host")))
      throw HttpError(403, "cross_origin", "a request signed in by cookie must come from this site's own pages");
  }
  if (token.empty()) throw unauthorized("sign in first: send \"Authorization: Bearer <token>\"");
  auth::TokenClaims claims;
  try {
    claims = context.tokens.verify(token, auth::Clock::now());
  } catch (const auth::InvalidToken& e) {
    throw unauthorized(std::string("invalid token: ") + e.what());
  }
  if (!db::SessionRepository(context.db).active(claims.session_id, claims.user_id, db::now()))
    throw unauthorized("this session has ended (logged out, password changed or account deleted): sign in again");
  return {claims.user_id, claims.session_id};
}

}  // namespace clipgen::api
