#include "raw_connection.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>

namespace clipgen::testing {
namespace {

constexpr auto kPatience = std::chrono::minutes(1);

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

double status_field_mib(int pid, const std::string& field) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string name;
  double kib = 0;
  while (in >> name) {
    if (name == field + ":") {
      in >> kib;
      return kib / 1024;
    }
    in.ignore(1 << 10, '\n');
  }
  throw std::runtime_error("no " + field + " for process " + std::to_string(pid));
}

}  // namespace

int RawResponse::count(std::string_view name) const {
  int found = 0;
  std::size_t start = head.find("\r\n");
  while (start != std::string::npos && start + 2 < head.size()) {
    const auto end = head.find("\r\n", start + 2);
    const auto line = std::string_view(head).substr(start + 2, end - start - 2);
    const auto colon = line.find(':');
    if (colon != std::string_view::npos && iequals(line.substr(0, colon), name)) ++found;
    start = end;
  }
  return found;
}

std::string RawResponse::header(std::string_view name) const {
  std::size_t start = head.find("\r\n");
  while (start != std::string::npos && start + 2 < head.size()) {
    const auto end = head.find("\r\n", start + 2);
    const auto line = std::string_view(head).substr(start + 2, end - start - 2);
    const auto colon = line.find(':');
    if (colon != std::string_view::npos && iequals(line.substr(0, colon), name)) {
      auto value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
      return std::string(value);
    }
    start = end;
  }
  return {};
}

RawConnection::RawConnection(int port, const std::string& source_address) {
  fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd_ < 0) throw std::runtime_error(std::string("socket: ") + std::strerror(errno));
  sockaddr_in source{};
  source.sin_family = AF_INET;
  ::inet_pton(AF_INET, source_address.c_str(), &source.sin_addr);
  sockaddr_in target{};
  target.sin_family = AF_INET;
  target.sin_port = htons(static_cast<std::uint16_t>(port));
  target.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const int one = 1;
  ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
  if (::bind(fd_, reinterpret_cast<sockaddr*>(&source), sizeof(source)) != 0 ||
      ::connect(fd_, reinterpret_cast<sockaddr*>(&target), sizeof(target)) != 0) {
    const std::string reason = std::strerror(errno);
    ::close(fd_);
    throw std::runtime_error("connect from " + source_address + ": " + reason);
  }
}

RawConnection::~RawConnection() {
  if (fd_ >= 0) ::close(fd_);
}

RawConnection::RawConnection(RawConnection&& other) noexcept : fd_(other.fd_), pending_(std::move(other.pending_)) {
  other.fd_ = -1;
}

bool RawConnection::send_all(std::string_view bytes) {
  while (!bytes.empty()) {
    const auto sent = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (sent < 0 && errno == EINTR) continue;
    if (sent <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(sent));
  }
  return true;
}

long RawConnection::send_some(std::string_view bytes) {
  const auto sent = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
  if (sent >= 0) return sent;
  return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ? 0 : -1;
}

bool RawConnection::readable(std::chrono::milliseconds wait) const {
  if (!pending_.empty()) return true;
  pollfd entry{fd_, POLLIN, 0};
  return ::poll(&entry, 1, static_cast<int>(wait.count())) > 0;
}

std::optional<RawResponse> RawConnection::read_response() {
  RawResponse response;
  std::size_t head_end = std::string::npos;
  std::size_t body_length = 0;
  while (true) {
    if (head_end == std::string::npos) {
      head_end = pending_.find("\r\n\r\n");
      if (head_end != std::string::npos) {
        response.head = pending_.substr(0, head_end + 2);
        response.status = std::atoi(response.head.c_str() + response.head.find(' ') + 1);
        const std::string length = response.header("Content-Length");
        body_length = length.empty() ? 0 : std::stoull(length);
      }
    }
    if (head_end != std::string::npos && pending_.size() >= head_end + 4 + body_length) {
      response.body = pending_.substr(head_end + 4, body_length);
      pending_.erase(0, head_end + 4 + body_length);
      return response;
    }
    if (!readable(std::chrono::duration_cast<std::chrono::milliseconds>(kPatience))) return std::nullopt;
    char buffer[64 * 1024];
    const auto got = ::recv(fd_, buffer, sizeof(buffer), 0);
    if (got <= 0) return std::nullopt;
    pending_.append(buffer, static_cast<std::size_t>(got));
  }
}

bool RawConnection::closed_by_server() {
  if (!pending_.empty()) return false;
  if (!readable(std::chrono::duration_cast<std::chrono::milliseconds>(kPatience))) return false;
  char byte = 0;
  return ::recv(fd_, &byte, 1, 0) <= 0;
}

void raise_open_file_limit() {
  rlimit limit{};
  ::getrlimit(RLIMIT_NOFILE, &limit);
  limit.rlim_cur = limit.rlim_max;
  ::setrlimit(RLIMIT_NOFILE, &limit);
}

double rss_mib(int pid) { return status_field_mib(pid, "VmRSS"); }
double peak_rss_mib(int pid) { return status_field_mib(pid, "VmHWM"); }

}  // namespace clipgen::testing
