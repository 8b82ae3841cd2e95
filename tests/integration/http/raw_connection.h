#pragma once
// A TCP connection to the server under test that sends exactly the bytes a test gives it (a
// hostile client), from a chosen loopback address: 127.0.0.0/8 is all local, so a test can play
// many clients at once (the server limits connections per client address).
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace clipgen::testing {

struct RawResponse {
  int status = 0;
  std::string head;  // status line and header fields, up to the empty line
  std::string body;
  // How many header fields are named `name` (case-insensitive).
  int count(std::string_view name) const;
  std::string header(std::string_view name) const;
};

class RawConnection {
 public:
  // Connects (blocking). Throws std::runtime_error when it cannot.
  explicit RawConnection(int port, const std::string& source_address = "127.0.0.1");
  ~RawConnection();
  RawConnection(RawConnection&& other) noexcept;
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  int fd() const { return fd_; }
  // Sends everything; false when the server closed or reset the connection first.
  bool send_all(std::string_view bytes);
  // Sends what the socket takes now without waiting; -1 when the connection is gone.
  long send_some(std::string_view bytes);
  // True when the server has sent something (or closed) within `wait`.
  bool readable(std::chrono::milliseconds wait) const;
  // One answer with a Content-Length body (or none); nullopt when the connection closed first.
  // Waits at most a minute for each piece, so a broken server fails the test instead of hanging it.
  std::optional<RawResponse> read_response();
  // True when the server closed (or reset) the connection within a minute, with no more bytes.
  bool closed_by_server();

 private:
  int fd_ = -1;
  std::string pending_;  // received, not yet returned
};

// Raises this process's open-file limit to its hard limit (tests open thousands of sockets).
void raise_open_file_limit();

// The server process's resident memory in MiB: now (VmRSS) and its peak so far (VmHWM).
double rss_mib(int pid);
double peak_rss_mib(int pid);

}  // namespace clipgen::testing
