#pragma once
// The HTTP front: cpp-httplib with what every route shares — a request id, CORS, JSON errors
// for everything that fails, an access log and request metrics, body limits, graceful stop.
#include <httplib.h>

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "api/metrics.h"
#include "api/router.h"

namespace clipgen::api {

struct HttpOptions {
  // One thread per open connection (httplib's model): enough for keep-alive clients,
  // SSE watchers and a load test's connections at once.
  std::size_t threads = 128;
  std::uint64_t max_request_bytes = 4ull << 30;  // any body; uploads' own limit is checked too
  std::vector<std::string> cors_origins;
};

class HttpServer {
 public:
  HttpServer(const HttpOptions& options, Metrics& metrics);

  Router router() { return Router(http_); }
  httplib::Server& http() { return http_; }

  // Binds to host:port (port 0: any free port) and returns the port. Throws when it cannot.
  int bind(const std::string& host, int port);
  // Serves until stop(); returns once every connection's thread has finished.
  void run();
  // Stops accepting connections; requests in flight complete, long streams (SSE) end.
  void stop();
  bool stopping() const { return stopping_; }

 private:
  void begin_request(const httplib::Request& req, httplib::Response& res);
  void apply_cors(const httplib::Request& req, httplib::Response& res) const;
  void finish_request(const httplib::Request& req, const httplib::Response& res);

  HttpOptions options_;
  Metrics& metrics_;
  httplib::Server http_;
  std::atomic<bool> stopping_{false};
};

}  // namespace clipgen::api
