#include "api/router.h"

#include <algorithm>
#include <iterator>
#include <string_view>

#include "api/request_context.h"

namespace clipgen::api {
namespace {

struct Placeholder {
  std::string_view name;
  std::string_view group;
};
constexpr Placeholder kPlaceholders[] = {
    {"{id}", "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"},
    // Signed tokens (upload ids): base64url and a hex MAC around a '.', nothing that could
    // leave the path segment.
    {"{token}", "([A-Za-z0-9_-]+\\.[0-9a-f]{64})"},
};

// The handler, first noting the route's pattern for the access log and metrics.
template <typename Handler>
Handler labelled(const std::string& pattern, Handler handler) {
  return [pattern, handler = std::move(handler)](auto&&... args) {
    current_request().route = pattern;
    handler(std::forward<decltype(args)>(args)...);
  };
}

}  // namespace

std::string Router::to_regex(const std::string& pattern) {
  std::string regex;
  for (std::size_t i = 0; i < pattern.size();) {
    const auto placeholder = std::find_if(std::begin(kPlaceholders), std::end(kPlaceholders),
                                          [&](const Placeholder& p) { return pattern.compare(i, p.name.size(), p.name) == 0; });
    if (placeholder != std::end(kPlaceholders)) {
      regex += placeholder->group;
      i += placeholder->name.size();
      continue;
    }
    const char c = pattern[i++];
    if (std::string_view(".^$|()[]{}*+?\\").find(c) != std::string_view::npos) regex += '\\';
    regex += c;
  }
  return regex;
}

void Router::get(const std::string& pattern, Handler handler) {
  server_.Get(to_regex(pattern), labelled(pattern, std::move(handler)));
}

void Router::post(const std::string& pattern, BodyHandler handler) {
  server_.Post(to_regex(pattern), labelled(pattern, std::move(handler)));
}

void Router::get_prefix(const std::string& prefix, Handler handler) {
  server_.Get(to_regex(prefix) + ".+", labelled(prefix + "*", std::move(handler)));
}

void Router::del(const std::string& pattern, Handler handler) {
  server_.Delete(to_regex(pattern), labelled(pattern, std::move(handler)));
}

}  // namespace clipgen::api
