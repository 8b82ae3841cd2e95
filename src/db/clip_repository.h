#pragma once
// The clips a job produced, and those a user made by hand. A retried job replaces its clips as
// a whole, never duplicates them. A clip is changed after an edit only by its render job
// (JobRepository::succeed_render), so its file, fields and version change together.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/database.h"
#include "db/timestamp.h"

namespace clipgen::db {

inline constexpr const char* kJobClip = "job";        // found by a process job
inline constexpr const char* kManualClip = "manual";  // picked by the user (POST /api/videos/{id}/clips)

struct Clip {
  std::string id;  // set by the repository when empty
  std::string job_id;  // the process job that made it, or a hand-made clip's first render job
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
  std::string storage_key;   // the .mp4 ("" for a hand-made clip not rendered yet)
  std::string thumbnail_key; // the .jpg
  std::string subtitles_key; // the .srt, times relative to the clip ("" when none was kept)
  std::string captions_key;  // the .ass burned into it ("" without captions, or none kept)
  int width = 0;
  int height = 0;
  std::uint64_t size_bytes = 0;
  int version = 1;           // 1 as a job made it, +1 per re-render; 0 made by hand, not rendered yet
  std::string origin = kJobClip;
  std::string aspect = "9:16";   // the framing it is (or will first be) rendered with
  std::string layout = "auto";
  bool captions = false;
  std::string caption_style = "bold";
  std::string pending_job_id;    // read only: a queued or running render job of it, "" when none
  Timestamp created_at;      // set by the repository
};

// The storage objects of a clip (those that are set).
std::vector<std::string> clip_files(const Clip& clip);

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
  // Sets the title at once (it is in no file). False when the user has no such clip.
  bool set_title(const std::string& id, const std::string& user_id, const std::string& title);
  // Deletes the clip and cancels its pending render, in one transaction; returns the clip as it
  // was (its files are the caller's to remove), nullopt when the user has no such clip.
  std::optional<Clip> remove(const std::string& id, const std::string& user_id);

 private:
  Database& db_;
};

}  // namespace clipgen::db
