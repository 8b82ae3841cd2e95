#include "api/authenticate.h"

#include "api/http_error.h"
#include "api/session_cookie.h"
#include "db/session_repository.h"

namespace clipgen::api {

SignedIn authenticate_session(const httplib::Request& req, ApiContext& context, bool allow_query_token) {
  constexpr std::string_view kScheme = "Bearer ";
  std::string token;
  const std::string header = req.get_header_value("Authorization");
  if (header.size() > kScheme.size() && header.compare(0, kScheme.size(), kScheme) == 0) {
    token = header.substr(kScheme.size());
  } else if (allow_query_token && req.has_param("access_token")) {
    token = req.get_param_value("access_token");
  } else if (token = cookie_token(req.get_header_value("Cookie")); !token.empty()) {
    // The browser sends the cookie with any request to us; only the app's own pages may change things with it.
    const bool safe = req.method == "GET" || req.method == "HEAD";
    if (!safe && !same_origin(req.get_header_value("Origin"), req.get_header_value("Host")))
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

std::string authenticate(const httplib::Request& req, ApiContext& context, bool allow_query_token) {
  return authenticate_session(req, context, allow_query_token).user_id;
}

}  // namespace clipgen::api
