#include "storage/local_storage.h"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "storage/partial_file.h"
#include "storage/storage_key.h"

namespace clipgen::storage {

namespace fs = std::filesystem;

namespace {

// Copies `from` next to `to` and renames it into place: readers see the old file or the new one.
void copy_atomically(const fs::path& from, const fs::path& to) {
  if (to.has_parent_path()) fs::create_directories(to.parent_path());
  const fs::path partial = partial_path_for(to);
  try {
    fs::copy_file(from, partial, fs::copy_options::overwrite_existing);
    fs::rename(partial, to);
  } catch (...) {
    std::error_code ignored;
    fs::remove(partial, ignored);
    throw;
  }
}

// Removes the empty folders inside `dir`, then `dir` and its parents below `root` while empty.
void prune_empty_folders(const fs::path& dir, const fs::path& root) {
  std::error_code ec;
  std::vector<fs::path> folders;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec))
    if (it->is_directory()) folders.push_back(it->path());
  // Deepest first, so a folder whose only content was empty folders goes too.
  std::sort(folders.begin(), folders.end(), [](const fs::path& a, const fs::path& b) {
    return a.native().size() > b.native().size();
  });
  for (const auto& folder : folders)
    if (fs::is_empty(folder, ec) && !ec) fs::remove(folder, ec);
  for (fs::path up = dir; up != root && fs::is_empty(up, ec) && !ec; up = up.parent_path()) fs::remove(up, ec);
}

}  // namespace

LocalStorage::LocalStorage(fs::path root) : root_(std::move(root)) {
  try {
    fs::create_directories(root_);
  } catch (const fs::filesystem_error& e) {
    throw std::runtime_error(fmt::format("cannot create the storage folder {}: {}", root_.string(), e.code().message()));
  }
}

fs::path LocalStorage::path_of(const std::string& key) const {
  check_key(key);
  return root_ / fs::path(key);
}

void LocalStorage::put_file(const std::string& key, const fs::path& source, const std::string&) {
  const fs::path target = path_of(key);
  try {
    copy_atomically(source, target);
  } catch (const fs::filesystem_error& e) {
    throw std::runtime_error(fmt::format("cannot store {} as '{}': {}", source.string(), key, e.code().message()));
  }
}

void LocalStorage::get_file(const std::string& key, const fs::path& destination) {
  const fs::path source = path_of(key);
  if (!fs::is_regular_file(source)) throw std::runtime_error(fmt::format("no stored object '{}'", key));
  try {
    copy_atomically(source, destination);
  } catch (const fs::filesystem_error& e) {
    throw std::runtime_error(
        fmt::format("cannot copy stored object '{}' to {}: {}", key, destination.string(), e.code().message()));
  }
}

std::optional<std::uint64_t> LocalStorage::size(const std::string& key) {
  std::error_code ec;
  const auto bytes = fs::file_size(path_of(key), ec);
  if (ec) return std::nullopt;
  return bytes;
}

void LocalStorage::remove(const std::string& key) {
  std::error_code ec;
  fs::remove(path_of(key), ec);
  if (ec) throw std::runtime_error(fmt::format("cannot remove stored object '{}': {}", key, ec.message()));
}

void LocalStorage::remove_prefix(const std::string& prefix) {
  for (const auto& key : list(prefix)) remove(key);
  // Folders the removal emptied would otherwise pile up, one per deleted video.
  const auto slash = prefix.rfind('/');
  if (slash == std::string::npos || slash == 0) return;
  prune_empty_folders(root_ / prefix.substr(0, slash), root_);
}

std::vector<std::string> LocalStorage::list(const std::string& prefix) {
  std::vector<std::string> keys;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root_, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (!it->is_regular_file() || is_partial(it->path())) continue;
    std::string key = it->path().lexically_relative(root_).generic_string();
    if (key.starts_with(prefix)) keys.push_back(std::move(key));
  }
  if (ec) throw std::runtime_error(fmt::format("cannot list the storage folder {}: {}", root_.string(), ec.message()));
  std::sort(keys.begin(), keys.end());
  return keys;
}

std::optional<std::string> LocalStorage::presigned_get(const std::string&, std::chrono::seconds, const std::string&) {
  return std::nullopt;
}

std::optional<std::string> LocalStorage::presigned_put(const std::string&, std::chrono::seconds, const std::string&,
                                                      std::optional<std::uint64_t>) {
  return std::nullopt;
}

std::optional<fs::path> LocalStorage::local_path(const std::string& key) {
  fs::path path = path_of(key);
  if (!fs::is_regular_file(path)) return std::nullopt;
  return path;
}

}  // namespace clipgen::storage
