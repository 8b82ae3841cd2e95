#include "net/http_client.h"

#include <curl/curl.h>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <mutex>

namespace clipgen::net {

namespace {

struct CurlDeleter {
  void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
struct SlistDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
struct FileCloser {
  void operator()(std::FILE* file) const { std::fclose(file); }
};
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

void global_init_once() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// The URL without its query string: presigned and signed queries must not end up in logs.
std::string redacted(const std::string& url) { return url.substr(0, url.find('?')); }

FilePtr open_file(const std::filesystem::path& path, const char* mode, const char* why) {
  FilePtr file(std::fopen(path.c_str(), mode));
  if (!file) throw std::runtime_error(fmt::format("cannot open {} {}: {}", path.string(), why, std::strerror(errno)));
  return file;
}

// Where the request body comes from: a string in memory or a byte range of a file.
struct BodySource {
  const std::string* text = nullptr;
  FilePtr file;
  std::uint64_t remaining = 0;
  std::size_t text_offset = 0;
};

std::size_t read_body(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto& source = *static_cast<BodySource*>(user);
  const std::size_t wanted = static_cast<std::size_t>(std::min<std::uint64_t>(size * count, source.remaining));
  std::size_t got = 0;
  if (source.file) {
    got = std::fread(buffer, 1, wanted, source.file.get());
    if (got < wanted && std::ferror(source.file.get())) return CURL_READFUNC_ABORT;
  } else {
    std::memcpy(buffer, source.text->data() + source.text_offset, wanted);
    source.text_offset += wanted;
    got = wanted;
  }
  source.remaining -= got;
  return got;
}

struct ResponseSink {
  CURL* handle = nullptr;
  HttpResponse* response = nullptr;
  const std::filesystem::path* file_path = nullptr;
  FilePtr file;
  bool write_failed = false;
};

std::size_t write_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto& sink = *static_cast<ResponseSink*>(user);
  const std::size_t bytes = size * count;
  long status = 0;
  curl_easy_getinfo(sink.handle, CURLINFO_RESPONSE_CODE, &status);
  if (sink.file_path->empty() || status < 200 || status >= 300) {
    sink.response->body.append(data, bytes);
    return bytes;
  }
  if (!sink.file) {
    sink.file.reset(std::fopen(sink.file_path->c_str(), "wb"));
    if (!sink.file) {
      sink.write_failed = true;
      return 0;
    }
  }
  if (std::fwrite(data, 1, bytes, sink.file.get()) != bytes) {
    sink.write_failed = true;
    return 0;
  }
  return bytes;
}

// libcurl calls this about once a second even while nothing moves; non-zero stops the transfer.
int check_abort(void* flag, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  return static_cast<const std::atomic<bool>*>(flag)->load() ? 1 : 0;
}

std::string trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

std::size_t read_header(char* data, std::size_t size, std::size_t count, void* user) {
  auto& headers = *static_cast<std::map<std::string, std::string>*>(user);
  const std::string_view line(data, size * count);
  // Each response (an interim 100 Continue, a redirect) starts a fresh set of headers.
  if (line.starts_with("HTTP/")) headers.clear();
  if (const auto colon = line.find(':'); colon != std::string_view::npos) {
    std::string name = trim(line.substr(0, colon));
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    headers[name] = trim(line.substr(colon + 1));
  }
  return size * count;
}

}  // namespace

struct HttpClient::Impl {
  std::unique_ptr<CURL, CurlDeleter> handle;
};

HttpClient::HttpClient() : impl_(std::make_unique<Impl>()) {
  global_init_once();
  impl_->handle.reset(curl_easy_init());
  if (!impl_->handle) throw std::runtime_error("libcurl could not create a request handle");
}

HttpClient::~HttpClient() = default;

HttpResponse HttpClient::send(const HttpRequest& request) {
  CURL* curl = impl_->handle.get();
  // One handle per client keeps its connection alive between requests; options start afresh.
  curl_easy_reset(curl);

  BodySource body;
  const bool has_body = !request.body_file.empty() || !request.body.empty();
  if (!request.body_file.empty()) {
    body.file = open_file(request.body_file, "rb", "to send it");
    std::error_code ec;
    const std::uint64_t file_size = std::filesystem::file_size(request.body_file, ec);
    if (ec) throw std::runtime_error(fmt::format("cannot read {}: {}", request.body_file.string(), ec.message()));
    if (request.body_offset > file_size)
      throw std::runtime_error(fmt::format("offset {} is past the end of {}", request.body_offset, request.body_file.string()));
    body.remaining = std::min(request.body_length, file_size - request.body_offset);
    if (std::fseek(body.file.get(), static_cast<long>(request.body_offset), SEEK_SET) != 0)
      throw std::runtime_error(fmt::format("cannot seek in {}: {}", request.body_file.string(), std::strerror(errno)));
  } else {
    body.text = &request.body;
    body.remaining = request.body.size();
  }
  const auto body_size = static_cast<curl_off_t>(body.remaining);

  std::unique_ptr<curl_slist, SlistDeleter> headers;
  auto add_header = [&](const std::string& line) {
    curl_slist* grown = curl_slist_append(headers.get(), line.c_str());
    if (!grown) throw std::bad_alloc();
    static_cast<void>(headers.release());
    headers.reset(grown);
  };
  for (const auto& [name, value] : request.headers) add_header(name + ": " + value);
  // No "Expect: 100-continue" round trip: the servers we talk to answer errors after the body.
  add_header("Expect:");

  HttpResponse response;
  ResponseSink sink{curl, &response, &request.response_file, nullptr, false};
  char error[CURL_ERROR_SIZE] = {};

  curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, request.timeout_seconds);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, request.connect_timeout_seconds);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, read_header);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &response.headers);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, write_body);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &sink);
  if (request.method == "HEAD") {
    curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
  } else if (request.method == "PUT") {
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, body_size);
  } else if (request.method == "POST") {
    curl_easy_setopt(curl, CURLOPT_POST, 1L);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, body_size);
  } else if (request.method != "GET") {
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    // curl sends a body only with POST semantics; the custom method name still goes out.
    if (has_body) {
      curl_easy_setopt(curl, CURLOPT_POST, 1L);
      curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, body_size);
    }
  }
  if (has_body || request.method == "PUT" || request.method == "POST") {
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_body);
    curl_easy_setopt(curl, CURLOPT_READDATA, &body);
  }
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers.get());
  if (request.abort) {
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, check_abort);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, request.abort);
  }

  const CURLcode code = curl_easy_perform(curl);
  if (code == CURLE_ABORTED_BY_CALLBACK)
    throw Aborted(fmt::format("{} {} was stopped", request.method, redacted(request.url)));
  if (sink.write_failed)
    throw std::runtime_error(fmt::format("cannot write the response of {} to {}", redacted(request.url),
                                         request.response_file.string()));
  if (code != CURLE_OK)
    throw TransportError(fmt::format("{} {} failed: {}", request.method, redacted(request.url),
                                     error[0] ? error : curl_easy_strerror(code)));
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
  // A 2xx with an empty body still leaves the promised (empty) file behind.
  if (!request.response_file.empty() && response.status >= 200 && response.status < 300 && !sink.file)
    open_file(request.response_file, "wb", "for the response");
  return response;
}

}  // namespace clipgen::net
