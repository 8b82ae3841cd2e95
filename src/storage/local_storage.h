#pragma once
// Objects as plain files under one folder: the default when no bucket is configured.
#include <filesystem>

#include "storage/storage.h"

namespace clipgen::storage {

class LocalStorage final : public Storage {
 public:
  // Creates `root` when missing.
  explicit LocalStorage(std::filesystem::path root);

  void put_file(const std::string& key, const std::filesystem::path& source, const std::string& content_type) override;
  void get_file(const std::string& key, const std::filesystem::path& destination) override;
  std::optional<std::uint64_t> size(const std::string& key) override;
  void remove(const std::string& key) override;
  void remove_prefix(const std::string& prefix) override;
  std::vector<std::string> list(const std::string& prefix) override;
  std::optional<std::string> presigned_get(const std::string& key, std::chrono::seconds expires_in,
                                           const std::string& download_filename) override;
  std::optional<std::string> presigned_put(const std::string& key, std::chrono::seconds expires_in,
                                           const std::string& content_type,
                                           std::optional<std::uint64_t> content_length) override;
  std::optional<std::filesystem::path> local_path(const std::string& key) override;

  const std::filesystem::path& root() const { return root_; }

 private:
  std::filesystem::path path_of(const std::string& key) const;

  std::filesystem::path root_;
};

}  // namespace clipgen::storage
