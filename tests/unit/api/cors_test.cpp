#include "api/cors.h"

#include <gtest/gtest.h>

using namespace clipgen::api;

TEST(Cors, OnlyListedOriginsAreAllowed) {
  const auto allowed = parse_origins(" https://a.example/, http://localhost:5173 ,,");
  ASSERT_EQ(allowed, (std::vector<std::string>{"https://a.example", "http://localhost:5173"}));
  EXPECT_EQ(allowed_origin(allowed, "https://a.example"), "https://a.example");
  EXPECT_EQ(allowed_origin(allowed, "http://localhost:5173"), "http://localhost:5173");
  EXPECT_FALSE(allowed_origin(allowed, "https://b.example"));
  EXPECT_FALSE(allowed_origin(allowed, "https://a.example.evil"));
  EXPECT_FALSE(allowed_origin(allowed, ""));
}

TEST(Cors, AStarAllowsAnyOrigin) {
  EXPECT_EQ(allowed_origin(parse_origins("*"), "https://b.example"), "*");
  EXPECT_FALSE(allowed_origin(parse_origins(""), "https://b.example"));
}
