#pragma once
// A cpp-httplib server on a free loopback port for tests that fake a remote API (S3 faults,
// Gemini, OpenAI, Whisper). Handlers are registered on server(); record() keeps what arrived.
// Link clipgen::httplib to use it.
#include <arpa/inet.h>
#include <fmt/format.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <mutex>
#include <stdexcept>
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
    // cpp-httplib's stop() does nothing until the loop has started (is_running), and the loop
    // then never ends: a test that finished before its server thread ran hung in join().
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
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

// A socket that listens but never accepts: connections complete and then hear nothing, the
// shape of a server that hangs.
class SilentServer {
 public:
  SilentServer() : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (::bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || ::listen(fd_, 16) != 0 ||
        ::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length) != 0)
      throw std::runtime_error("cannot open a loopback socket for the silent server");
    port_ = ntohs(address.sin_port);
  }
  ~SilentServer() { ::close(fd_); }
  SilentServer(const SilentServer&) = delete;
  SilentServer& operator=(const SilentServer&) = delete;
  std::string url() const { return fmt::format("http://127.0.0.1:{}", port_); }

 private:
  int fd_;
  int port_ = 0;
};

}  // namespace clipgen::testing
