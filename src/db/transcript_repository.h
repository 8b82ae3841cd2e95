#pragma once
// Transcripts cached per video, engine and language: a re-run of a video with new clip
// settings reuses the words instead of transcribing again.
#include <functional>
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
  // Replaces the words of the video's latest transcript with edit(its words), in one
  // transaction (a concurrent correction waits, then edits the result of this one). Returns the
  // transcript as stored now; nullopt when there is none. A later job with the same source and
  // language reuses the corrected words; one that makes new words makes a new latest transcript.
  // What `edit` throws propagates, nothing stored.
  std::optional<speech::Transcript> correct_latest(
      const std::string& video_id, const std::string& user_id,
      const std::function<speech::Transcript(const speech::Transcript&)>& edit);
  // Stores (or replaces) the transcript keyed by its source (as find) and language.
  void put(const std::string& video_id, const std::string& user_id, const std::string& source,
           const speech::Transcript& transcript);
  // Stores merge(the transcript stored under that key now, if any) as put does, in one
  // transaction: a job that reused a transcript keeps corrections made while it ran.
  void put_merged(const std::string& video_id, const std::string& user_id, const std::string& source,
                  const std::string& language,
                  const std::function<speech::Transcript(const std::optional<speech::Transcript>&)>& merge);

 private:
  Database& db_;
};

}  // namespace clipgen::db
