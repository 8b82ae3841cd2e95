#pragma once
// A test-only storage::Storage over a folder, standing in until the real LocalStorage lands on
// main. `local` false hides local_path(), so the worker must download the original as it
// would from S3.
#include <filesystem>
#include <fstream>

#include "storage/storage.h"

namespace clipgen::testing {

class FolderStorage final : public storage::Storage {
 public:
  FolderStorage(std::filesystem::path root, bool local) : root_(std::move(root)), local_(local) {
    std::filesystem::create_directories(root_);
  }

  void put_file(const std::string& key, const std::filesystem::path& source, const std::string&) override {
    std::filesystem::create_directories(path(key).parent_path());
    std::filesystem::copy_file(source, path(key), std::filesystem::copy_options::overwrite_existing);
  }
  void get_file(const std::string& key, const std::filesystem::path& destination) override {
    std::filesystem::copy_file(path(key), destination, std::filesystem::copy_options::overwrite_existing);
  }
  std::optional<std::uint64_t> size(const std::string& key) override {
    if (!std::filesystem::is_regular_file(path(key))) return std::nullopt;
    return std::filesystem::file_size(path(key));
  }
  void remove(const std::string& key) override { std::filesystem::remove(path(key)); }
  void remove_prefix(const std::string& prefix) override {
    for (const auto& key : list(prefix)) remove(key);
  }
  std::vector<std::string> list(const std::string& prefix) override {
    std::vector<std::string> keys;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root_)) {
      if (!entry.is_regular_file()) continue;
      auto key = entry.path().lexically_relative(root_).generic_string();
      if (key.rfind(prefix, 0) == 0) keys.push_back(key);
    }
    return keys;
  }
  std::optional<std::string> presigned_get(const std::string&, std::chrono::seconds, const std::string&) override {
    return std::nullopt;
  }
  std::optional<std::string> presigned_put(const std::string&, std::chrono::seconds, const std::string&,
                                           std::optional<std::uint64_t>) override {
    return std::nullopt;
  }
  std::optional<std::filesystem::path> local_path(const std::string& key) override {
    if (!local_) return std::nullopt;
    return path(key);
  }

 private:
  std::filesystem::path path(const std::string& key) const { return root_ / key; }

  std::filesystem::path root_;
  bool local_;
};

}  // namespace clipgen::testing
