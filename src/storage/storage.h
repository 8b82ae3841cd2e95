#pragma once
// The seam where a user picks where media lives: the local filesystem or an S3-compatible
// bucket (Cloudflare R2, AWS S3, MinIO). Keys are '/'-separated relative paths such as
// "users/<uid>/videos/<vid>/original.mp4"; implementations reject keys with "..", a leading
// '/', or control characters.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace clipgen::storage {

class Storage {
 public:
  virtual ~Storage() = default;

  // Stores the file at `source` under `key`, replacing any object there. Streams; large
  // files go up in parts. Throws std::runtime_error naming the key and the cause.
  virtual void put_file(const std::string& key, const std::filesystem::path& source,
                        const std::string& content_type) = 0;
  // Writes the object to `destination` (streamed). Throws when it does not exist.
  virtual void get_file(const std::string& key, const std::filesystem::path& destination) = 0;
  // Size in bytes, or nullopt when there is no such object.
  virtual std::optional<std::uint64_t> size(const std::string& key) = 0;
  // Removes the object; removing a missing object is not an error.
  virtual void remove(const std::string& key) = 0;
  // Removes every object whose key starts with `prefix`.
  virtual void remove_prefix(const std::string& prefix) = 0;
  virtual std::vector<std::string> list(const std::string& prefix) = 0;

  // A URL that lets anyone holding it GET the object until it expires, or nullopt when this
  // backend has no such URL (local files: the API signs its own download URL instead).
  virtual std::optional<std::string> presigned_get(const std::string& key,
                                                   std::chrono::seconds expires_in,
                                                   const std::string& download_filename) = 0;
  // A URL a browser can PUT an upload to directly, or nullopt when unsupported. The PUT must
  // carry `content_type`; with `content_length` the length is signed too, so the bucket itself
  // refuses a body of any other size than the one the API agreed to.
  virtual std::optional<std::string> presigned_put(const std::string& key,
                                                   std::chrono::seconds expires_in,
                                                   const std::string& content_type,
                                                   std::optional<std::uint64_t> content_length) = 0;
  // The file behind a key when it is on this machine (local storage), for streaming it out.
  virtual std::optional<std::filesystem::path> local_path(const std::string& key) = 0;
};

}  // namespace clipgen::storage
