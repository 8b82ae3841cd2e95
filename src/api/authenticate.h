#pragma once
// The bearer token check every /api route but register and login goes through (the router runs
// it as the route's guard, before any byte of the body is read).
#include <string>

#include "auth/token.h"
#include "http/request.h"

namespace clipgen::api {

// The user id from "Authorization: Bearer <token>". Throws HttpError 401 when the header is
// missing or the token is malformed, forged, of another algorithm or expired. With
// `allow_query_token`, an `access_token` query parameter also counts: browsers' EventSource
// cannot send headers.
std::string authenticate(const http::Request& req, const auth::TokenIssuer& tokens, bool allow_query_token = false);

}  // namespace clipgen::api
