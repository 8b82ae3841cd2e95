#pragma once
// Transcripts cached per video, engine and language: a re-run of a video with new clip
// settings reuses the words instead of transcribing again.
#include <optional>
#include <string>

#include "db/database.h"
#include "speech/transcript.h"

namespace clipgen::db {

class TranscriptRepository {
 public:
  explicit TranscriptRepository(Database& db) : db_(db) {}

  // The transcript made from `source` in `language`, if any. The source is the engine
  // (speech::Transcriber::name()), or for words the user gave, that engine and their revision
  // (the same words timed again would give the same transcript; other words would not).
  std::optional<speech::Transcript> find(const std::string& video_id, const std::string& user_id,
                                         const std::string& source, const std::string& language);
  // The transcript of the video most recently stored (made or reused by a job), whatever engine
  // made it (for the API's GET /api/videos/{id}/transcript).
  std::optional<speech::Transcript> latest(const std::string& video_id, const std::string& user_id);
  // Stores (or replaces) the transcript keyed by its source (as find) and language.
  void put(const std::string& video_id, const std::string& user_id, const std::string& source,
           const speech::Transcript& transcript);

 private:
  Database& db_;
};

}  // namespace clipgen::db
