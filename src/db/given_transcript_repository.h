#pragma once
// The words a user gave for a video (captions or a transcript, PUT /api/videos/{id}/transcript):
// at most one per video; the video's later jobs time these words instead of recognising words.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "db/database.h"
#include "db/timestamp.h"
#include "speech/word_aligner.h"

namespace clipgen::db {

// What is shown of a given transcript without its words.
struct GivenTranscriptInfo {
  std::string kind;     // speech::to_string(TranscriptKind): "srt", "vtt", "json" or "text"
  int word_count = 0;
  Timestamp created_at;
};

struct GivenTranscript {
  GivenTranscriptInfo info;
  // New with every upload: a timing of these words cached under an earlier revision is not
  // theirs.
  std::string revision;
  std::vector<speech::TextWord> words;
};

class GivenTranscriptRepository {
 public:
  explicit GivenTranscriptRepository(Database& db) : db_(db) {}

  // Stores (or replaces) the video's words under a new revision. Nullopt (nothing stored) when
  // the user has no such video.
  std::optional<GivenTranscriptInfo> put(const std::string& video_id, const std::string& user_id,
                                         const std::string& kind, const std::vector<speech::TextWord>& words);
  std::optional<GivenTranscript> find(const std::string& video_id, const std::string& user_id);
  std::optional<GivenTranscriptInfo> info(const std::string& video_id, const std::string& user_id);
  // By video id, for every video of the user that has one.
  std::map<std::string, GivenTranscriptInfo> infos(const std::string& user_id);
  // False when there was none.
  bool remove(const std::string& video_id, const std::string& user_id);

 private:
  Database& db_;
};

}  // namespace clipgen::db
