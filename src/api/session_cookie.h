#pragma once
// The web app's session: the access token in an HttpOnly cookie, so no script on the page (an
// injected one included) can read it, and SameSite=Strict, so other sites' pages cannot send
// it. API clients keep sending "Authorization: Bearer"; both name the same session row.
// Requests that change something and are authenticated by the cookie must also come from the
// app's own origin (their Origin header names the host they were sent to). Pure.
#include <chrono>
#include <string>
#include <string_view>

namespace clipgen::api {

inline constexpr std::string_view kSessionCookie = "clipgen_session";

// A Set-Cookie value holding `token` for `max_age`; `secure` (the request came over HTTPS)
// adds Secure.
std::string session_cookie(std::string_view token, std::chrono::seconds max_age, bool secure);
// A Set-Cookie value that makes the browser forget the session.
std::string expired_session_cookie(bool secure);

// The session token in a Cookie request header, or empty when it holds none.
std::string cookie_token(std::string_view cookie_header);

// True when `origin` (an Origin header, "https://clips.example:8443") names the same host and
// port as `host` (the Host header the request was sent with).
bool same_origin(std::string_view origin, std::string_view host);

}  // namespace clipgen::api
