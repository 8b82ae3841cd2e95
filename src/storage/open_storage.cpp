#include "storage/open_storage.h"

#include "storage/local_storage.h"
#include "storage/s3_config.h"
#include "storage/s3_storage.h"

namespace clipgen::storage {

std::unique_ptr<Storage> open_storage(const std::filesystem::path& data_dir) {
  if (auto s3 = s3_config_from_env()) return std::make_unique<S3Storage>(std::move(*s3));
  return std::make_unique<LocalStorage>(data_dir / "files");
}

}  // namespace clipgen::storage
