#include <gtest/gtest.h>

#include "api/http_error.h"
#include "api/json_io.h"

namespace {

using clipgen::api::HttpError;

int refusal(const std::string& body) {
  clipgen::http::Request req;
  req.body = body;
  try {
    clipgen::api::read_json_body(req);
  } catch (const HttpError& e) {
    return e.status;
  }
  return 0;
}

// nlohmann's parser stops at a NUL byte: `{"title":"a"}\0{...}` read as `{"title":"a"}` while a
// proxy in front may read the rest. No JSON text holds a raw NUL, so it is refused.
TEST(JsonBody, ARawNulByteIsNoJson) {
  EXPECT_EQ(refusal(std::string("{\"title\":\"nul\"}\0{\"start\":\"zzz\"", 31)), 400);
  EXPECT_EQ(refusal(std::string("{\"title\":\"a\0b\"}", 15)), 400);
  EXPECT_EQ(refusal("{\"title\":\"a\\u0000b\"}"), 0);  // an escaped NUL is a JSON string's business
  EXPECT_EQ(refusal("{\"title\":\"ok\"} garbage"), 400);
  EXPECT_EQ(refusal("[1]"), 400);
}

}  // namespace
