#pragma once
// The one outbound HTTP client (libcurl) used for S3, the LLM APIs and the Whisper API.
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace clipgen::net {

struct HttpRequest {
  std::string method = "GET";
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;                       // sent when body_file is empty
  std::filesystem::path body_file;        // streamed from disk when set
  std::uint64_t body_offset = 0;          // with body_file: the byte range to send
  std::uint64_t body_length = UINT64_MAX; //   (UINT64_MAX: to the end of the file)
  std::filesystem::path response_file;    // a 2xx response body is streamed here when set
  long timeout_seconds = 120;             // whole request
  long connect_timeout_seconds = 10;
  // When set, the transfer stops within about a second of it turning true (Aborted): a
  // cancelled job must not wait out a slow API's timeout.
  const std::atomic<bool>* abort = nullptr;
};

struct HttpResponse {
  long status = 0;
  std::map<std::string, std::string> headers;  // names lowercased
  std::string body;  // empty when a 2xx body went to response_file; error bodies always land here
};

// Thrown for transport failures (DNS, connect, timeout, TLS); an HTTP error status is a
// normal response, not an exception.
struct TransportError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Thrown when the request's `abort` flag stopped it; never retried.
struct Aborted : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class HttpClient {
 public:
  HttpClient();
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;
  HttpResponse send(const HttpRequest& request);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace clipgen::net
