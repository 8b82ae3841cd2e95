#include "http/headers.h"

#include <gtest/gtest.h>

using clipgen::http::Headers;

TEST(Headers, NamesIgnoreCaseAndKeepTheirOrder) {
  Headers headers;
  headers.add("Content-Type", "text/plain");
  headers.add("X-A", "1");
  headers.add("x-a", "2");
  EXPECT_EQ(headers.get("content-type"), "text/plain");
  EXPECT_EQ(headers.get("X-A"), "1");
  EXPECT_EQ(headers.count("X-a"), 2u);
  EXPECT_EQ(headers.get("missing"), "");
  EXPECT_FALSE(headers.find("missing"));
  headers.set("X-A", "3");
  EXPECT_EQ(headers.count("x-a"), 1u);
  EXPECT_EQ(headers.get("x-a"), "3");
  headers.erase("CONTENT-TYPE");
  EXPECT_FALSE(headers.has("Content-Type"));
  EXPECT_EQ(headers.size(), 1u);
}
