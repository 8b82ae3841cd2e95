#pragma once
// Objects in an S3-compatible bucket (AWS S3, Cloudflare R2, MinIO), spoken to directly over
// HTTP with SigV4: no SDK. Large files go up as a multipart upload, several parts at a time.
#include <cstdint>

#include "net/retry.h"
#include "storage/s3_config.h"
#include "storage/s3_request.h"
#include "storage/storage.h"

namespace clipgen::storage {

struct S3Options {
  std::uint64_t multipart_threshold = 64ull << 20;  // files above this go up in parts
  std::uint64_t part_size = 8ull << 20;             // S3 wants >= 5 MiB but the last
  unsigned parallel_parts = 4;                      // parts in flight at once
  unsigned list_page_size = 1000;                   // keys per LIST request (S3's maximum)
  net::RetryPolicy retry;
  long timeout_seconds = 600;  // per request (one part, one small file)
  long connect_timeout_seconds = 10;
};

class S3Storage final : public Storage {
 public:
  explicit S3Storage(S3Config config, S3Options options = {});

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

  // `length` bytes from `offset` (fewer at the end of the object), with a Range request.
  std::string read_range(const std::string& key, std::uint64_t offset, std::uint64_t length);

 private:
  struct Transfer;
  net::HttpResponse send(net::HttpClient& client, const S3Operation& operation, const Transfer& transfer,
                         const std::string& what);
  void put_single(const std::string& key, const std::filesystem::path& source, std::uint64_t bytes,
                  const std::string& content_type);
  void put_multipart(const std::string& key, const std::filesystem::path& source, std::uint64_t bytes,
                     const std::string& content_type);
  std::string payload_hash(const std::filesystem::path& file, std::uint64_t offset, std::uint64_t length) const;

  S3Config config_;
  S3Options options_;
};

}  // namespace clipgen::storage
