#pragma once
// A request as routes see it: framework-free, so no route depends on the HTTP library under the
// server (src/http/server.cpp). The server fills it from the request line and header before
// routing; Request::body holds a buffered route's body, read in full (within the route's limit)
// before its handler runs.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/headers.h"

namespace clipgen::http {

struct Request {
  std::string method;  // as sent: "GET", "POST", ...
  std::string target;  // as sent: path and query, e.g. "/files/a.mp4?expires=1&signature=ab"
  std::string path;    // the target's path, percent-decoded
  std::vector<std::pair<std::string, std::string>> query;  // decoded name=value pairs, in order
  Headers headers;
  int version = 11;  // 10 for HTTP/1.0, 11 for HTTP/1.1
  std::string remote_address;  // the client's IP address
  std::chrono::steady_clock::time_point started;  // when the request's first byte arrived

  std::string id;                         // X-Request-Id, set by the server's begin hook
  std::string route = "unmatched";        // the matched route's label, for logs and metrics
  std::vector<std::string> path_params;   // what the route pattern's placeholders matched, in order
  std::string remote_user;                // who the route's guard authenticated; "" on public routes
  std::string remote_session;             // the sign-in session the guard found; "" on public routes
  std::string body;                       // buffered routes: the whole body

  std::string header(std::string_view name) const { return headers.get(name); }
  // The first query parameter named `name`.
  std::optional<std::string> query_param(std::string_view name) const {
    for (const auto& [key, value] : query) {
      if (key == name) return value;
    }
    return std::nullopt;
  }
};

}  // namespace clipgen::http
