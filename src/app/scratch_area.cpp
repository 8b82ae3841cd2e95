#include "app/scratch_area.h"

#include <fcntl.h>
#include <spdlog/spdlog.h>
#include <sys/file.h>
#include <unistd.h>

#include <stdexcept>
#include <system_error>

#include "db/ids.h"

namespace fs = std::filesystem;

namespace clipgen::app {
namespace {

constexpr const char* kLockFile = ".lock";

// An open lock file of `folder` (made when missing) with an exclusive flock, or -1 when another
// process holds it.
int try_lock(const fs::path& folder) {
  const int fd = ::open((folder / kLockFile).c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) return -1;
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

}  // namespace

int ScratchArea::sweep(const fs::path& shared) {
  int removed = 0;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(shared, ec)) {
    int fd = -1;
    if (entry.is_directory() && (fd = try_lock(entry.path())) < 0) continue;  // a live process's
    std::error_code removal;
    fs::remove_all(entry.path(), removal);
    if (fd >= 0) ::close(fd);
    if (removal) {
      spdlog::warn("cannot remove the leftover {}: {}", entry.path().string(), removal.message());
    } else {
      ++removed;
    }
  }
  return removed;
}

ScratchArea::ScratchArea(const fs::path& shared) {
  fs::create_directories(shared);
  if (const int removed = sweep(shared); removed > 0)
    spdlog::info("removed {} leftover(s) of stopped processes from {}", removed, shared.string());
  // Another process sweeping right now may lock (and remove) the new folder before this one
  // does: then take another.
  for (int attempt = 0; attempt < 3 && lock_fd_ < 0; ++attempt) {
    path_ = shared / db::new_id().substr(0, 8);
    fs::create_directories(path_);
    lock_fd_ = try_lock(path_);
  }
  if (lock_fd_ < 0) throw std::runtime_error("cannot lock a scratch folder in " + shared.string());
}

ScratchArea::~ScratchArea() {
  std::error_code ignored;  // best effort: the next start sweeps what is left
  fs::remove_all(path_, ignored);
  ::close(lock_fd_);
}

}  // namespace clipgen::app
