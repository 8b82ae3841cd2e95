#pragma once
// An answer as routes make it: framework-free (see request.h). The body is one of
//  - text held in memory (JSON, small pages);
//  - a file streamed from disk in pieces, where the server honours Range requests (206, 416);
//  - a stream made piece by piece while the connection is open (Server-Sent Events).
// Files and streams are sent at the pace the client takes them: the server never holds more
// than one piece of either in memory.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <variant>

#include "http/headers.h"

namespace clipgen::http {

// An open regular file and its size, closed when the last copy goes (RAII).
class FileBody {
 public:
  // Nullopt when `path` is missing, unreadable or not a regular file.
  static std::optional<FileBody> open(const std::filesystem::path& path);
  FileBody(FileBody&& other) noexcept;
  FileBody& operator=(FileBody&& other) noexcept;
  FileBody(const FileBody&) = delete;
  FileBody& operator=(const FileBody&) = delete;
  ~FileBody();

  int descriptor() const { return fd_; }
  std::uint64_t size() const { return size_; }

 private:
  FileBody(int fd, std::uint64_t size) : fd_(fd), size_(size) {}
  int fd_ = -1;
  std::uint64_t size_ = 0;
};

// A body made while it is sent (chunked transfer coding).
struct StreamBody {
  // The next piece to send; "" when there is nothing new yet (the server asks again after
  // poll_interval); nullopt when the stream is over. Runs on a worker thread, so it may read a
  // database. The server ends the stream itself when it stops or the client goes away.
  std::function<std::optional<std::string>()> next;
  std::chrono::milliseconds poll_interval{200};
};

struct Response {
  int status = 200;
  Headers headers;
  std::variant<std::string, FileBody, StreamBody> body;
  // Close the connection after this answer (the server also does when the request asks it to,
  // or when a refused request's body was not read).
  bool close = false;

  void set_content(std::string content, const std::string& content_type) {
    body = std::move(content);
    headers.set("Content-Type", content_type);
  }
  void set_file(FileBody file, const std::string& content_type) {
    body = std::move(file);
    headers.set("Content-Type", content_type);
  }
  void set_stream(StreamBody stream, const std::string& content_type) {
    body = std::move(stream);
    headers.set("Content-Type", content_type);
  }
  void redirect(const std::string& location, int redirect_status = 302) {
    status = redirect_status;
    headers.set("Location", location);
    body = std::string();
  }
};

}  // namespace clipgen::http
