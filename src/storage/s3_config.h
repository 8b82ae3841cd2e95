#pragma once
// Where an S3-compatible bucket is and how to reach it.
#include <optional>
#include <string>

namespace clipgen::storage {

struct S3Config {
  std::string bucket;
  std::string access_key;
  std::string secret_key;
  // Scheme and host (and port) of the service, e.g. https://<account>.r2.cloudflarestorage.com
  // or http://127.0.0.1:9000. Empty: AWS S3 in `region`.
  std::string endpoint;
  std::string region = "us-east-1";  // "auto" for Cloudflare R2
  // Path style puts the bucket in the path (http://host/bucket/key), which MinIO and most
  // self-hosted servers need; virtual-hosted puts it in the host name (AWS's preference).
  bool path_style = true;
};

// The bucket configured through STORAGE_BUCKET, STORAGE_ACCESS_KEY, STORAGE_SECRET_KEY,
// STORAGE_ENDPOINT, STORAGE_REGION and STORAGE_ADDRESSING (path|virtual; default: path with an
// endpoint, virtual on AWS), or nullopt when STORAGE_BUCKET is not set. Throws
// std::invalid_argument naming the variable when the bucket is set but the rest is unusable.
std::optional<S3Config> s3_config_from_env();

}  // namespace clipgen::storage
