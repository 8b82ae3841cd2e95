#include "api/session_cookie.h"

#include <fmt/format.h>

namespace clipgen::api {

std::string session_cookie(std::string_view token, std::chrono::seconds max_age, bool secure) {
  return fmt::format("{}={}; Path=/api; Max-Age={}; HttpOnly; SameSite=Strict{}", kSessionCookie, token,
                     max_age.count(), secure ? "; Secure" : "");
}

std::string expired_session_cookie(bool secure) { return session_cookie("", std::chrono::seconds(0), secure); }

std::string cookie_token(std::string_view header) {
  // "a=1; clipgen_session=<token>; b=2"
  while (!header.empty()) {
    const auto end = header.find(';');
    auto pair = header.substr(0, end);
    while (pair.starts_with(' ')) pair.remove_prefix(1);
    const auto equals = pair.find('=');
    if (equals != std::string_view::npos && pair.substr(0, equals) == kSessionCookie) return std::string(pair.substr(equals + 1));
    if (end == std::string_view::npos) break;
    header.remove_prefix(end + 1);
  }
  return {};
}

bool same_origin(std::string_view origin, std::string_view host) {
  const auto scheme_end = origin.find("://");
  if (scheme_end == std::string_view::npos || host.empty()) return false;
  const auto authority = origin.substr(scheme_end + 3);
  if (authority == host) return true;
  // A default port may be left out of one of them.
  const auto scheme = origin.substr(0, scheme_end);
  const std::string_view default_port = scheme == "https" ? ":443" : scheme == "http" ? ":80" : "";
  return !default_port.empty() && (std::string(authority) + std::string(default_port) == host ||
                                   std::string(host) + std::string(default_port) == authority);
}

}  // namespace clipgen::api
