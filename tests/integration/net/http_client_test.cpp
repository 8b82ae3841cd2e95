// HttpClient against a loopback cpp-httplib server: methods, headers, bodies from memory and
// from a byte range of a file, responses streamed to a file, errors and timeouts.
#include "net/http_client.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "net/retry.h"
#include "support/fake_http_server.h"

namespace clipgen::net {

namespace fs = std::filesystem;

namespace {

fs::path work_file(const std::string& name) {
  const fs::path path = fs::path(CLIPGEN_TEST_WORK_DIR) / "http-client" / name;
  fs::create_directories(path.parent_path());
  return path;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

}  // namespace

// The fake every remote-API test stands on: a test that asks nothing (a request refused before
// it is sent) ends its server before the server's thread has started its loop. cpp-httplib's
// stop() ignores a server not yet running, and the loop then never ended (CI hung 900 s).
TEST(FakeHttpServer, EndsWhenDestroyedBeforeItsLoopRuns) {
  for (int i = 0; i < 300; ++i) testing::FakeHttpServer fake;
}

TEST(HttpClient, SendsMethodHeadersAndBodyAndReadsLowercasedHeaders) {
  testing::FakeHttpServer fake;
  auto echo = [&](const httplib::Request& request, httplib::Response& response) {
    fake.record(request);
    response.set_header("X-Echo-Length", std::to_string(request.body.size()));
    response.set_content(request.method + ":" + request.body + ":" + request.get_header_value("X-Custom"), "text/plain");
  };
  fake.server().Put("/put", echo);
  fake.server().Post("/post", echo);
  fake.server().Delete("/delete", echo);
  HttpClient client;
  for (const char* method : {"PUT", "POST", "DELETE"}) {
    HttpRequest request;
    request.method = method;
    request.url = fake.url() + "/" + std::string(method == std::string("PUT") ? "put" : method == std::string("POST") ? "post" : "delete");
    request.headers = {{"X-Custom", "yes"}};
    request.body = "payload";
    const auto response = client.send(request);
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.body, std::string(method) + ":payload:yes");
    EXPECT_EQ(response.headers.at("x-echo-length"), "7");
  }
}

TEST(HttpClient, StreamsAFileRangeUpAndA2xxBodyToAFile) {
  testing::FakeHttpServer fake;
  fake.server().Put("/up", [&](const httplib::Request& request, httplib::Response& response) {
    fake.record(request);
    response.set_content(request.body, "application/octet-stream");
  });
  fake.server().Get("/missing", [&](const httplib::Request&, httplib::Response& response) {
    response.status = 404;
    response.set_content("<Error><Code>NoSuchKey</Code></Error>", "application/xml");
  });
  const fs::path source = work_file("source.bin");
  std::ofstream(source, std::ios::binary) << "0123456789abcdef";
  HttpClient client;
  HttpRequest request;
  request.method = "PUT";
  request.url = fake.url() + "/up";
  request.body_file = source;
  request.body_offset = 4;
  request.body_length = 6;
  request.response_file = work_file("echo.bin");
  const auto response = client.send(request);
  EXPECT_EQ(response.status, 200);
  EXPECT_TRUE(response.body.empty());
  EXPECT_EQ(read_file(request.response_file), "456789");

  HttpRequest missing;
  missing.url = fake.url() + "/missing";
  missing.response_file = work_file("missing.bin");
  fs::remove(missing.response_file);
  const auto not_found = client.send(missing);
  EXPECT_EQ(not_found.status, 404);
  EXPECT_EQ(not_found.body, "<Error><Code>NoSuchKey</Code></Error>");  // error bodies stay readable
  EXPECT_FALSE(fs::exists(missing.response_file));
}

TEST(HttpClient, HeadHasNoBody) {
  testing::FakeHttpServer fake;
  fake.server().Get("/object", [](const httplib::Request&, httplib::Response& response) {
    response.set_content(std::string(1234, 'x'), "video/mp4");
  });
  HttpClient client;
  const auto response = client.send({.method = "HEAD", .url = fake.url() + "/object"});
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.headers.at("content-length"), "1234");
  EXPECT_TRUE(response.body.empty());
}

TEST(HttpClient, TransportFailuresThrowWithoutTheQueryString) {
  testing::SilentServer silent;
  HttpClient client;
  HttpRequest request;
  request.url = silent.url() + "/object?X-Amz-Signature=secret";
  request.timeout_seconds = 1;
  try {
    client.send(request);
    FAIL() << "expected a timeout";
  } catch (const TransportError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("GET " + silent.url() + "/object failed"), std::string::npos) << message;
    EXPECT_EQ(message.find("secret"), std::string::npos) << message;
  }
}

TEST(HttpClient, SendWithRetriesStopsAtTheFirstGoodAnswer) {
  testing::FakeHttpServer fake;
  int calls = 0;
  fake.server().Get("/flaky", [&](const httplib::Request&, httplib::Response& response) {
    response.status = ++calls < 3 ? 502 : 200;
  });
  HttpClient client;
  const RetryPolicy policy{.attempts = 5, .first_delay = std::chrono::milliseconds(5), .max_delay = std::chrono::milliseconds(20)};
  const auto response = send_with_retries(client, policy, [&] { return HttpRequest{.url = fake.url() + "/flaky"}; });
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(calls, 3);
}

// A cancelled job must not sit out a rate limit's Retry-After: the request's abort flag ends the
// wait (and is never retried). A client that ignored it would ask again after 120 s.
TEST(HttpClient, AnAbortFlagEndsTheWaitBeforeARetry) {
  testing::FakeHttpServer fake;
  std::atomic<bool> abort{false};
  std::atomic<int> calls{0};
  fake.server().Get("/busy", [&](const httplib::Request&, httplib::Response& response) {
    ++calls;
    abort = true;  // the user cancels while the answer is on its way
    response.status = 429;
    response.set_header("Retry-After", "120");
  });
  HttpClient client;
  const RetryPolicy policy{.attempts = 2, .first_delay = std::chrono::milliseconds(5), .max_delay = std::chrono::seconds(120)};
  EXPECT_THROW(send_with_retries(client, policy, [&] { return HttpRequest{.url = fake.url() + "/busy", .abort = &abort}; }),
               Aborted);
  EXPECT_EQ(calls, 1);
}

}  // namespace clipgen::net
