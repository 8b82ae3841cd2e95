#include "db/given_transcript_repository.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "db/ids.h"
#include "db/row_queries.h"
#include "db/row_reader.h"
#include "text/json_text.h"

namespace clipgen::db {
namespace {

constexpr const char* kInfoColumns = "kind, word_count, created_at";

GivenTranscriptInfo read_info(RowReader& r) {
  GivenTranscriptInfo info;
  info.kind = r.text();
  info.word_count = static_cast<int>(r.integer());
  info.created_at = r.time();
  return info;
}

// Cue bounds only where a caption gave them.
std::string words_json(const std::vector<speech::TextWord>& words) {
  auto list = nlohmann::json::array();
  for (const auto& word : words) {
    nlohmann::json item{{"text", word.text}};
    if (word.cue_start >= 0) item["cue_start"] = word.cue_start;
    if (word.cue_end >= 0) item["cue_end"] = word.cue_end;
    list.push_back(std::move(item));
  }
  return text::to_json_text(list);
}

std::vector<speech::TextWord> words_from_json(const std::string& stored) {
  std::vector<speech::TextWord> words;
  for (const auto& item : nlohmann::json::parse(stored))
    words.push_back({item.at("text").get<std::string>(), item.value("cue_start", -1.0), item.value("cue_end", -1.0)});
  return words;
}

}  // namespace

std::optional<GivenTranscriptInfo> GivenTranscriptRepository::put(const std::string& video_id,
                                                                  const std::string& user_id, const std::string& kind,
                                                                  const std::vector<speech::TextWord>& words) {
  GivenTranscriptInfo info{kind, static_cast<int>(words.size()), now()};
  const std::string revision = new_id();
  const std::string stored = words_json(words);
  const long long created = to_millis(info.created_at);
  auto sql = db_.session();
  // Only for a video of this user, checked in the same statement as the write.
  const auto inserted = affected(
      sql,
      "INSERT INTO given_transcripts (video_id, user_id, revision, kind, word_count, words, created_at) "
      "SELECT id, user_id, :r, :k, :n, :w, :c FROM videos WHERE id = :v AND user_id = :u "
      "ON CONFLICT (video_id) DO UPDATE SET revision = excluded.revision, kind = excluded.kind, "
      "word_count = excluded.word_count, words = excluded.words, created_at = excluded.created_at",
      soci::use(revision), soci::use(info.kind), soci::use(info.word_count), soci::use(stored), soci::use(created),
      soci::use(video_id), soci::use(user_id));
  if (inserted == 0) return std::nullopt;
  return info;
}

std::optional<GivenTranscript> GivenTranscriptRepository::find(const std::string& video_id,
                                                               const std::string& user_id) {
  auto sql = db_.session();
  return first_row(sql,
                   fmt::format("SELECT {}, revision, words FROM given_transcripts WHERE video_id = :v AND user_id = :u",
                               kInfoColumns),
                   [](const soci::row& row) {
                     RowReader r(row);
                     GivenTranscript given;
                     given.info = read_info(r);
                     given.revision = r.text();
                     given.words = words_from_json(r.text());
                     return given;
                   },
                   video_id, user_id);
}

std::optional<GivenTranscriptInfo> GivenTranscriptRepository::info(const std::string& video_id,
                                                                   const std::string& user_id) {
  auto sql = db_.session();
  return first_row(sql,
                   fmt::format("SELECT {} FROM given_transcripts WHERE video_id = :v AND user_id = :u", kInfoColumns),
                   [](const soci::row& row) {
                     RowReader r(row);
                     return read_info(r);
                   },
                   video_id, user_id);
}

std::map<std::string, GivenTranscriptInfo> GivenTranscriptRepository::infos(const std::string& user_id) {
  auto sql = db_.session();
  std::map<std::string, GivenTranscriptInfo> by_video;
  for (auto& [video_id, info] :
       all_rows(sql, fmt::format("SELECT video_id, {} FROM given_transcripts WHERE user_id = :u", kInfoColumns),
                [](const soci::row& row) {
                  RowReader r(row);
                  std::string video_id = r.text();
                  return std::make_pair(std::move(video_id), read_info(r));
                },
                user_id))
    by_video.emplace(std::move(video_id), std::move(info));
  return by_video;
}

bool GivenTranscriptRepository::remove(const std::string& video_id, const std::string& user_id) {
  auto sql = db_.session();
  return affected(sql, "DELETE FROM given_transcripts WHERE video_id = :v AND user_id = :u", soci::use(video_id),
                  soci::use(user_id)) > 0;
}

}  // namespace clipgen::db
