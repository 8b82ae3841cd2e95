#pragma once
// The clips a job produced. A retried job replaces its clips as a whole, never duplicates them.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/database.h"
#include "db/timestamp.h"

namespace clipgen::db {

struct Clip {
  std::string id;  // set by the repository when empty
  std::string job_id;
  std::string video_id;
  std::string user_id;
  int clip_number = 0;  // 1-based rank
  double start_s = 0;
  double end_s = 0;
  std::string title;
  std::string text;          // words spoken in the clip
  int virality_score = 1;    // 1..10
  std::string reason;
  std::vector<std::string> hashtags;
  std::string storage_key;   // the .mp4
  std::string thumbnail_key; // the .jpg
  int width = 0;
  int height = 0;
  std::uint64_t size_bytes = 0;
  Timestamp created_at;      // set by the repository
};

class ClipRepository {
 public:
  explicit ClipRepository(Database& db) : db_(db) {}

  // Deletes the job's clips and inserts `clips` in one transaction. Every clip's job_id and
  // user_id must equal the arguments. Returns the stored clips (ids, created_at set).
  std::vector<Clip> replace_for_job(const std::string& job_id, const std::string& user_id,
                                    std::vector<Clip> clips);
  // In clip_number order; empty for another user's job.
  std::vector<Clip> list_for_job(const std::string& job_id, const std::string& user_id);
  std::optional<Clip> get(const std::string& id, const std::string& user_id);

 private:
  Database& db_;
};

}  // namespace clipgen::db
