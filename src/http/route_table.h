#pragma once
// The server's routes in the order added, and which one answers a request: the first whose
// method and pattern match (a GET route also answers HEAD). Pure.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/path_pattern.h"
#include "http/route.h"

namespace clipgen::http {

class RouteTable {
 public:
  // Throws std::invalid_argument for a bad pattern, a route with neither handler nor stream, or
  // a non-blocking route that has a guard, a body or a stream.
  void add(Route route);

  struct Match {
    const Route* route;
    std::vector<std::string> params;
  };
  std::optional<Match> match(std::string_view method, std::string_view path) const;

 private:
  std::vector<std::pair<PathPattern, Route>> routes_;
};

}  // namespace clipgen::http
