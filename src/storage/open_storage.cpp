#include "storage/open_storage.h"

#include <stdexcept>

#include "storage/local_storage.h"
#include "storage/s3_config.h"

namespace clipgen::storage {

std::unique_ptr<Storage> open_storage(const std::filesystem::path& data_dir) {
  if (s3_config_from_env()) throw std::runtime_error("S3 storage is not in this build yet: unset STORAGE_BUCKET");
  return std::make_unique<LocalStorage>(data_dir / "files");
}

}  // namespace clipgen::storage
