#pragma once
// A cpp-httplib server on a free loopback port for tests that fake a remote API (S3 faults,
// Gemini, OpenAI, Whisper). Handlers are registered on server(); record() keeps what arrived.
// Link clipgen::httplib to use it.
#include <fmt/format.h>
#include <httplib.h>

#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace clipgen::testing {

class FakeHttpServer {
 public:
  FakeHttpServer() {
    // Bound and listening from here on: connections wait in the backlog until the loop runs.
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
  }
  ~FakeHttpServer() {
    server_.stop();
    thread_.join();
  }
  FakeHttpServer(const FakeHttpServer&) = delete;
  FakeHttpServer& operator=(const FakeHttpServer&) = delete;

  httplib::Server& server() { return server_; }
  std::string url() const { return fmt::format("http://127.0.0.1:{}", port_); }

  // "METHOD /path?name=value&..." (parameters in name order), plus the whole request.
  void record(const httplib::Request& request) {
    std::lock_guard lock(mutex_);
    std::string query;
    for (const auto& [name, value] : request.params)
      query += fmt::format("{}{}={}", query.empty() ? "?" : "&", name, value);
    seen_.push_back(request.method + " " + request.path + query);
    requests_.push_back(request);
  }
  std::vector<std::string> seen() {
    std::lock_guard lock(mutex_);
    return seen_;
  }
  std::vector<httplib::Request> requests() {
    std::lock_guard lock(mutex_);
    return requests_;
  }

 private:
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  std::mutex mutex_;
  std::vector<std::string> seen_;
  std::vector<httplib::Request> requests_;
};

}  // namespace clipgen::testing
