#pragma once
// A process's own folder under a shared scratch folder (data/uploads, data/work), and the sweep
// that removes what dead processes left there: a partial upload or a job's work files from a
// server that was killed would otherwise stay on disk forever. Each live process holds an
// exclusive flock on a lock file in its folder for as long as it runs; a folder whose lock can
// be taken belongs to no one (the kernel drops a dead process's locks) and is removed, as is
// anything else directly in the shared folder (the layout before this). So several processes
// may share a data dir.
#include <filesystem>

namespace clipgen::app {

class ScratchArea {
 public:
  // Sweeps `shared` (created if needed), then makes and locks a fresh folder of this process in
  // it. Throws std::runtime_error when the folder cannot be made or locked.
  explicit ScratchArea(const std::filesystem::path& shared);
  ~ScratchArea();  // unlocks and removes the folder
  ScratchArea(const ScratchArea&) = delete;
  ScratchArea& operator=(const ScratchArea&) = delete;

  const std::filesystem::path& path() const { return path_; }

  // Removes every entry of `shared` but folders whose lock file a live process holds. Returns
  // how many entries it removed.
  static int sweep(const std::filesystem::path& shared);

 private:
  std::filesystem::path path_;
  int lock_fd_ = -1;
};

}  // namespace clipgen::app
