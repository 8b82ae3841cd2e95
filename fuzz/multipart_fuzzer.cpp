// multipart/form-data upload bodies through a real httplib server on loopback and the upload
// receiver (api/upload_receiver.h), as POST /api/videos gets them; then the stored name made
// from the part's filename. The server runs for the whole fuzzing session; each input is one
// request on a new connection.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>

#include "api/http_error.h"
#include "api/upload_receiver.h"
#include "text/display_text.h"
#include "text/utf8.h"

namespace fs = std::filesystem;

namespace {

constexpr std::uint64_t kLimit = 8192;

int start_server() {
  static httplib::Server server;
  static const fs::path dir = fs::temp_directory_path() / ("clipgen-fuzz-multipart-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  server.Post("/upload", [](const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& reader) {
    try {
      const auto upload = clipgen::api::receive_upload(req, res, reader, dir, kLimit);
      if (upload.size > kLimit || fs::file_size(upload.path) != upload.size) std::abort();
      if (upload.path.parent_path() != dir) std::abort();  // the name cannot leave the folder
      const auto name = clipgen::text::display_text(upload.filename, 255);
      if (!clipgen::text::is_valid_utf8(name)) std::abort();
      fs::remove(upload.path);
      res.status = 201;
    } catch (const clipgen::api::HttpError& e) {
      res.status = e.status;
    }
  });
  const int port = server.bind_to_any_port("127.0.0.1");
  std::thread([] { server.listen_after_bind(); }).detach();
  while (!server.is_running()) std::this_thread::yield();
  return port;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const int port = start_server();
  const std::string request = "POST /upload HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                              "Content-Type: multipart/form-data; boundary=clipgenfuzz\r\n"
                              "Content-Length: " + std::to_string(size) + "\r\n\r\n" +
                              std::string(reinterpret_cast<const char*>(data), size);
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in to{};
  to.sin_family = AF_INET;
  to.sin_port = htons(static_cast<std::uint16_t>(port));
  ::inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0) std::abort();
  std::size_t sent = 0;
  while (sent < request.size()) {
    const auto n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;  // the server may answer and close before reading everything
    sent += static_cast<std::size_t>(n);
  }
  char buffer[4096];
  std::string answer;
  for (ssize_t n; (n = ::recv(fd, buffer, sizeof buffer, 0)) > 0;) answer.append(buffer, static_cast<std::size_t>(n));
  ::close(fd);
  // Every request gets an answer: a hang or a dropped connection would be a bug too.
  if (answer.rfind("HTTP/1.1 ", 0) != 0) std::abort();
  return 0;
}
