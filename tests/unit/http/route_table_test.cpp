#include "http/route_table.h"

#include <gtest/gtest.h>

using clipgen::http::Request;
using clipgen::http::Response;
using clipgen::http::Route;
using clipgen::http::RouteTable;

namespace {

void nothing(const Request&, Response&) {}

TEST(RouteTable, TheFirstMatchingRouteAnswersAndGetAlsoAnswersHead) {
  RouteTable routes;
  routes.add({.method = "GET", .pattern = "/api/videos", .handler = nothing});
  routes.add({.method = "POST", .pattern = "/api/videos", .max_body_bytes = 10, .handler = nothing});
  routes.add({.method = "GET", .pattern = "/*", .label = "web", .handler = nothing});
  EXPECT_EQ(routes.match("GET", "/api/videos")->route->label, "/api/videos");
  EXPECT_EQ(routes.match("HEAD", "/api/videos")->route->method, "GET");
  EXPECT_EQ(routes.match("POST", "/api/videos")->route->max_body_bytes, 10u);
  EXPECT_EQ(routes.match("GET", "/index.html")->route->label, "web");
  EXPECT_FALSE(routes.match("DELETE", "/api/videos"));
  EXPECT_FALSE(routes.match("POST", "/index.html"));
}

TEST(RouteTable, RoutesThatCannotBeServedAreRefused) {
  RouteTable routes;
  EXPECT_THROW(routes.add({.method = "GET", .pattern = "/a"}), std::invalid_argument);
  EXPECT_THROW(routes.add({.method = "GET", .pattern = "/a", .max_body_bytes = 1, .handler = nothing, .blocking = false}),
               std::invalid_argument);
  EXPECT_THROW(routes.add({.method = "GET", .pattern = "/{what}", .handler = nothing}), std::invalid_argument);
}

}  // namespace
