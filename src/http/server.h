#pragma once
// The HTTP/1.1 server under the API: asynchronous connections on a few I/O threads (Boost.Beast
// on Asio, C++20 coroutines), route handlers on a bounded pool of worker threads. An idle, slow
// or streaming connection costs a coroutine and a small buffer, not a thread; a handler that
// waits on a database or hashes a password never holds up the I/O threads.
//
// Every limit is enforced before the bytes it guards are held: the request line, the header's
// size and field count, and a deadline for the whole header block (not per line); each route's
// body limit before any body byte is read (and while a chunked body arrives); the route's guard
// (authentication) before the body; idle keep-alive connections; open connections overall and per
// client address. Duplicate or conflicting Content-Length / Transfer-Encoding are refused (400)
// and the connection closed, as RFC 9112 requires (request smuggling). The listen backlog is the
// OS maximum (net.core.somaxconn).
//
// This header is framework-free: nothing that includes it sees Beast or Asio.
#include <chrono>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <string>

#include "http/request.h"
#include "http/response.h"
#include "http/route.h"

namespace clipgen::http {

struct Limits {
  std::size_t max_request_line_bytes = 8 * 1024;  // method, target and version: 414 past it
  std::size_t max_header_bytes = 16 * 1024;       // request line and fields together: 431 past it
  std::size_t max_header_count = 100;             // 431 past it
  std::chrono::seconds header_timeout{10};        // the whole header block, from its first byte
  std::chrono::seconds keep_alive_timeout{30};    // an open connection between requests
  std::chrono::seconds io_timeout{60};  // the longest wait for a client to send or take body bytes
  std::size_t max_connections = 10000;            // beyond: 503 and close
  std::size_t max_connections_per_client = 256;   // per remote address; beyond: 503 and close
  std::size_t max_ranges = 8;                     // more ranges in one Range header: the whole file
};

// What the application adds to every exchange. Each may be empty.
struct Hooks {
  // First, for every request (also those refused before routing), on an I/O thread, so it must
  // not block: the request id, headers every answer carries (CORS).
  std::function<void(Request&, Response&)> begin;
  // Fills `res` for a failure: an http::Error thrown by a route or by the server itself (its
  // status and code), or any other exception (500). Headers set before the failure are kept.
  std::function<void(const Request&, Response&, std::exception_ptr)> error;
  // Just before the status line and header are written, for every answer that is sent (a
  // route's, an error, a refusal, a 416): headers that depend on the answer as it goes out
  // (security headers). Runs on an I/O thread.
  std::function<void(const Request&, Response&)> send;
  // Last, once the answer is sent or the connection failed while sending it: access log, metrics.
  std::function<void(const Request&, const Response&)> finish;
};

struct ServerOptions {
  Limits limits;
  std::size_t worker_threads = 16;  // run guards, handlers and body receivers
  std::size_t io_threads = 0;       // 0: one per core, at most 4
  std::chrono::seconds drain_timeout{20};  // after stop(): then every connection is closed
};

class Server {
 public:
  Server(ServerOptions options, Hooks hooks);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Routes are tried in the order added; add the catch-all (the web UI's "/*") last. Throws
  // std::invalid_argument for a bad pattern or a route with neither handler nor stream.
  void add(Route route);

  // Listens on host:port (port 0: any free port) and returns the port. Throws std::runtime_error
  // saying why when it cannot.
  int bind(const std::string& host, int port);
  // Serves until stop(); returns once every connection is closed. Raises the process's
  // open-file limit to its hard limit first, and lowers max_connections to fit under it.
  void run();
  // From any thread: stops accepting, closes idle connections, ends streams (SSE) and lets
  // requests in flight finish, for at most drain_timeout.
  void stop();
  bool stopping() const;

  struct Stats {
    std::size_t open_connections = 0;
    std::uint64_t refused_connections = 0;  // over a connection limit
    int listen_backlog = 0;
  };
  Stats stats() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace clipgen::http
