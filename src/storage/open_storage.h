#pragma once
// Picks the storage backend from the environment: the S3-compatible bucket named by
// STORAGE_BUCKET when set (see s3_config.h), otherwise files under `data_dir`/files.
#include <filesystem>
#include <memory>

#include "storage/storage.h"

namespace clipgen::storage {

std::unique_ptr<Storage> open_storage(const std::filesystem::path& data_dir);

}  // namespace clipgen::storage
