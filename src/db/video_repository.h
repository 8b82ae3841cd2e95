#pragma once
// Uploaded originals. Every query takes the owner's user_id: another user's video is "not found".
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/database.h"
#include "db/timestamp.h"
#include "db/user_usage.h"

namespace clipgen::db {

struct Video {
  std::string id;  // db::new_id(), chosen by the caller so the storage key can name it
  std::string user_id;
  std::string filename;      // as uploaded, for display and download names
  std::string content_type;
  std::uint64_t size_bytes = 0;
  double duration_s = 0;
  int width = 0;
  int height = 0;
  bool has_audio = false;
  std::string storage_key;   // of the original
  std::string status = "ready";  // free text owned by the API, e.g. "uploaded" | "ready"
  Timestamp created_at;          // set by create()
};

class VideoRepository {
 public:
  explicit VideoRepository(Database& db) : db_(db) {}

  // Inserts `video` (its id must be set) and returns it with created_at filled in. `admit`,
  // when given, sees the user's usage first (atomically with the insert) and throws to refuse.
  Video create(Video video, const AdmitCheck& admit = {});
  // Newest first.
  std::vector<Video> list(const std::string& user_id);
  std::optional<Video> get(const std::string& id, const std::string& user_id);
  // Deletes the video with its jobs, clips and transcripts (made and given) in one transaction
  // and returns the storage keys the caller must now remove (original, clip files, thumbnails), or nullopt
  // when the user has no such video.
  std::optional<std::vector<std::string>> remove(const std::string& id, const std::string& user_id);

 private:
  Database& db_;
};

}  // namespace clipgen::db
