#include "api/router.h"

#include "api/authenticate.h"

namespace clipgen::api {

http::Route Router::route(const std::string& method, const std::string& pattern, Access access) const {
  http::Route route{.method = method, .pattern = pattern};
  if (access != Access::anyone) {
    const bool query_token = access == Access::user_or_query_token;
    route.guard = [&context = context_, query_token](http::Request& req) {
      auto signed_in = authenticate(req, context, query_token);
      req.remote_user = std::move(signed_in.user_id);
      req.remote_session = std::move(signed_in.session_id);
    };
  }
  return route;
}

void Router::get(const std::string& pattern, Access access, http::Handler handler) {
  auto r = route("GET", pattern, access);
  r.handler = std::move(handler);
  server_.add(std::move(r));
}

void Router::del(const std::string& pattern, Access access, http::Handler handler) {
  auto r = route("DELETE", pattern, access);
  r.handler = std::move(handler);
  server_.add(std::move(r));
}

void Router::json_route(const std::string& method, const std::string& pattern, Access access, http::Handler handler) {
  auto r = route(method, pattern, access);
  r.max_body_bytes = max_json_bytes_;
  r.handler = std::move(handler);
  server_.add(std::move(r));
}

void Router::post(const std::string& pattern, Access access, http::Handler handler) {
  json_route("POST", pattern, access, std::move(handler));
}

void Router::patch(const std::string& pattern, Access access, http::Handler handler) {
  json_route("PATCH", pattern, access, std::move(handler));
}

void Router::put(const std::string& pattern, Access access, std::uint64_t max_body_bytes, http::Handler handler) {
  auto r = route("PUT", pattern, access);
  r.max_body_bytes = max_body_bytes;
  r.handler = std::move(handler);
  server_.add(std::move(r));
}

void Router::post_stream(const std::string& pattern, Access access, std::uint64_t max_body_bytes,
                         http::StreamHandler handler) {
  auto r = route("POST", pattern, access);
  r.max_body_bytes = max_body_bytes;
  r.stream = std::move(handler);
  server_.add(std::move(r));
}

void Router::get_inline(const std::string& pattern, http::Handler handler) {
  server_.add({.method = "GET", .pattern = pattern, .handler = std::move(handler), .blocking = false});
}

}  // namespace clipgen::api
