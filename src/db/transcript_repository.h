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

  // The transcript `engine` (speech::Transcriber::name()) made in `language`, if any.
  std::optional<speech::Transcript> find(const std::string& video_id, const std::string& user_id,
                                         const std::string& engine, const std::string& language);
  // The most recent transcript of the video, whatever engine made it (for the API's
  // GET /api/videos/{id}/transcript).
  std::optional<speech::Transcript> latest(const std::string& video_id, const std::string& user_id);
  // Stores (or replaces) the transcript keyed by its engine and language.
  void put(const std::string& video_id, const std::string& user_id, const speech::Transcript& transcript);

 private:
  Database& db_;
};

}  // namespace clipgen::db
