#include "db/transcript_repository.h"

#include "db/timestamp.h"
#include "db/write_transaction.h"
#include "speech/transcript_format.h"
#include "text/json_text.h"

namespace clipgen::db {
namespace {

std::optional<speech::Transcript> first_transcript(soci::rowset<std::string>& rows) {
  for (const auto& words : rows) return speech::transcript_from_json(nlohmann::json::parse(words));
  return std::nullopt;
}

// Locks the rows a read-modify-write reads (SQLite's BEGIN IMMEDIATE already holds the database).
const char* for_update(Dialect dialect) { return dialect == Dialect::postgresql ? " FOR UPDATE" : ""; }

void upsert(soci::session& sql, const std::string& video_id, const std::string& user_id, const std::string& source,
            const speech::Transcript& transcript) {
  const std::string words = text::to_json_text(speech::to_json(transcript));
  const long long created = to_millis(now());
  sql << "INSERT INTO transcripts (video_id, user_id, engine, language, words, created_at) "
         "VALUES (:v, :u, :e, :l, :w, :c) "
         "ON CONFLICT (video_id, engine, language) DO UPDATE SET words = excluded.words, created_at = excluded.created_at",
      soci::use(video_id), soci::use(user_id), soci::use(source), soci::use(transcript.language), soci::use(words),
      soci::use(created);
}

}  // namespace

std::optional<speech::Transcript> TranscriptRepository::find(const std::string& video_id, const std::string& user_id,
                                                             const std::string& source, const std::string& language) {
  auto sql = db_.session();
  soci::rowset<std::string> rows =
      (sql.prepare << "SELECT words FROM transcripts "
                      "WHERE video_id = :v AND user_id = :u AND engine = :e AND language = :l",
       soci::use(video_id), soci::use(user_id), soci::use(source), soci::use(language));
  return first_transcript(rows);
}

std::optional<speech::Transcript> TranscriptRepository::latest(const std::string& video_id,
                                                               const std::string& user_id) {
  auto sql = db_.session();
  soci::rowset<std::string> rows = (sql.prepare << "SELECT words FROM transcripts WHERE video_id = :v AND user_id = :u "
                                                   "ORDER BY created_at DESC LIMIT 1",
                                    soci::use(video_id), soci::use(user_id));
  return first_transcript(rows);
}

std::optional<speech::Transcript> TranscriptRepository::correct_latest(
    const std::string& video_id, const std::string& user_id,
    const std::function<speech::Transcript(const speech::Transcript&)>& edit) {
  auto sql = db_.session();
  WriteTransaction tx(sql, db_.dialect());
  std::string engine, language, words;
  soci::indicator found = soci::i_null;
  sql << std::string("SELECT engine, language, words FROM transcripts WHERE video_id = :v AND user_id = :u "
                     "ORDER BY created_at DESC LIMIT 1") +
             for_update(db_.dialect()),
      soci::use(video_id), soci::use(user_id), soci::into(engine, found), soci::into(language), soci::into(words);
  if (!sql.got_data() || found != soci::i_ok) return std::nullopt;
  auto corrected = edit(speech::transcript_from_json(nlohmann::json::parse(words)));
  const std::string stored = text::to_json_text(speech::to_json(corrected));
  sql << "UPDATE transcripts SET words = :w WHERE video_id = :v AND engine = :e AND language = :l", soci::use(stored),
      soci::use(video_id), soci::use(engine), soci::use(language);
  tx.commit();
  return corrected;
}

void TranscriptRepository::put(const std::string& video_id, const std::string& user_id, const std::string& source,
                               const speech::Transcript& transcript) {
  auto sql = db_.session();
  upsert(sql, video_id, user_id, source, transcript);
}

void TranscriptRepository::put_merged(
    const std::string& video_id, const std::string& user_id, const std::string& source, const std::string& language,
    const std::function<speech::Transcript(const std::optional<speech::Transcript>&)>& merge) {
  auto sql = db_.session();
  WriteTransaction tx(sql, db_.dialect());
  std::optional<speech::Transcript> stored;
  {
    soci::rowset<std::string> rows =
        (sql.prepare << std::string("SELECT words FROM transcripts "
                                    "WHERE video_id = :v AND user_id = :u AND engine = :e AND language = :l") +
                            for_update(db_.dialect()),
         soci::use(video_id), soci::use(user_id), soci::use(source), soci::use(language));
    stored = first_transcript(rows);
  }
  upsert(sql, video_id, user_id, source, merge(stored));
  tx.commit();
}

}  // namespace clipgen::db
