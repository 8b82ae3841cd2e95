#include "http/response.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace clipgen::http {

std::optional<FileBody> FileBody::open(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat info {};
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    ::close(fd);
    return std::nullopt;
  }
  return FileBody(fd, static_cast<std::uint64_t>(info.st_size));
}

FileBody::FileBody(FileBody&& other) noexcept : fd_(other.fd_), size_(other.size_) { other.fd_ = -1; }

FileBody& FileBody::operator=(FileBody&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = other.fd_;
    size_ = other.size_;
    other.fd_ = -1;
  }
  return *this;
}

FileBody::~FileBody() {
  if (fd_ >= 0) ::close(fd_);
}

}  // namespace clipgen::http
