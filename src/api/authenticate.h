#pragma once
// The sign-in check every /api route but register and login goes through (the router runs it as
// the route's guard, before any byte of the body is read).
#include <string>

#include "api/api_context.h"
#include "http/request.h"

namespace clipgen::api {

struct SignedIn {
  std::string user_id;
  std::string session_id;
};

// Who sent "Authorization: Bearer <token>". Throws HttpError 401 when the header is missing,
// the token is malformed, forged, of another algorithm or expired, or its session has ended
// (logged out, password changed, account deleted). With `allow_query_token`, an `access_token`
// query parameter also counts: browsers' EventSource cannot send headers. Without either, the
// web app's session cookie counts (api/session_cookie.h); a request that is not GET or HEAD is
// then refused with 403 unless its Origin is this site.
SignedIn authenticate(const http::Request& req, ApiContext& context, bool allow_query_token = false);

}  // namespace clipgen::api
