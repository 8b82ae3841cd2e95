#include "http/route_table.h"

#include <stdexcept>

namespace clipgen::http {

void RouteTable::add(Route route) {
  if (!route.handler == !route.stream)
    throw std::invalid_argument("route " + route.pattern + " needs a handler or a stream handler, not both");
  if (!route.blocking && (route.guard || route.stream || route.max_body_bytes > 0))
    throw std::invalid_argument("route " + route.pattern + " runs on the I/O thread: it cannot have a guard or a body");
  if (route.label.empty()) route.label = route.pattern;
  PathPattern pattern(route.pattern);
  routes_.emplace_back(std::move(pattern), std::move(route));
}

std::optional<RouteTable::Match> RouteTable::match(std::string_view method, std::string_view path) const {
  const std::string_view wanted = method == "HEAD" ? "GET" : method;
  for (const auto& [pattern, route] : routes_) {
    if (route.method != wanted) continue;
    if (auto params = pattern.match(path)) return Match{&route, std::move(*params)};
  }
  return std::nullopt;
}

}  // namespace clipgen::http
