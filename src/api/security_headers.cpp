#include "api/security_headers.h"

#include <fmt/format.h>

#include "api/media_links.h"

namespace clipgen::api {

std::string page_content_security_policy(const std::string& storage_origin) {
  const std::string storage = storage_origin.empty() ? "" : " " + storage_origin;
  return fmt::format(
      "default-src 'self'; script-src 'self'; style-src 'self'; font-src 'self'; img-src 'self' data: blob:{0}; "
      "media-src 'self' blob:{0}; connect-src 'self'{0}; object-src 'none'; base-uri 'none'; form-action 'self'; "
      "frame-ancestors 'none'",
      storage);
}

ResponseKind response_kind(const http::Request& req, const http::Response& res) {
  if (res.status >= 300) return ResponseKind::api;
  if (req.route == "web")
    return res.headers.get("Content-Type").starts_with("text/html") ? ResponseKind::page : ResponseKind::asset;
  if (req.path.starts_with(kFilesPrefix)) return ResponseKind::file;
  return ResponseKind::api;
}

HeaderList security_headers(ResponseKind kind, const std::string& storage_origin) {
  HeaderList headers = {{"X-Content-Type-Options", "nosniff"}, {"Referrer-Policy", "no-referrer"}};
  switch (kind) {
    case ResponseKind::api:
      headers.emplace_back("Cache-Control", "no-store");
      headers.emplace_back("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
      break;
    case ResponseKind::page:
      headers.emplace_back("Content-Security-Policy", page_content_security_policy(storage_origin));
      headers.emplace_back("X-Frame-Options", "DENY");
      break;
    case ResponseKind::asset:
      break;
    case ResponseKind::file:
      // Served with its own type; should a browser open it as a document, it can run nothing.
      headers.emplace_back("Content-Security-Policy", "default-src 'none'; sandbox");
      break;
  }
  return headers;
}

std::string origin_of(const std::string& url) {
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string::npos) return {};
  const auto authority_end = url.find_first_of("/?#", scheme_end + 3);
  return url.substr(0, authority_end);
}

}  // namespace clipgen::api
